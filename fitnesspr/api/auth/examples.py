"""Example payloads for the auth endpoints' documentation."""

from __future__ import annotations

from typing import Any

ACCESS = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoiYWNjZXNzIn0.c2lnbmF0dXJl"
REFRESH = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJ0b2tlbl90eXBlIjoicmVmcmVzaCJ9.c2lnbmF0dXJl"
TOKENS = {"access": ACCESS, "refresh": REFRESH}

TRAINER = {
    "id": 7,
    "business_name": "Alice Strength",
    "slug": "alice-strength",
    "timezone": "Europe/London",
    "unit_system": "metric",
    "currency": "GBP",
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
        "trainer": TRAINER,
    },
}

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
SESSION = {**TOKENS, "user": TRAINER_USER}
PIN_LOGIN_REQUEST = {"email": "carol@example.com", "pin": "402913"}
CLIENT_SESSION = {**TOKENS, "user": CLIENT_USER}


def error(code: str, message: str, details: list[dict[str, str]] | None = None) -> dict[str, Any]:
    return {"success": False, "error": {"code": code, "message": message, "details": details or []}}


WEAK_PASSWORD = error(
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
