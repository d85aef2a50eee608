"""The HTTP API end to end with the tiny model: server on a free port in a background thread."""
import pytest

from rlef_trainer.config import preset
from rlef_trainer.engine import TrainerEngine
from rlef_trainer.model.tiny import TinyActorCritic
from rlef_trainer.model.tokenizer import ByteChatTemplate, ChatMessage
from rlef_trainer.server import serve_in_thread
from conftest import small_config
from http_client import call


@pytest.fixture
def server(tmp_path):
    model = TinyActorCritic(small_config(), seed=2)
    engine = TrainerEngine(model, ByteChatTemplate(), preset("tiny", batch_episodes=2), checkpoint_dir=str(tmp_path))
    http, base = serve_in_thread(engine)
    yield base, engine
    http.shutdown()
    http.server_close()


def chat(base, messages, **extra):
    return call(base, "POST", "/v1/chat/completions", {"model": "builtin:tiny", "messages": messages, **extra})


def episode_via_api(base, episode_id, rewards=(0.0, 1.0)):
    """Two turns through /v1/chat/completions, sending back the exact completion ids each turn."""
    messages = [{"role": "user", "content": "Print the hidden number N."}]
    status, first = chat(base, messages, max_tokens=6, seed=1, temperature=1.0)
    assert status == 200
    choice = first["choices"][0]
    messages += [{"role": "assistant", "content": choice["message"]["content"], "token_ids": choice["completion_token_ids"]},
                 {"role": "user", "content": "Your code failed the following tests:"}]
    status, second = chat(base, messages, max_tokens=5, seed=2)
    assert status == 200
    turns = []
    for reply, reward in ((first, rewards[0]), (second, rewards[1])):
        turns.append({"prompt_ids": reply["prompt_token_ids"], "completion_ids": reply["choices"][0]["completion_token_ids"],
                      "behaviour_logprobs": reply["choices"][0]["completion_logprobs"], "reward": reward,
                      "policy_version": reply["policy_version"], "temperature": 1.0})
    return {"episode_id": episode_id, "turns": turns}


def test_chat_completion_returns_exact_ids_logprobs_and_version(server):
    base, engine = server
    messages = [{"role": "system", "content": "be brief"}, {"role": "user", "content": "hello"}]
    status, reply = chat(base, messages, n=2, max_tokens=7, seed=5, logprobs=True, temperature=0.8)
    assert status == 200
    expected_prompt = ByteChatTemplate().render([ChatMessage("system", "be brief"), ChatMessage("user", "hello")])
    assert reply["prompt_token_ids"] == expected_prompt
    assert reply["object"] == "chat.completion" and reply["policy_version"] == 0
    assert len(reply["choices"]) == 2
    for choice in reply["choices"]:
        ids, logprobs = choice["completion_token_ids"], choice["completion_logprobs"]
        assert 1 <= len(ids) <= 7 and len(logprobs) == len(ids) and all(lp <= 0 for lp in logprobs)
        assert [c["logprob"] for c in choice["logprobs"]["content"]] == logprobs
        assert choice["finish_reason"] in ("stop", "length")
        assert choice["message"]["content"] == ByteChatTemplate().decode(ids)
    assert reply["usage"] == {"prompt_tokens": len(expected_prompt), "completion_tokens": sum(
        len(c["completion_token_ids"]) for c in reply["choices"]), "total_tokens": len(expected_prompt) + sum(
        len(c["completion_token_ids"]) for c in reply["choices"])}
    again = chat(base, messages, n=2, max_tokens=7, seed=5, logprobs=True, temperature=0.8)[1]
    assert [c["completion_token_ids"] for c in again["choices"]] == [c["completion_token_ids"] for c in reply["choices"]]


def test_second_turn_context_contains_the_first_reply_ids(server):
    base, _ = server
    episode = episode_via_api(base, "x")
    first, second = episode["turns"]
    assert second["prompt_ids"][:len(first["prompt_ids"]) + len(first["completion_ids"])] == \
        first["prompt_ids"] + first["completion_ids"]


def test_episodes_train_when_the_batch_is_full_and_are_idempotent(server):
    base, engine = server
    one, two = episode_via_api(base, "ep-1"), episode_via_api(base, "ep-2", rewards=(0.0, -1.0))
    status, result = call(base, "POST", "/rl/episodes", {"run_id": "run-a", "episodes": [one]})
    assert status == 200 and result["accepted"] == ["ep-1"] and result["steps"] == [] and result["buffered"] == 1
    status, result = call(base, "POST", "/rl/episodes", {"run_id": "run-a", "episodes": [one]})
    assert result["accepted"] == [] and result["duplicates"] == [{"episode_id": "ep-1", "status": "buffered"}]
    status, result = call(base, "POST", "/rl/episodes", {"run_id": "run-a", "episodes": [two], "wait": True})
    assert status == 200 and result["accepted"] == ["ep-2"] and result["step"] == 1 and result["policy_version"] == 1
    step = result["steps"][0]
    for key in ("policy_loss", "value_loss", "kl", "approx_kl", "entropy", "clip_fraction", "explained_variance",
                "grad_norm", "advantage_mean", "advantage_std", "reward_mean", "tokens_per_s", "step_time_s"):
        assert key in step, key
    assert step["step"] == 1 and step["episode_ids"] == ["ep-1", "ep-2"] and step["reward_mean"] == 0.0
    status, result = call(base, "POST", "/rl/episodes", {"run_id": "run-a", "episodes": [one, two]})
    assert result["accepted"] == [] and {d["status"] for d in result["duplicates"]} == {"trained"}
    assert engine.step == 1
    assert [s["step"] for s in call(base, "GET", "/rl/steps?since=0")[1]["steps"]] == [1]
    assert call(base, "GET", "/rl/steps?since=1")[1]["steps"] == []
    lookup = call(base, "POST", "/rl/episodes/lookup", {"episode_ids": ["ep-1", "nope"]})[1]
    assert lookup["trained"] == {"ep-1": 1} and lookup["unknown"] == ["nope"]
    status, reply = chat(base, [{"role": "user", "content": "hi"}], max_tokens=2)
    assert reply["policy_version"] == 1
    status, conflict = call(base, "POST", "/rl/episodes", {"run_id": "run-b", "episodes": []})
    assert status == 409 and conflict["error"]["field"] == "run_id"


