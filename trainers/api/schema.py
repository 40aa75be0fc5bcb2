"""OpenAPI texts and examples of the trainers' endpoints (the views stay readable)."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema

from fitnesspr.api.auth.schema import SESSION, TRAINER
from fitnesspr.api.auth.serializers import SessionSerializer
from fitnesspr.api.schema import error_example, error_response
from trainers.api.serializers import (
    LoginSerializer,
    RegisterSerializer,
    SignUpSentSerializer,
    TrainerSerializer,
)

LOGIN_FAILED = "Invalid email or password."

PROFILE = {**TRAINER, "updated_at": "2026-02-11T18:02:41Z"}
REGISTER_REQUEST = {
    "email": "alice@example.com",
    "password": "correct-horse-battery-9",
    "first_name": "Alice",
    "last_name": "Walker",
    "business_name": "Alice Strength",
    "timezone": "Europe/London",
    "unit_system": "metric",
    "currency": "GBP",
}
REGISTERED = {"email": "alice@example.com"}
LOGIN_REQUEST = {"email": "alice@example.com", "password": "correct-horse-battery-9"}
SIGNED_IN = SESSION
BAD_LOGIN = error_example("AUTHENTICATION_FAILED", LOGIN_FAILED)
WEAK_PASSWORD = error_example(
    "VALIDATION_ERROR",
    "This password is too short. It must contain at least 8 characters.",
    [
        {
            "field": "password",
            "message": "This password is too short. It must contain at least 8 characters.",
            "code": "invalid",
        }
    ],
)


register_post = extend_schema(
    summary="Sign up as a trainer",
    description=(
        "Creates a trainer account (a user with role `trainer` and a business profile) and "
        "emails the address a welcome with the sign-in link; sign in with `auth/login/`. "
        "The answer never says whether the address already has an account: for a taken "
        "address nothing is created and its owner gets an email instead, with the same 202 "
        "answer. The password must pass the usual strength checks (at least 8 characters, "
        "not common, not all digits, not like the email or name)."
    ),
    request=RegisterSerializer,
    responses={
        202: SignUpSentSerializer,
        400: error_response(400, example=WEAK_PASSWORD),
    },
    examples=[
        OpenApiExample("Sign-up", value=REGISTER_REQUEST, request_only=True),
        OpenApiExample("Signed up", value=REGISTERED, response_only=True, status_codes=["202"]),
    ],
)

login_post = extend_schema(
    summary="Sign in with email and password",
    description=(
        "For trainers (and staff). Clients have no password: they use `auth/pin-login/`. "
        "A wrong email, a wrong password and a client account all get the same 401."
    ),
    request=LoginSerializer,
    responses={
        200: SessionSerializer,
        401: error_response(401, "Wrong email or password.", BAD_LOGIN),
    },
    examples=[
        OpenApiExample("Sign-in", value=LOGIN_REQUEST, request_only=True),
        OpenApiExample("Signed in", value=SIGNED_IN, response_only=True),
    ],
)

trainer_me_get = extend_schema(
    operation_id="trainers_me_retrieve",
    summary="Your business profile",
    description="The signed-in trainer's business profile.",
    responses={200: TrainerSerializer},
    examples=[OpenApiExample("Profile", value=PROFILE, response_only=True)],
)

trainer_me_patch = extend_schema(
    operation_id="trainers_me_partial_update",
    summary="Update your business profile",
    description=(
        "Change any of `business_name`, `timezone` (an IANA name such as "
        "`Europe/London`), `unit_system` (`metric`/`imperial`), `currency` "
        "(ISO 4217) and `plate_increment_kg` (0.1 to 25 kg, or null for the default "
        "2.5 kg / 5 lb). The slug stays as it was."
    ),
    request=TrainerSerializer,
    responses={200: TrainerSerializer},
    examples=[
        OpenApiExample(
            "Switch to imperial units",
            value={"unit_system": "imperial", "timezone": "America/New_York"},
            request_only=True,
        ),
        OpenApiExample(
            "Round loads to 1 kg",
            value={"plate_increment_kg": 1},
            request_only=True,
        ),
        OpenApiExample("Updated profile", value=PROFILE, response_only=True),
    ],
)
