"""Field-level input checks for everything that enters over HTTP (the trainer's side of the zod schemas)."""
from __future__ import annotations

import math
from typing import Any, Optional


class FieldError(ValueError):
    """Bad input at `field` (a JSON path such as `episodes[2].turns[0].completion_ids`)."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def require(obj: dict, key: str, path: str) -> Any:
    if key not in obj:
        raise FieldError(join(path, key), "is required")
    return obj[key]


def join(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def as_object(value: Any, path: str) -> dict:
    if not isinstance(value, dict):
        raise FieldError(path or "body", "must be a JSON object")
    return value


def as_list(value: Any, path: str, min_len: int = 0, max_len: Optional[int] = None) -> list:
    if not isinstance(value, list):
        raise FieldError(path, "must be an array")
    if len(value) < min_len:
        raise FieldError(path, f"must have at least {min_len} element(s)")
    if max_len is not None and len(value) > max_len:
        raise FieldError(path, f"must have at most {max_len} element(s), got {len(value)}")
    return value


def as_str(value: Any, path: str, min_len: int = 0, max_len: int = 10_000_000) -> str:
    if not isinstance(value, str):
        raise FieldError(path, "must be a string")
    if not min_len <= len(value) <= max_len:
        raise FieldError(path, f"length must be in [{min_len}, {max_len}]")
    return value


def as_int(value: Any, path: str, lo: Optional[int] = None, hi: Optional[int] = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise FieldError(path, "must be an integer")
    if lo is not None and value < lo:
        raise FieldError(path, f"must be >= {lo}")
    if hi is not None and value > hi:
        raise FieldError(path, f"must be <= {hi}")
    return value


def as_float(value: Any, path: str, lo: Optional[float] = None, hi: Optional[float] = None) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise FieldError(path, "must be a finite number")
    if lo is not None and value < lo:
        raise FieldError(path, f"must be >= {lo}")
    if hi is not None and value > hi:
        raise FieldError(path, f"must be <= {hi}")
    return float(value)


def as_bool(value: Any, path: str) -> bool:
    if not isinstance(value, bool):
        raise FieldError(path, "must be true or false")
    return value


def as_token_ids(value: Any, path: str, vocab_size: int, min_len: int = 0) -> list[int]:
    ids = as_list(value, path, min_len=min_len)
    for index, token in enumerate(ids):
        if isinstance(token, bool) or not isinstance(token, int) or not 0 <= token < vocab_size:
            raise FieldError(f"{path}[{index}]", f"must be a token id in [0, {vocab_size})")
    return ids


def reject_unknown(obj: dict, allowed: set, path: str) -> None:
    for key in obj:
        if key not in allowed:
            raise FieldError(join(path, key), f"is not a known field (allowed: {', '.join(sorted(allowed))})")
