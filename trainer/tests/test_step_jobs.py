"""A PPO step is a job: it may take longer than any client's request timeout, and a trainer killed in the
middle of one runs it again after `--resume`, on the same episodes, without counting any twice."""
import signal
import time

from http_client import call
from test_server_resume import episode, start_trainer

SLOW = ["--debug-step-delay-s", "4"]


def wait_job(base, job_id, want, timeout_s=120.0):
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        status, job = call(base, "GET", f"/rl/jobs/{job_id}", timeout=1.0)
        if status == 200 and job["status"] in want:
            return job
        time.sleep(0.1)
    raise AssertionError(f"job {job_id} never reached {want}")


def test_a_step_slower_than_the_client_timeout_completes_and_requests_answer_meanwhile(tmp_path):
    process, base, _ = start_trainer(tmp_path, "--batch-episodes", "2", *SLOW)
    try:
        eps = [episode(base, f"s-{i}") for i in range(2)]
        started = time.time()
        status, result = call(base, "POST", "/rl/episodes", {"run_id": "run-s", "episodes": eps}, timeout=1.0)
        assert status == 202 and time.time() - started < 1.0  # answered before the 4 s step is done
        job_id = result["jobs"][0]["id"]
        running = wait_job(base, job_id, {"running"})
        assert running["step"] == 1
        status, info = call(base, "GET", "/status", timeout=1.0)  # the server is not blocked by the step
        assert status == 200 and info["busy"] and info["jobs"] == {"queued": 0, "running": 1}
        lookup = call(base, "POST", "/rl/episodes/lookup", {"episode_ids": ["s-0", "s-1"]}, timeout=1.0)[1]
        assert lookup["pending"] == ["s-0", "s-1"]
        done = wait_job(base, job_id, {"done"})
        assert done["result"]["episode_ids"] == ["s-0", "s-1"] and done["finished_at"] - done["started_at"] >= 4.0
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_trainer_killed_during_a_step_reruns_it_after_resume_without_double_counting(tmp_path):
    # --save-every 2 (start_trainer's default): step 1 is never checkpointed, step 2 is
    process, base, _ = start_trainer(tmp_path, "--batch-episodes", "2", *SLOW)
    try:
        eps = [episode(base, f"k-{i}") for i in range(4)]
        first = call(base, "POST", "/rl/episodes", {"run_id": "run-k", "episodes": eps[:2]})[1]["jobs"][0]["id"]
        second = call(base, "POST", "/rl/episodes", {"run_id": "run-k", "episodes": eps[2:]})[1]["jobs"][0]["id"]
        wait_job(base, first, {"running"})
    finally:
        process.send_signal(signal.SIGKILL)  # mid-step: nothing of step 1 or 2 was saved
        process.wait(timeout=30)

    process, base, banner = start_trainer(tmp_path, "--batch-episodes", "2", "--resume")
    try:
        assert "2 step job(s) queued again" in banner, banner
        assert wait_job(base, first, {"done"})["result"]["episode_ids"] == ["k-0", "k-1"]
        assert wait_job(base, second, {"done"})["result"]["episode_ids"] == ["k-2", "k-3"]
        lookup = call(base, "POST", "/rl/episodes/lookup", {"episode_ids": [f"k-{i}" for i in range(4)]})[1]
        assert lookup["trained"] == {"k-0": 1, "k-1": 1, "k-2": 2, "k-3": 2}
        again = call(base, "POST", "/rl/episodes", {"run_id": "run-k", "episodes": eps})[1]
        assert again["accepted"] == [] and {d["status"] for d in again["duplicates"]} == {"trained"}
        steps = call(base, "GET", "/rl/steps?since=0")[1]["steps"]
        assert [(s["step"], s["episodes"]) for s in steps] == [(1, 2), (2, 2)]  # each episode in exactly one step
        assert call(base, "GET", "/status")[1]["consumed_episodes"] == 4
    finally:
        process.terminate()
        process.wait(timeout=30)
