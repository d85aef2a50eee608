"""The episodes the worker submits for training, and their validation.

An episode's turns share one token sequence: turn t+1's context (`prompt_ids`) must begin with turn t's
context followed by turn t's exact completion ids. The trainer trains on that single sequence
(`prompt_ids` of the last turn + its completion), with loss only on completion tokens.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Optional

from .validation import (FieldError, as_float, as_int, as_list, as_object, as_str, as_token_ids, reject_unknown,
                         require)

TURN_FIELDS = {"prompt_ids", "completion_ids", "behaviour_logprobs", "reward", "policy_version", "temperature"}
EPISODE_FIELDS = {"episode_id", "turns", "metadata"}


@dataclass
class Turn:
    prompt_ids: list[int]
    completion_ids: list[int]
    behaviour_logprobs: list[float]
    reward: float  # environment part only (terminal ±1, −0.2 invalid code); the KL part is added in PPO
    policy_version: int = 0
    temperature: Optional[float] = None  # sampling temperature; None = the config's train_temperature


@dataclass
class Episode:
    episode_id: str
    turns: list[Turn]
    metadata: dict = field(default_factory=dict)
    raw: Optional[dict] = field(default=None, repr=False, compare=False)  # as submitted (for the journal)

    @property
    def sequence(self) -> list[int]:
        last = self.turns[-1]
        return last.prompt_ids + last.completion_ids

    def env_return(self) -> float:
        return sum(turn.reward for turn in self.turns)


def parse_turn(raw: Any, path: str, vocab_size: int) -> Turn:
    obj = as_object(raw, path)
    reject_unknown(obj, TURN_FIELDS, path)
    prompt = as_token_ids(require(obj, "prompt_ids", path), f"{path}.prompt_ids", vocab_size, min_len=1)
    completion = as_token_ids(require(obj, "completion_ids", path), f"{path}.completion_ids", vocab_size, min_len=1)
    logprobs_path = f"{path}.behaviour_logprobs"
    logprobs = as_list(require(obj, "behaviour_logprobs", path), logprobs_path)
    if len(logprobs) != len(completion):
        raise FieldError(logprobs_path, f"must have one entry per completion token ({len(completion)}), got {len(logprobs)}")
    checked = [as_float(v, f"{logprobs_path}[{i}]", hi=1e-3) for i, v in enumerate(logprobs)]
    reward = as_float(require(obj, "reward", path), f"{path}.reward", lo=-100.0, hi=100.0)
    version = as_int(obj.get("policy_version", 0), f"{path}.policy_version", lo=0)
    temperature = obj.get("temperature")
    if temperature is not None:
        temperature = as_float(temperature, f"{path}.temperature", lo=1e-3, hi=10.0)
    return Turn(prompt, completion, checked, reward, version, temperature)


def parse_episode(raw: Any, path: str, vocab_size: int, max_seq_len: int) -> Episode:
    obj = as_object(raw, path)
    reject_unknown(obj, EPISODE_FIELDS, path)
    episode_id = as_str(require(obj, "episode_id", path), f"{path}.episode_id", min_len=1, max_len=200)
    raw_turns = as_list(require(obj, "turns", path), f"{path}.turns", min_len=1, max_len=64)
    turns = [parse_turn(t, f"{path}.turns[{i}]", vocab_size) for i, t in enumerate(raw_turns)]
    for index in range(1, len(turns)):
        before = turns[index - 1].prompt_ids + turns[index - 1].completion_ids
        if turns[index].prompt_ids[:len(before)] != before:
            mismatch = next((i for i, (a, b) in enumerate(zip(before, turns[index].prompt_ids)) if a != b),
                            min(len(before), len(turns[index].prompt_ids)))
            raise FieldError(f"{path}.turns[{index}].prompt_ids",
                             f"must start with turns[{index - 1}].prompt_ids + turns[{index - 1}].completion_ids "
                             f"(first difference at token {mismatch}); send the exact ids the trainer returned")
        if len(turns[index].prompt_ids) == len(before):
            raise FieldError(f"{path}.turns[{index}].prompt_ids", "must contain new context after the previous reply")
    length = len(turns[-1].prompt_ids) + len(turns[-1].completion_ids)
    if length > max_seq_len:
        raise FieldError(f"{path}.turns", f"sequence has {length} tokens, more than the model's max_seq_len {max_seq_len}")
    metadata = obj.get("metadata", {})
    if not isinstance(metadata, dict):
        raise FieldError(f"{path}.metadata", "must be a JSON object")
    return Episode(episode_id, turns, metadata, obj)


def parse_submission(body: Any, vocab_size: int, max_seq_len: int) -> tuple[str, list[Episode]]:
    obj = as_object(body, "")
    reject_unknown(obj, {"run_id", "episodes", "config_sha256", "wait"}, "")
    run_id = as_str(require(obj, "run_id", ""), "run_id", min_len=1, max_len=200)
    raw = as_list(require(obj, "episodes", ""), "episodes", max_len=100_000)
    episodes = [parse_episode(e, f"episodes[{i}]", vocab_size, max_seq_len) for i, e in enumerate(raw)]
    seen: set[str] = set()
    for index, episode in enumerate(episodes):
        if episode.episode_id in seen:
            raise FieldError(f"episodes[{index}].episode_id", f"'{episode.episode_id}' appears twice in this request")
        seen.add(episode.episode_id)
    return run_id, episodes


def finite_or_none(value: float) -> Optional[float]:
    return value if isinstance(value, (int, float)) and math.isfinite(value) else None