def test_flush_trains_a_partial_batch(server):
    base, engine = server
    call(base, "POST", "/rl/episodes", {"run_id": "r", "episodes": [episode_via_api(base, "only")]})
    status, result = call(base, "POST", "/rl/flush", {"run_id": "r", "wait": True})
    assert status == 200 and result["step"] == 1 and result["steps"][0]["episodes"] == 1


def test_checkpoint_endpoints(server, tmp_path):
    base, engine = server
    call(base, "POST", "/rl/episodes", {"run_id": "r", "episodes": [episode_via_api(base, "a"), episode_via_api(base, "b")],
                                        "wait": True})
    status, saved = call(base, "POST", "/checkpoints")
    assert status == 200 and saved["step"] == 1 and saved["policy_version"] == 1
    listed = call(base, "GET", "/checkpoints")[1]["checkpoints"]
    assert [c["path"] for c in listed] == [saved["path"]]
    status, loaded = call(base, "POST", "/checkpoints/load", {"path": saved["path"]})
    assert status == 200 and loaded["step"] == 1 and loaded["policy_version"] == 2  # new weights, new version
    status, missing = call(base, "POST", "/checkpoints/load", {"path": str(tmp_path / "nope")})
    assert status == 404


def test_health_status_and_models(server):
    base, _ = server
    assert call(base, "GET", "/health") == (200, {"status": "ok", "model": "builtin:tiny", "step": 0, "policy_version": 0})
    status, info = call(base, "GET", "/status")
    assert status == 200 and info["finetune_mode"] == "full" and info["device"] == "cpu"
    assert info["policy_trainable"] > 0 and info["batch_episodes"] == 2 and info["config"]["kl_beta"] == 0.05
    assert call(base, "GET", "/v1/models")[1]["data"][0]["id"] == "builtin:tiny"


@pytest.mark.parametrize("path, body, field", [
    ("/v1/chat/completions", {"messages": []}, "messages"),
    ("/v1/chat/completions", {"messages": [{"role": "robot", "content": "x"}]}, "messages[0].role"),
    ("/v1/chat/completions", {"messages": [{"role": "user", "content": "x"}], "temperature": 3}, "temperature"),
    ("/v1/chat/completions", {"messages": [{"role": "user", "content": "x"}], "max_tokens": 0}, "max_tokens"),
    ("/v1/chat/completions", {"messages": [{"role": "user", "content": "x"}], "max_tokens": 100000}, "max_tokens"),
    ("/v1/chat/completions", {"messages": [{"role": "user", "content": "x"}], "stream": True}, "stream"),
    ("/v1/chat/completions", {"messages": [{"role": "user", "content": "x", "token_ids": [1]}]}, "messages[0].token_ids"),
    ("/rl/episodes", {"episodes": []}, "run_id"),
    ("/rl/episodes", {"run_id": "r", "episodes": [{"episode_id": "e", "turns": []}]}, "episodes[0].turns"),
    ("/rl/episodes", {"run_id": "r", "episodes": [{"episode_id": "e", "turns": [
        {"prompt_ids": [1], "completion_ids": [2, 3], "behaviour_logprobs": [-1], "reward": 0}]}]},
     "episodes[0].turns[0].behaviour_logprobs"),
    ("/checkpoints/load", {}, "path"),
])
def test_bad_input_is_a_400_naming_the_field(server, path, body, field):
    base, _ = server
    status, error = call(base, "POST", path, body)
    assert status == 400, error
    assert error["error"]["field"] == field and field in error["error"]["message"]


def test_malformed_json_unknown_route_and_wrong_method(server):
    base, _ = server
    status, error = call(base, "POST", "/rl/episodes", raw=b"{not json")
    assert status == 400 and error["error"]["field"] == "body"
    assert call(base, "GET", "/nope")[0] == 404
    assert call(base, "GET", "/rl/episodes")[0] == 405


def test_a_full_batch_queues_a_step_job_answered_at_once_and_polled(server):
    base, engine = server
    one, two = episode_via_api(base, "j-1"), episode_via_api(base, "j-2")
    status, result = call(base, "POST", "/rl/episodes", {"run_id": "run-j", "episodes": [one, two]})
    assert status == 202 and [j["items"] for j in result["jobs"]] == [2] and result["steps"] == []
    job_id = result["jobs"][0]["id"]
    engine.wait_for(list(engine.jobs.values()))
    status, job = call(base, "GET", f"/rl/jobs/{job_id}")
    assert status == 200 and job["status"] == "done" and job["step"] == 1
    assert job["result"]["episode_ids"] == ["j-1", "j-2"] and job["result"]["job_id"] == job_id
    assert call(base, "GET", "/rl/jobs/nope")[0] == 404
    status, flushed = call(base, "POST", "/rl/flush", {"run_id": "run-j"})
    assert status == 200 and flushed["job"] is None and flushed["pending_jobs"] == []
