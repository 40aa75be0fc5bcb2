"""One exception handler: every API error leaves in the error envelope with a stable code.

Kept free of rest_framework.views imports at module level (see renderers.py)."""

from __future__ import annotations

import contextlib
import logging
import math
from typing import Any

from django.core.exceptions import (
    PermissionDenied as DjangoPermissionDenied,
)
from django.core.exceptions import (
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import InterfaceError, OperationalError, connections
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response

from fitnesspr.errors import ConflictError, DomainError

logger = logging.getLogger(__name__)

# One code per kind of failure. Every 401 is AUTHENTICATION_FAILED (missing, bad or expired
# credentials alike) and every bad request body is VALIDATION_ERROR, malformed JSON included:
# a caller branches on the code, the message and details say what exactly went wrong.
CODES: dict[type[Exception], str] = {
    exceptions.ValidationError: "VALIDATION_ERROR",
    exceptions.ParseError: "VALIDATION_ERROR",
    exceptions.AuthenticationFailed: "AUTHENTICATION_FAILED",
    exceptions.NotAuthenticated: "AUTHENTICATION_FAILED",
    exceptions.PermissionDenied: "PERMISSION_DENIED",
    exceptions.NotFound: "NOT_FOUND",
    exceptions.MethodNotAllowed: "METHOD_NOT_ALLOWED",
    exceptions.NotAcceptable: "NOT_ACCEPTABLE",
    exceptions.UnsupportedMediaType: "UNSUPPORTED_MEDIA_TYPE",
    exceptions.Throttled: "THROTTLED",
}


def _flatten(detail: Any, field: str | None = None) -> list[dict[str, str]]:
    """DRF's nested error detail as a flat list of {field, message, code}."""
    out: list[dict[str, str]] = []
    if isinstance(detail, dict):
        for key, value in detail.items():
            if isinstance(key, int):  # a list's errors keyed by position: days[0]
                name = f"{field or ''}[{key}]"
            else:
                name = key if field is None else f"{field}.{key}"
            out.extend(_flatten(value, None if key == "non_field_errors" else name))
        return out
    if isinstance(detail, list):
        for index, item in enumerate(detail):
            nested = isinstance(item, dict)
            out.extend(_flatten(item, f"{field}[{index}]" if nested and field else field))
        return out
    item = {"message": str(detail), "code": getattr(detail, "code", "invalid")}
    if field:
        item["field"] = field
    return [item]


def error_body(code: str, message: str, details: list[Any] | None = None) -> dict[str, Any]:
    return {"success": False, "error": {"code": code, "message": message, "details": details or []}}


def error_response(
    code: str, message: str, status_code: int, details: list[Any] | None = None
) -> Response:
    return Response(error_body(code, message, details), status=status_code)


def _set_rollback() -> None:
    # What rest_framework.views.set_rollback does, without importing that module here.
    for db in connections.all(initialized_only=True):
        if db.settings_dict["ATOMIC_REQUESTS"] and db.in_atomic_block:
            db.set_rollback(True)


def _validation_message(details: list[dict[str, str]]) -> str:
    if len(details) == 1:
        return details[0]["message"]
    return f"The request has {len(details)} problems; see details."


def _message(exc: exceptions.APIException) -> tuple[str, list[dict[str, str]]]:
    detail = exc.detail
    if isinstance(exc, exceptions.ValidationError):
        details = _flatten(detail)
        return _validation_message(details), details
    if isinstance(exc, exceptions.ParseError):
        return str(detail), [{"message": str(detail), "code": "parse_error"}]
    if isinstance(detail, dict) and "detail" in detail:  # simplejwt's token errors
        return str(detail["detail"]), []
    if isinstance(detail, (dict, list)):
        return str(exc.default_detail), _flatten(detail)
    return str(detail), []


def refused_request(exc: SuspiciousOperation) -> tuple[str, str, int]:
    """What to answer a request Django refuses to read (too big, too many fields)."""
    if isinstance(exc, RequestDataTooBig):
        return "REQUEST_TOO_LARGE", "The request body is too large.", 413
    if isinstance(exc, (TooManyFieldsSent, TooManyFilesSent)):
        return "VALIDATION_ERROR", "The request has too many fields or parameters.", 400
    return "BAD_REQUEST", "The request could not be read.", 400


#: the database can't be reached (down, restarting, refusing connections): not a bug
#: of ours nor of the caller's; a 503 says "try again shortly"
DATABASE_DOWN = (OperationalError, InterfaceError)
UNAVAILABLE_MESSAGE = "The service is briefly unavailable. Please try again in a moment."
RETRY_AFTER_SECONDS = 30


def drop_broken_connections() -> None:
    """Close the connections the outage broke, so the next request opens a fresh one and
    the app recovers by itself once the database is back (CONN_HEALTH_CHECKS does the
    same at the start of each request)."""
    for conn in connections.all(initialized_only=True):
        with contextlib.suppress(*DATABASE_DOWN):
            conn.close()


def unavailable_response() -> Response:
    logger.error("Database unavailable: answered 503")
    drop_broken_connections()
    response = error_response("SERVICE_UNAVAILABLE", UNAVAILABLE_MESSAGE, 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def envelope_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, DATABASE_DOWN):
        _set_rollback()
        return unavailable_response()
    if isinstance(exc, SuspiciousOperation):
        # A client's mistake or a probe, not our failure: a warning, no traceback.
        code, message, status_code = refused_request(exc)
        logger.warning("Refused an API request: %s", exc)
        return error_response(code, message, status_code)
    if isinstance(exc, ConflictError):
        _set_rollback()
        conflict = [{"field": exc.field or "", "message": exc.message, "code": "conflict"}]
        return error_response("CONFLICT", exc.message, status.HTTP_409_CONFLICT, conflict)
    if isinstance(exc, DomainError):
        _set_rollback()
        return error_response(exc.code, exc.message, status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)

    _set_rollback()
    if not isinstance(exc, exceptions.APIException):
        logger.error("Unhandled API error", exc_info=exc)
        return error_response(
            "SERVER_ERROR",
            "Something went wrong on our side. Please try again later.",
            status.HTTP_500_INTERNAL_SERVER_ERROR,
        )

    code = next((c for cls, c in CODES.items() if isinstance(exc, cls)), "ERROR")
    message, details = _message(exc)
    response = error_response(code, message, exc.status_code, details)
    wait = getattr(exc, "wait", None)
    if wait is not None:
        response["Retry-After"] = str(max(1, math.ceil(wait)))
    auth_header = getattr(exc, "auth_header", None)
    if auth_header:
        response["WWW-Authenticate"] = auth_header
    return response
