"""OpenAPI texts and examples of the token and user endpoints. The sign-in endpoints'
own live with their audience (trainers.api.schema, clients.api.schema)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema

from fitnesspr.api.auth.serializers import RefreshSerializer, TokenPairSerializer, UserSerializer
from fitnesspr.api.schema import error_example, error_response
from fitnesspr.tokens import INVALID_REFRESH

ACCESS = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIn0.c2lnbmF0dXJl"
REFRESH = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.c2lnbmF0dXJl"
TOKENS = {"access": ACCESS, "refresh": REFRESH}
BAD_REFRESH = error_example("AUTHENTICATION_FAILED", INVALID_REFRESH)

TRAINER = {
    "id": 7,
    "business_name": "Alice Strength",
    "slug": "alice-strength",
    "timezone": "Europe/London",
    "unit_system": "metric",
    "currency": "GBP",
    "plate_increment_kg": None,
    "load_step_kg": 2.5,
    "created_at": "2026-01-05T09:30:00Z",
    "updated_at": "2026-01-05T09:30:00Z",
}
TRAINER_USER = {
    "id": 12,
    "email": "alice@example.com",
    "first_name": "Alice",
    "last_name": "Walker",
    "role": "trainer",
    "trainer_id": 7,
    "trainer": TRAINER,
    "client": None,
}
CLIENT_USER = {
    "id": 31,
    "email": "carol@example.com",
    "first_name": "Carol",
    "last_name": "Danvers",
    "role": "client",
    "trainer_id": 7,
    "trainer": None,
    "client": {
        "id": 42,
        "phone": "+44 7700 900123",
        "date_of_birth": "1990-04-12",
        "height_cm": 172.5,
        "goals": "Run a half marathon in October.",
        "status": "active",
        "trainer": {
            key: TRAINER[key]
            for key in ("id", "business_name", "slug", "timezone", "unit_system", "currency")
        },
    },
}
SESSION = {**TOKENS, "user": TRAINER_USER}
CLIENT_SESSION = {**TOKENS, "user": CLIENT_USER}


refresh_post = extend_schema(
    summary="Get a new access token",
    description=(
        "Trades a refresh token for a new access token and a new refresh token. The old "
        "refresh token is revoked: using it again (or after logout) is a 401."
    ),
    request=RefreshSerializer,
    responses={
        200: TokenPairSerializer,
        401: error_response(
            401,
            "The refresh token is invalid, expired, used or revoked.",
            BAD_REFRESH,
        ),
    },
    examples=[
        OpenApiExample("Refresh", value={"refresh": REFRESH}, request_only=True),
        OpenApiExample("New tokens", value=TOKENS, response_only=True),
    ],
)

logout_post = extend_schema(
    summary="Sign out",
    description=(
        "Revokes the refresh token: it can no longer be refreshed. The access token stays "
        "valid until it expires (minutes), so drop it too."
    ),
    request=RefreshSerializer,
    responses={
        204: None,
        401: error_response(
            401,
            "The refresh token is invalid, expired or already revoked.",
            BAD_REFRESH,
        ),
    },
    examples=[OpenApiExample("Sign out", value={"refresh": REFRESH})],
)

me_get = extend_schema(
    summary="The signed-in user",
    description=(
        "Who the token belongs to: id, email, name, `role`, `trainer_id`, and the "
        "trainer's business profile (`trainer`) or the client's own profile (`client`)."
    ),
    responses={200: UserSerializer},
    examples=[
        OpenApiExample("A trainer", value=TRAINER_USER, response_only=True),
        OpenApiExample("A client", value=CLIENT_USER, response_only=True),
    ],
)
