"""OpenAPI generation (drf-spectacular) that documents what the API really answers.

EnvelopeAutoSchema wraps every 2xx body (and its examples) in the success envelope, adds
the error responses an operation can produce (400/401/403/404/429 in the error envelope),
the Retry-After / WWW-Authenticate headers, and the rate limits read from the view's
throttles. A view adds what cannot be inferred (409, a specific 401) with
`error_responses(...)` in its `extend_schema(responses=...)`.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from drf_spectacular.utils import OpenApiExample, OpenApiResponse
from rest_framework import serializers
from rest_framework.permissions import AllowAny
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, ScopedRateThrottle, UserRateThrottle

from fitnesspr.api.permissions import RolePermission
from fitnesspr.api.throttles import IPScopedRateThrottle


class ErrorDetailSerializer(serializers.Serializer[Any]):
    field = serializers.CharField(required=False, help_text="The request field, if any.")
    message = serializers.CharField()
    code = serializers.CharField(help_text="A lower-case code, e.g. `required`, `conflict`.")


class ErrorBodySerializer(serializers.Serializer[Any]):
    code = serializers.CharField(help_text="Stable upper-snake code, e.g. `VALIDATION_ERROR`.")
    message = serializers.CharField(help_text="A sentence a person can read.")
    details = ErrorDetailSerializer(many=True)


class ErrorEnvelopeSerializer(serializers.Serializer[Any]):
    success = serializers.BooleanField(default=False)
    error = ErrorBodySerializer()


def error_example(
    code: str, message: str, details: list[dict[str, str]] | None = None
) -> dict[str, Any]:
    return {"success": False, "error": {"code": code, "message": message, "details": details or []}}


# status -> (description, example body)
ERRORS: dict[int, tuple[str, dict[str, Any]]] = {
    400: (
        "Invalid input (bad field values or malformed JSON); nothing was written.",
        error_example(
            "VALIDATION_ERROR",
            "This field is required.",
            [{"field": "email", "message": "This field is required.", "code": "required"}],
        ),
    ),
    401: (
        "Missing, invalid or expired credentials (see the WWW-Authenticate header).",
        error_example("AUTHENTICATION_FAILED", "Authentication credentials were not provided."),
    ),
    403: (
        "Signed in, but your role may not use this endpoint.",
        error_example("PERMISSION_DENIED", "Only trainers can use this endpoint."),
    ),
    404: (
        "Not found in your scope (another trainer's object is a 404 too), "
        "or a page past the end of a list.",
        error_example("NOT_FOUND", "Not found."),
    ),
    409: (
        "The request clashes with existing data, e.g. the email address is taken.",
        error_example(
            "CONFLICT",
            "An account with this email address already exists.",
            [
                {
                    "field": "email",
                    "message": "An account with this email address already exists.",
                    "code": "conflict",
                }
            ],
        ),
    ),
    415: (
        "The body is not in a media type this operation reads (see its request body), "
        "or a multipart body is not well formed.",
        error_example("UNSUPPORTED_MEDIA_TYPE", 'Unsupported media type "text/plain" in request.'),
    ),
    429: (
        "Too many requests: wait the number of seconds in the Retry-After header.",
        error_example("THROTTLED", "Request was throttled. Expected available in 42 seconds."),
    ),
}


SUCCESS = {
    "200": "Success: the result is in `data`.",
    "201": "Created: the new object is in `data`.",
    "204": "Done; no body.",
}


def error_response(
    status: int, description: str | None = None, example: dict[str, Any] | None = None
) -> OpenApiResponse:
    default_description, default_example = ERRORS[status]
    return OpenApiResponse(
        ErrorEnvelopeSerializer,
        description=description or default_description,
        examples=[OpenApiExample(f"{status}", value=example or default_example)],
    )


def error_responses(*statuses: int) -> dict[int, OpenApiResponse]:
    return {status: error_response(status) for status in statuses}


def throttle_description(view: Any) -> str:
    limits = []
    for throttle in view.get_throttles():
        if isinstance(throttle, ScopedRateThrottle):
            scope = getattr(view, "throttle_scope", None)
            rate = api_settings.DEFAULT_THROTTLE_RATES.get(scope) if scope else None
            if rate:
                who = "IP address" if isinstance(throttle, IPScopedRateThrottle) else "caller"
                limits.append(f"{rate} per {who} (scope `{scope}`)")
        elif isinstance(throttle, AnonRateThrottle):
            limits.append(f"{throttle.rate} per IP address for anonymous requests")
        elif isinstance(throttle, UserRateThrottle):
            limits.append(f"{throttle.rate} per signed-in user")
    if not limits:
        return ""
    return (
        f"**Rate limit:** {'; '.join(limits)}. Over the limit: "
        "429 `THROTTLED` with a `Retry-After` header."
    )


def _is_paginated(schema: Any) -> bool:
    if not isinstance(schema, dict):
        return False
    return "/Paginated" in schema.get("$ref", "") or "pagination" in schema.get("properties", {})


class EnvelopeAutoSchema(AutoSchema):
    def get_filter_backends(self) -> list[Any]:
        # An action on one row (`plans/{id}/shopping-list/`) that answers a list is not
        # the viewset's list: the list's filters do not apply there, so none are documented.
        if getattr(self.view, "detail", False):
            return []
        return list(super().get_filter_backends())

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        limits = throttle_description(self.view) if operation else ""
        if operation is not None and limits:
            description = operation.get("description", "")
            operation["description"] = f"{description}\n\n{limits}".strip()
        if operation is not None and self._has_filters(operation):
            # A filter the API can't read (an unknown status, a date that isn't one)
            # answers 400 VALIDATION_ERROR: document it wherever a GET takes filters.
            responses = operation.setdefault("responses", {})
            if "400" not in responses:
                responses["400"] = self._get_response_for_code(error_response(400), "400")
                operation["responses"] = dict(sorted(responses.items()))
        return operation

    def _has_filters(self, operation: dict[str, Any]) -> bool:
        paging = {"page", "page_size"}
        return self.method == "GET" and any(
            parameter.get("in") == "query" and parameter.get("name") not in paging
            for parameter in operation.get("parameters", [])
        )

    def _success_message(self) -> str:
        # A viewset keys its messages by action, a plain APIView by HTTP method.
        messages = getattr(self.view, "success_messages", {})
        key = getattr(self.view, "action", None) or self.method.lower()
        return messages.get(key, "") or getattr(self.view, "success_message", "")

    def _implied_errors(self) -> list[int]:
        permissions = self.view.get_permissions()
        public = all(isinstance(p, AllowAny) for p in permissions)
        codes = []
        if self.method in ("POST", "PUT", "PATCH"):
            codes.append(400)
            codes.append(415)
        if not public or self.view.get_authenticators():
            codes.append(401)
        if any(isinstance(p, RolePermission) for p in permissions):
            codes.append(403)
        if "{" in self.path or (self.method == "GET" and self._is_list_view()):
            codes.append(404)
        if self.view.get_throttles():
            codes.append(429)
        return codes

    def _get_response_bodies(self, direction: Any = "response") -> dict[str, Any]:
        responses: dict[str, Any] = super()._get_response_bodies(direction)
        for status in self._implied_errors():
            if str(status) not in responses:
                responses[str(status)] = self._get_response_for_code(
                    error_response(status), str(status), direction=direction
                )
        return dict(sorted(responses.items()))

    def _get_response_for_code(
        self,
        serializer: Any,
        status_code: str,
        media_types: Any = None,
        direction: Any = "response",
    ) -> dict[str, Any]:
        response: dict[str, Any] = super()._get_response_for_code(
            serializer, status_code, media_types, direction
        )
        if not "200" <= status_code < "300":
            return response
        if not response.get("description"):
            response["description"] = SUCCESS.get(status_code, "Success.")
        message = self._success_message()
        for media in response.get("content", {}).values():
            if _is_paginated(media.get("schema")):
                continue  # the pagination class already wrote the envelope
            media["schema"] = {
                "type": "object",
                "required": ["success", "data", "message"],
                "properties": {
                    "success": {"type": "boolean", "example": True},
                    "data": media["schema"],
                    "message": {"type": "string", "example": message},
                },
            }
            for example in media.get("examples", {}).values():
                example["value"] = {"success": True, "data": example["value"], "message": message}
        return response

    def _get_response_headers_for_code(
        self, status_code: str, direction: Any = "response"
    ) -> dict[str, Any]:
        headers: dict[str, Any] = super()._get_response_headers_for_code(status_code, direction)
        if status_code == "429":
            headers["Retry-After"] = {
                "schema": {"type": "integer"},
                "description": "Seconds to wait before trying again.",
            }
        if status_code == "401":
            headers["WWW-Authenticate"] = {
                "schema": {"type": "string"},
                "description": 'The scheme to use, e.g. `Bearer realm="api"`.',
            }
        return headers


class BearerJWTScheme(OpenApiAuthenticationExtension):
    target_class = "fitnesspr.api.auth.authentication.JWTAuthentication"
    name = "bearerAuth"
    priority = 1  # wins over drf-spectacular's own "jwtAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        return {
            **build_bearer_security_scheme_object(
                header_name="Authorization", token_prefix="Bearer", bearer_format="JWT"
            ),
            "description": (
                "An access token from `POST /api/v1/auth/login/` (trainer), "
                "`/auth/pin-login/` (client) or `/auth/refresh/`, sent as "
                "`Authorization: Bearer <access>`. Access tokens live 15 minutes by default."
            ),
        }


API_DESCRIPTION = """\
The REST API of FitnessPr, the software a personal trainer runs their business on.

