"""Validation of `POST /v1/chat/completions` bodies (the OpenAI fields we serve, plus `token_ids`)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Optional

from .model.tokenizer import ChatMessage
from .rollout.sampling import SamplingParams
from .validation import (FieldError, as_bool, as_float, as_int, as_list, as_object, as_str, as_token_ids, require)

ROLES = ("system", "user", "assistant")
# Accepted for OpenAI compatibility only at their neutral value; anything else is a 400, not silently ignored.
NEUTRAL_FIELDS = {"frequency_penalty": 0, "presence_penalty": 0, "stream": False, "stop": None,
                  "logit_bias": None, "tools": None, "response_format": None}
MAX_N = 64


@dataclass
class ChatRequest:
    model: Optional[str]
    messages: list[ChatMessage]
    temperature: float
    top_p: float
    max_tokens: Optional[int]
    n: int
    seed: Optional[int]
    logprobs: bool

    def sampling_params(self, max_tokens: int) -> list[SamplingParams]:
        """One row per choice; choice i of a seeded request uses seed + i."""
        return [SamplingParams(self.temperature, self.top_p, max_tokens,
                               None if self.seed is None else self.seed + i) for i in range(self.n)]


def _content(value: Any, path: str) -> str:
    if isinstance(value, str):
        return value
    parts = as_list(value, path)  # OpenAI's array-of-parts form: only text parts
    texts = []
    for index, part in enumerate(parts):
        part = as_object(part, f"{path}[{index}]")
        if part.get("type") != "text":
            raise FieldError(f"{path}[{index}].type", "only 'text' content parts are supported")
        texts.append(as_str(part.get("text"), f"{path}[{index}].text"))
    return "".join(texts)


def parse_message(raw: Any, path: str, vocab_size: int) -> ChatMessage:
    obj = as_object(raw, path)
    role = as_str(require(obj, "role", path), f"{path}.role")
    if role not in ROLES:
        raise FieldError(f"{path}.role", f"must be one of {', '.join(ROLES)}")
    content = _content(obj.get("content", ""), f"{path}.content") if obj.get("content") is not None else ""
    token_ids = obj.get("token_ids")
    if token_ids is not None:
        if role != "assistant":
            raise FieldError(f"{path}.token_ids", "is only allowed on assistant messages")
        token_ids = tuple(as_token_ids(token_ids, f"{path}.token_ids", vocab_size, min_len=1))
    return ChatMessage(role, content, token_ids)


def parse_chat_request(body: Any, vocab_size: int) -> ChatRequest:
    obj = as_object(body, "")
    for key, neutral in NEUTRAL_FIELDS.items():
        if key in obj and obj[key] not in (neutral, None) and obj[key] != neutral:
            raise FieldError(key, f"is not supported by this server (only {neutral!r})")
    if obj.get("top_logprobs") not in (None, 0):
        raise FieldError("top_logprobs", "is not supported (only 0)")
    model = obj.get("model")
    if model is not None:
        as_str(model, "model")
    raw_messages = as_list(require(obj, "messages", ""), "messages", min_len=1)
    messages = [parse_message(m, f"messages[{i}]", vocab_size) for i, m in enumerate(raw_messages)]
    temperature = as_float(obj.get("temperature", 1.0) if obj.get("temperature") is not None else 1.0,
                           "temperature", lo=0.0, hi=2.0)
    top_p = as_float(obj.get("top_p", 1.0) if obj.get("top_p") is not None else 1.0, "top_p", lo=0.0, hi=1.0)
    if top_p == 0.0:
        raise FieldError("top_p", "must be > 0")
    max_key = "max_completion_tokens" if obj.get("max_completion_tokens") is not None else "max_tokens"
    max_tokens = obj.get(max_key)
    if max_tokens is not None:
        max_tokens = as_int(max_tokens, max_key, lo=1)
    n = as_int(obj.get("n", 1) if obj.get("n") is not None else 1, "n", lo=1, hi=MAX_N)
    seed = obj.get("seed")
    if seed is not None:
        seed = as_int(seed, "seed", lo=0, hi=2**62)
    logprobs = as_bool(obj.get("logprobs", False) if obj.get("logprobs") is not None else False, "logprobs")
    return ChatRequest(model, messages, temperature, top_p, max_tokens, n, seed, logprobs)
