"""Example payloads for the documentation of the token and user endpoints. The sign-in
endpoints' own examples live with their audience (trainers.api.schema, clients.api.schema)."""

from __future__ import annotations

from fitnesspr.api.schema import error_example
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
