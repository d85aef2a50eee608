"""The real CLI in a subprocess: kill it mid-run, restart with --resume, nothing lost or double-counted."""
import os
import re
import signal
import subprocess
import sys
import time

import pytest

from http_client import call

TRAINER_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def start_trainer(checkpoint_dir, *extra):
    command = [sys.executable, "-m", "rlef_trainer.server", "--port", "0", "--device", "cpu",
               "--checkpoint-dir", str(checkpoint_dir), "--batch-episodes", "1", "--save-every", "2",
               "--tiny-d-model", "32", "--tiny-layers", "1", "--tiny-heads", "2", "--tiny-d-ff", "64",
               "--max-seq-len", "256", *extra]
    process = subprocess.Popen(command, cwd=TRAINER_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env={**os.environ, "OMP_NUM_THREADS": "1"})
    lines = []
    deadline = time.time() + 120
    while time.time() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
        found = re.search(r"listening on (http://\S+)", line)
        if found:
            return process, found.group(1), "".join(lines)
    process.kill()
    pytest.fail("trainer did not start:\n" + "".join(lines))


def episode(base, episode_id):
    status, reply = call(base, "POST", "/v1/chat/completions",
                         {"messages": [{"role": "user", "content": episode_id}], "max_tokens": 4, "seed": 3})
    assert status == 200
    choice = reply["choices"][0]
    return {"episode_id": episode_id, "turns": [{
        "prompt_ids": reply["prompt_token_ids"], "completion_ids": choice["completion_token_ids"],
        "behaviour_logprobs": choice["completion_logprobs"], "reward": 1.0 if episode_id.endswith("1") else -1.0,
        "policy_version": reply["policy_version"]}]}


def test_kill_and_resume_keeps_trained_episodes_and_retrains_lost_ones(tmp_path):
    process, base, _ = start_trainer(tmp_path)
    try:
        episodes = [episode(base, f"ep-{i}") for i in range(1, 4)]
        for index, ep in enumerate(episodes, start=1):
            result = call(base, "POST", "/rl/episodes", {"run_id": "run-r", "episodes": [ep], "wait": True})[1]
            assert result["step"] == index
        assert [c["step"] for c in call(base, "GET", "/checkpoints")[1]["checkpoints"]] == [2]
    finally:
        process.send_signal(signal.SIGKILL)  # a crash: step 3 was never checkpointed
        process.wait(timeout=30)

    process, base, banner = start_trainer(tmp_path, "--resume")
    try:
        assert "resumed from" in banner and "step 2" in banner
        status = call(base, "GET", "/status")[1]
        assert (status["step"], status["run_id"], status["consumed_episodes"]) == (2, "run-r", 2)
        # step 3 was journaled: it runs again from the step-2 weights on the same episode, unasked
        deadline = time.time() + 120
        while call(base, "GET", "/status")[1]["step"] < 3 and time.time() < deadline:
            time.sleep(0.2)
        lookup = call(base, "POST", "/rl/episodes/lookup", {"episode_ids": ["ep-1", "ep-2", "ep-3"]})[1]
        assert lookup["trained"] == {"ep-1": 1, "ep-2": 2, "ep-3": 3} and lookup["unknown"] == []
        result = call(base, "POST", "/rl/episodes", {"run_id": "run-r", "episodes": episodes})[1]
        assert result["accepted"] == []  # a worker's resubmission is idempotent: nothing counted twice
        assert sorted(d["episode_id"] for d in result["duplicates"]) == ["ep-1", "ep-2", "ep-3"]
        steps = call(base, "GET", "/rl/steps?since=0")[1]["steps"]
        assert [s["step"] for s in steps] == [1, 2, 3] and steps[2]["resumed"] is True
    finally:
        process.terminate()
        process.wait(timeout=30)