**Authentication.** Trainers sign in with email + password (`auth/login/`), clients with
email + PIN (`auth/pin-login/`). Both return a short-lived JWT `access` token and a
`refresh` token. Send `Authorization: Bearer <access>`. `auth/refresh/` trades a refresh
token for a new pair (each refresh token works once); `auth/logout/` revokes it. Access
token claims: `sub` (user id, a string), `role` (`trainer`, `client`, `staff`),
`trainer_id`, `exp`, `iat`.

**Envelope.** Every response is JSON in one envelope:

    {"success": true, "data": {...}, "message": "..."}
    {"success": false, "error": {"code": "VALIDATION_ERROR", "message": "...", "details": [...]}}
    {"success": true, "data": [...],
     "pagination": {"page": 1, "per_page": 20, "total": 100, "pages": 5}}

**Errors** have stable codes: `VALIDATION_ERROR` (400, including malformed JSON),
`AUTHENTICATION_FAILED` (401), `PERMISSION_DENIED` (403: wrong role), `NOT_FOUND` (404;
another trainer's object is a 404 too), `METHOD_NOT_ALLOWED` (405), `CONFLICT` (409),
`THROTTLED` (429, with `Retry-After`), `SERVER_ERROR` (500). `details` lists
`{field, message, code}` items.

**Lists** take `?page=` and `?per_page=` (default 20, at most 100); a page past the end is
a 404.

**Tenancy.** A trainer reaches only their own data, a client only their own. Owner fields
(`trainer`, `user`, `role`) are never read from a request body.
"""

TAGS = [
    {"name": "auth", "description": "Sign-up, sign-in (password or PIN), tokens, current user."},
    {"name": "trainers", "description": "The signed-in trainer's business profile."},
    {"name": "clients", "description": "A trainer's clients (trainers only)."},
    {
        "name": "exercises",
        "description": "The exercise library: the shared library plus a trainer's own "
        "exercises (clients read their trainer's), muscle groups and equipment.",
    },
    {
        "name": "programs",
        "description": "Training programs with nested days and exercises, templates, "
        "duplicate and assign (trainers), and assignments (both sides: a client reads their "
        "own, with their copy of the program).",
    },
    {
        "name": "meals",
        "description": "Nutrition: the food library (clients read it), recipes with computed "
        "macros, meal plans with nested days (duplicate, assign, targets, shopping list), "
        "assignments, the client's food diary (clients write their own, trainers read it) "
        "and macro compliance.",
    },
    {
        "name": "progress",
        "description": "Workout logs (clients write their own, trainers read their "
        "clients'), today's workout, exercise history with estimated 1RM, adherence; body "
        "measurements, progress photos and uploads, weekly check-ins and replies, progress "
        "settings and the chart summary.",
    },
    {
        "name": "payments",
        "description": "Packages, invoices (trainers manage; a client reads their own and "
        "pays them), manual payments and refunds, Stripe PaymentIntents, the billing "
        "profile, and the Stripe webhook.",
    },
    {
        "name": "portability",
        "description": "A trainer's data leaving and coming in: exports of everything they "
        "own as one ZIP (built in the background), and imports of such an export into a "
        "fresh account.",
    },
]


def describe_api(result: dict[str, Any], **kwargs: Any) -> dict[str, Any]:
    """Postprocessing hook: the API overview and tag descriptions."""
    result.setdefault("info", {})["description"] = API_DESCRIPTION
    operations = [op for path in result.get("paths", {}).values() for op in path.values()]
    used = {tag for op in operations for tag in op.get("tags", [])}
    known = {t["name"] for t in TAGS}
    result["tags"] = [t for t in TAGS if t["name"] in used] + [
        {"name": name} for name in sorted(used - known)
    ]
    return result
