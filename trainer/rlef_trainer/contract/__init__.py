"""The worker ⇄ trainer run contract: `run_spec.schema.json`, generated from the zod schema in
lib/trainer-api/trainer-contract.ts (never edited by hand), and a validator for exactly the JSON Schema
keywords that file uses. An unknown keyword is an error when the schema is loaded, so a zod change the
validator does not understand fails the trainer's tests instead of being ignored."""
from __future__ import annotations

import json
import os
import re
from functools import lru_cache
from typing import Any

from ..validation import FieldError

SCHEMA_PATH = os.path.join(os.path.dirname(__file__), "run_spec.schema.json")
KNOWN_KEYWORDS = {"$schema", "type", "properties", "required", "additionalProperties", "enum", "minimum", "maximum",
                  "exclusiveMinimum", "exclusiveMaximum", "pattern", "minLength", "maxLength"}


def _check_keywords(node: dict, path: str) -> None:
    unknown = set(node) - KNOWN_KEYWORDS
    if unknown:
        raise ValueError(f"{SCHEMA_PATH}: {path or 'root'} uses JSON Schema keywords the trainer does not "
                         f"implement: {sorted(unknown)}")
    for name, child in node.get("properties", {}).items():
        _check_keywords(child, f"{path}.{name}" if path else name)


@lru_cache(maxsize=1)
def run_spec_schema() -> dict:
    with open(SCHEMA_PATH) as handle:
        schema = json.load(handle)
    _check_keywords(schema, "")
    return schema


def config_properties() -> dict:
    """The `config` object's properties: one per PPOConfig field."""
    return run_spec_schema()["properties"]["config"]["properties"]


def _type_ok(value: Any, kind: str) -> bool:
    if kind == "object":
        return isinstance(value, dict)
    if kind == "string":
        return isinstance(value, str)
    if kind == "boolean":
        return isinstance(value, bool)
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return False
    if kind == "integer":
        return isinstance(value, int) or float(value).is_integer()
    return kind == "number"


def validate(value: Any, schema: dict, path: str) -> None:
    """Raise FieldError(path, ...) at the first violation (field paths as the HTTP layer reports them)."""
    where = path or "body"
    kind = schema.get("type")
    if kind and not _type_ok(value, kind):
        raise FieldError(where, f"must be of type {kind}")
    if "enum" in schema and value not in schema["enum"]:
        raise FieldError(where, f"must be one of {', '.join(map(str, schema['enum']))}")
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            raise FieldError(where, f"must be >= {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            raise FieldError(where, f"must be <= {schema['maximum']}")
        if "exclusiveMinimum" in schema and value <= schema["exclusiveMinimum"]:
            raise FieldError(where, f"must be > {schema['exclusiveMinimum']}")
        if "exclusiveMaximum" in schema and value >= schema["exclusiveMaximum"]:
            raise FieldError(where, f"must be < {schema['exclusiveMaximum']}")
    if isinstance(value, str):
        if len(value) < schema.get("minLength", 0) or len(value) > schema.get("maxLength", len(value)):
            raise FieldError(where, f"length must be in [{schema.get('minLength', 0)}, {schema.get('maxLength')}]")
        if "pattern" in schema and not re.search(schema["pattern"], value):
            raise FieldError(where, f"must match {schema['pattern']}")
    if isinstance(value, dict):
        for key in schema.get("required", []):
            if key not in value:
                raise FieldError(f"{path}.{key}" if path else key, "is required")
        properties = schema.get("properties", {})
        for key, child in value.items():
            child_path = f"{path}.{key}" if path else key
            if key in properties:
                validate(child, properties[key], child_path)
            elif schema.get("additionalProperties") is False:
                raise FieldError(child_path, f"is not a known field (allowed: {', '.join(sorted(properties))})")


def validate_run_spec(body: Any) -> dict:
    validate(body, run_spec_schema(), "")
    return body
