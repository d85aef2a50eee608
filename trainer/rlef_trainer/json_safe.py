"""JSON for the HTTP layer and checkpoint files: NaN/inf become null (JavaScript's JSON.parse rejects NaN)."""
from __future__ import annotations

import json
import math
from typing import Any


def sanitize(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {str(k): sanitize(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [sanitize(v) for v in value]
    return value


def dumps(value: Any) -> bytes:
    return json.dumps(sanitize(value), allow_nan=False, separators=(",", ":")).encode("utf-8")


def error_body(message: str, field: str = "", kind: str = "invalid_request_error") -> dict:
    """OpenAI's error shape, with `field` (a JSON path) when one input field is at fault."""
    return {"error": {"message": message, "type": kind, "field": field or None, "param": field or None}}
