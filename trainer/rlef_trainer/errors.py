"""Errors the HTTP layer maps to status codes."""


class ConflictError(RuntimeError):
    """The request contradicts the trainer's state (e.g. episodes of another run) → HTTP 409.

    `kind` is the error body's `type`; `run_not_registered` tells the worker to register the run again
    (the trainer restarted without it) and retry."""

    def __init__(self, message: str, field: str = "", kind: str = "conflict"):
        super().__init__(message)
        self.field = field
        self.kind = kind


class NotFoundError(RuntimeError):
    """A referenced thing (checkpoint path, step job) does not exist → HTTP 404."""
