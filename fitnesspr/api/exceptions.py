"""One exception handler: every API error leaves in the error envelope with a stable code.

Kept free of rest_framework.views imports at module level (see renderers.py)."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from rest_framework import exceptions, status
from rest_framework.response import Response

from fitnesspr.errors import ConflictError, DomainError

logger = logging.getLogger(__name__)

CODES: dict[type[Exception], str] = {
    exceptions.ValidationError: "VALIDATION_ERROR",
    exceptions.ParseError: "MALFORMED_REQUEST",
    exceptions.AuthenticationFailed: "AUTHENTICATION_FAILED",
    exceptions.NotAuthenticated: "NOT_AUTHENTICATED",
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


def error_response(
    code: str, message: str, status_code: int, details: list[Any] | None = None
) -> Response:
    body = {"success": False, "error": {"code": code, "message": message, "details": details or []}}
    return Response(body, status=status_code)


def envelope_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ConflictError):
        conflict = [{"field": exc.field or "", "message": exc.message, "code": "conflict"}]
        return error_response("CONFLICT", exc.message, status.HTTP_409_CONFLICT, conflict)
    if isinstance(exc, DomainError):
        return error_response(exc.code, exc.message, status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    elif isinstance(exc, Http404):
        exc = exceptions.NotFound()
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()

    if not isinstance(exc, exceptions.APIException):
        logger.exception("Unhandled API error", exc_info=exc)
        return error_response(
            "SERVER_ERROR",
            "Something went wrong on our side.",
            status.HTTP_500_INTERNAL_SERVER_ERROR,
        )

    code = next((c for cls, c in CODES.items() if isinstance(exc, cls)), "ERROR")
    details: list[dict[str, str]] = []
    if isinstance(exc, exceptions.ValidationError):
        details = _flatten(exc.detail)
        message = details[0]["message"] if len(details) == 1 else "The request is invalid."
    elif isinstance(exc.detail, (dict, list)):
        message = str(exc.default_detail)
    else:  # a plain string detail
        message = str(exc.detail)
    response = error_response(code, message, exc.status_code, details)
    wait = getattr(exc, "wait", None)
    if wait is not None:
        response["Retry-After"] = str(int(wait))
    auth_header = getattr(exc, "auth_header", None)
    if auth_header:
        response["WWW-Authenticate"] = auth_header
    return response
