"""Domain errors raised by services. Django's ValidationError covers bad input; these
cover the cases a caller must tell apart (the API maps them to stable codes)."""

from __future__ import annotations


class DomainError(Exception):
    code = "DOMAIN_ERROR"

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class ConflictError(DomainError):
    """The request clashes with existing data (a taken email, a duplicate number)."""

    code = "CONFLICT"
