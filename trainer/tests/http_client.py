"""A tiny JSON-over-HTTP client for the API tests (standard library only)."""
import json
import urllib.error
import urllib.request


def call(base: str, method: str, path: str, body=None, raw: bytes = None, timeout: float = 120.0):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())
