"""Errors the HTTP layer maps to status codes."""


class ConflictError(RuntimeError):
    """The request contradicts the trainer's state (e.g. episodes of another run) → HTTP 409."""

    def __init__(self, message: str, field: str = ""):
        super().__init__(message)
        self.field = field


class NotFoundError(RuntimeError):
    """A referenced thing (checkpoint path) does not exist → HTTP 404."""
