"""HTTP routes over a TrainerEngine: parse and validate, call the engine, shape the reply (see API.md)."""
from __future__ import annotations

from typing import Any, Callable
from urllib.parse import parse_qs

from .chat_request import parse_chat_request
from .contract import validate_run_spec
from .engine import TrainerEngine
from .episodes import parse_submission
from .validation import FieldError, as_bool, as_list, as_object, as_str, reject_unknown, require

Handler = Callable[[TrainerEngine, Any, dict], tuple[int, Any]]


def health(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    return 200, {"status": "ok", "model": engine.model.model_name, "step": engine.step,
                 "policy_version": engine.policy_version}


def status(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    return 200, engine.status()


def models(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    return 200, {"object": "list", "data": [{"id": engine.model.model_name, "object": "model", "owned_by": "rlef-trainer",
                                             "policy_version": engine.policy_version}]}


def chat_completions(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    request = parse_chat_request(body, engine.model.vocab_size)
    return 200, engine.complete_chat(request)


def _fingerprint_and_wait(obj: dict) -> tuple[Any, bool]:
    sha = obj.get("config_sha256")
    if sha is not None:
        as_str(sha, "config_sha256", min_len=64, max_len=64)
    return sha, as_bool(obj.get("wait", False), "wait")


def register_run(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    return 200, engine.register_run(validate_run_spec(body))


def submit_episodes(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    run_id, episodes = parse_submission(body, engine.model.vocab_size, engine.model.max_seq_len)
    sha, wait = _fingerprint_and_wait(body)
    result = engine.submit_episodes(run_id, episodes, sha, wait)
    return (202 if result["jobs"] and not wait else 200), result


def submit_examples(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    obj = as_object(body, "")
    reject_unknown(obj, {"run_id", "examples", "config_sha256", "wait"}, "")
    run_id = as_str(require(obj, "run_id", ""), "run_id", min_len=1, max_len=200)
    raws = as_list(require(obj, "examples", ""), "examples", max_len=100_000)
    seen = set()
    for index, raw in enumerate(raws):
        example_id = as_object(raw, f"examples[{index}]").get("example_id")
        if example_id in seen:
            raise FieldError(f"examples[{index}].example_id", f"'{example_id}' appears twice in this request")
        seen.add(example_id)
    sha, wait = _fingerprint_and_wait(obj)
    result = engine.submit_examples(run_id, raws, sha, wait)
    return (202 if result["jobs"] and not wait else 200), result


def flush_episodes(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    obj = as_object(body, "")
    reject_unknown(obj, {"run_id", "config_sha256", "wait"}, "")
    sha, wait = _fingerprint_and_wait(obj)
    result = engine.flush(as_str(require(obj, "run_id", ""), "run_id", min_len=1, max_len=200), sha, wait)
    return (202 if result["job"] and not wait else 200), result


def get_job(engine: TrainerEngine, body: Any, query: dict, job_id: str) -> tuple[int, Any]:
    return 200, engine.job(job_id)


def lookup_episodes(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    obj = as_object(body, "")
    reject_unknown(obj, {"run_id", "episode_ids"}, "")
    ids = [as_str(v, f"episode_ids[{i}]", min_len=1, max_len=200)
           for i, v in enumerate(as_list(require(obj, "episode_ids", ""), "episode_ids", max_len=100_000))]
    return 200, engine.lookup(ids)


def list_steps(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    raw = query.get("since", ["0"])[-1]
    try:
        since = int(raw)
    except ValueError:
        raise FieldError("since", "must be an integer step number") from None
    steps = engine.steps_since(since)
    return 200, {"run_id": engine.run_id, "step": engine.step, "policy_version": engine.policy_version, "steps": steps}


def save_checkpoint(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    if body not in (None, {}):
        reject_unknown(as_object(body, ""), set(), "")
    return 200, engine.save_checkpoint()


def list_checkpoints(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    return 200, {"checkpoint_dir": engine.checkpoint_dir, "checkpoints": engine.list_checkpoints()}


def load_checkpoint(engine: TrainerEngine, body: Any, query: dict) -> tuple[int, Any]:
    obj = as_object(body, "")
    reject_unknown(obj, {"path"}, "")
    return 200, engine.load_checkpoint(as_str(require(obj, "path", ""), "path", min_len=1, max_len=4096))


ROUTES: dict[tuple[str, str], Handler] = {
    ("GET", "/health"): health,
    ("GET", "/status"): status,
    ("GET", "/v1/models"): models,
    ("POST", "/v1/chat/completions"): chat_completions,
    ("POST", "/rl/runs"): register_run,
    ("POST", "/rl/episodes"): submit_episodes,
    ("POST", "/sft/examples"): submit_examples,
    ("POST", "/rl/episodes/lookup"): lookup_episodes,
    ("POST", "/rl/flush"): flush_episodes,
    ("GET", "/rl/steps"): list_steps,
    ("POST", "/checkpoints"): save_checkpoint,
    ("GET", "/checkpoints"): list_checkpoints,
    ("POST", "/checkpoints/load"): load_checkpoint,
}


# Routes with one path parameter: (method, prefix) → handler(engine, body, query, rest of the path).
PREFIX_ROUTES = {("GET", "/rl/jobs/"): get_job}


def parse_query(raw: str) -> dict:
    return parse_qs(raw, keep_blank_values=True)
