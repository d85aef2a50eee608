"""`python3 -m rlef_trainer.server --model builtin:tiny --port 8765 --checkpoint-dir DIR [--resume]`

A standard-library ThreadingHTTPServer in front of one TrainerEngine. Requests run on their own threads;
the engine's lock serialises generation and training on the one model.
"""
from __future__ import annotations

import json
import sys
import threading
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional
from urllib.parse import unquote, urlsplit

from .cli import build_engine, parse_args
from .engine import TrainerEngine
from .errors import ConflictError, NotFoundError
from .json_safe import dumps, error_body
from .routes import PREFIX_ROUTES, ROUTES, parse_query
from .validation import FieldError

MAX_BODY_BYTES = 512 * 1024 * 1024


def make_handler(engine: TrainerEngine, log_requests: bool = False):
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "rlef-trainer/0.1"

        def log_message(self, format: str, *args) -> None:  # noqa: A002 - BaseHTTPRequestHandler's name
            if log_requests:
                sys.stderr.write("%s - %s\n" % (self.address_string(), format % args))

        def _send(self, status: int, payload) -> None:
            data = dumps(payload)
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _read_body(self):
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY_BYTES:
                raise FieldError("body", f"is larger than {MAX_BODY_BYTES} bytes")
            raw = self.rfile.read(length) if length else b""
            if not raw.strip():
                return None
            try:
                return json.loads(raw)
            except (json.JSONDecodeError, UnicodeDecodeError) as error:
                raise FieldError("body", f"is not valid JSON: {error}") from None

        def _dispatch(self, method: str) -> None:
            parts = urlsplit(self.path)
            path = parts.path.rstrip("/") or "/"
            handler = ROUTES.get((method, path))
            for (verb, prefix), prefixed in PREFIX_ROUTES.items():
                if handler is None and verb == method and path.startswith(prefix) and len(path) > len(prefix):
                    rest = unquote(path[len(prefix):])
                    handler = lambda e, b, q, f=prefixed, r=rest: f(e, b, q, r)  # noqa: E731
            try:
                body = self._read_body() if method == "POST" else None
                if handler is None:
                    allowed = [m for (m, p) in ROUTES if p == path]
                    if allowed:
                        self._send(405, error_body(f"{method} {path} is not allowed; use {', '.join(allowed)}",
                                                   kind="method_not_allowed"))
                    else:
                        self._send(404, error_body(f"no route {method} {path}", kind="not_found"))
                    return
                status, payload = handler(engine, body, parse_query(parts.query))
                self._send(status, payload)
            except FieldError as error:
                self._send(400, error_body(f"{error.field}: {error.message}", error.field))
            except ConflictError as error:
                self._send(409, error_body(str(error), error.field, kind=error.kind))
            except NotFoundError as error:
                self._send(404, error_body(str(error), kind="not_found"))
            except Exception as error:  # a bug or an accelerator failure: say what, keep serving
                traceback.print_exc()
                self._send(500, error_body(f"{type(error).__name__}: {error}", kind="server_error"))

        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self._dispatch("GET")

        def do_POST(self) -> None:  # noqa: N802
            self._dispatch("POST")

    return Handler


def make_server(engine: TrainerEngine, host: str = "127.0.0.1", port: int = 0,
                log_requests: bool = False) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer((host, port), make_handler(engine, log_requests))
    server.daemon_threads = True
    return server


def serve_in_thread(engine: TrainerEngine, host: str = "127.0.0.1", port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Start a server on a background thread (tests, toy check); returns (server, base_url)."""
    server = make_server(engine, host, port)
    threading.Thread(target=server.serve_forever, name="rlef-trainer-http", daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}"


def main(argv: Optional[list] = None) -> None:
    args = parse_args(argv)
    engine, notes = build_engine(args)
    server = make_server(engine, args.host, args.port, args.log_requests)
    for note in notes:
        print(note, flush=True)
    print(f"rlef-trainer listening on http://{args.host}:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
