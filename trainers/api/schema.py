"""Example payloads for the documentation of the trainers' endpoints."""

from __future__ import annotations

from fitnesspr.api.auth.schema import SESSION, TOKENS, TRAINER, TRAINER_USER
from fitnesspr.api.schema import error_example

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
REGISTERED = {**TOKENS, "user": TRAINER_USER, "trainer": TRAINER}
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
