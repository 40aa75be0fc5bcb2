"""OpenAPI texts and examples of the clients' endpoints (the views stay readable)."""

from __future__ import annotations

from django.conf import settings
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view

from clients.api.serializers import (
    ClientCreateSerializer,
    ClientCsvImportSerializer,
    ClientSerializer,
    ClientWithPinSerializer,
    PinLoginSerializer,
    ReminderSettingsSerializer,
)
from clients.services import PIN_LOGIN_FAILED
from fitnesspr.api.auth.schema import CLIENT_SESSION
from fitnesspr.api.auth.serializers import SessionSerializer
from fitnesspr.api.schema import error_example, error_response, error_responses

CLIENT_EXAMPLE = {
    "id": 42,
    "first_name": "Carol",
    "last_name": "Danvers",
    "email": "carol@example.com",
    "phone": "+44 7700 900123",
    "date_of_birth": "1990-04-12",
    "height_cm": 172.5,
    "goals": "Run a half marathon in October.",
    "notes": "Old left knee injury: no deep lunges.",
    "status": "active",
    "is_locked": False,
    "last_login_at": None,
    "created_at": "2026-03-01T10:00:00Z",
    "updated_at": "2026-03-01T10:00:00Z",
}
CREATE_EXAMPLE = {
    "first_name": "Carol",
    "last_name": "Danvers",
    "email": "carol@example.com",
    "phone": "+44 7700 900123",
    "date_of_birth": "1990-04-12",
    "height_cm": 172.5,
    "goals": "Run a half marathon in October.",
}
TRAINERS_ONLY = "Trainers only: a client's token gets 403."


client_viewset = extend_schema_view(
    list=extend_schema(
        summary="List your clients",
        description=(
            "Your clients, paginated. `?search=` matches first name, last name or email; "
            "`?status=` filters by status; `?ordering=` sorts. " + TRAINERS_ONLY
        ),
        examples=[OpenApiExample("A page of clients", value=CLIENT_EXAMPLE, response_only=True)],
    ),
    retrieve=extend_schema(
        summary="Get a client",
        description="One of your clients. Another trainer's client is a 404. " + TRAINERS_ONLY,
        examples=[OpenApiExample("Client", value=CLIENT_EXAMPLE, response_only=True)],
    ),
    create=extend_schema(
        summary="Add a client",
        description=(
            "Creates the client and their portal login and answers with the client's "
            "**PIN**: the only time the API returns it (a trainer can issue a new one with "
            "`reset-pin`). The client signs in with their email and this PIN. A welcome "
            "email tells them where to sign in (with the PIN too when `email_pin` is true). "
            "The email must not belong to any other account (409). " + TRAINERS_ONLY
        ),
        request=ClientCreateSerializer,
        responses={201: ClientWithPinSerializer, **error_responses(409)},
        examples=[
            OpenApiExample("New client", value=CREATE_EXAMPLE, request_only=True),
            OpenApiExample(
                "Created, with the PIN",
                value={**CLIENT_EXAMPLE, "pin": "402913"},
                response_only=True,
                status_codes=["201"],
            ),
        ],
    ),
    update=extend_schema(
        summary="Replace a client's profile",
        description="All writable fields; the email must stay unique (409). " + TRAINERS_ONLY,
        responses={200: ClientSerializer, **error_responses(409)},
        examples=[
            OpenApiExample("Profile", value=CREATE_EXAMPLE, request_only=True),
            OpenApiExample("Updated client", value=CLIENT_EXAMPLE, response_only=True),
        ],
    ),
    partial_update=extend_schema(
        summary="Update a client",
        description="Any writable fields, e.g. `status` to pause a client. " + TRAINERS_ONLY,
        responses={200: ClientSerializer, **error_responses(409)},
        examples=[
            OpenApiExample("Pause", value={"status": "paused"}, request_only=True),
            OpenApiExample(
                "Updated client", value={**CLIENT_EXAMPLE, "status": "paused"}, response_only=True
            ),
        ],
    ),
    destroy=extend_schema(
        summary="Delete a client",
        description=(
            "Deletes the client, their login and everything recorded for them. To keep the "
            "history, set `status` to `archived` instead. A client with invoices or payments "
            "on record can't be deleted (409): archive them. " + TRAINERS_ONLY
        ),
        responses={204: None, **error_responses(409)},
    ),
)


reset_pin = extend_schema(
    summary="Issue a new PIN",
    description=(
        "Replaces the client's PIN, unlocks a locked account and signs the client out "
        "everywhere (remembered devices and API refresh tokens; an access token already "
        "issued lasts until it expires, minutes). The new PIN is in the response, once. "
        + TRAINERS_ONLY
    ),
    request=None,
    responses={200: ClientWithPinSerializer},
    examples=[
        OpenApiExample("New PIN", value={**CLIENT_EXAMPLE, "pin": "781204"}, response_only=True)
    ],
)


pin_login = extend_schema(
    summary="Sign in as a client with email and PIN",
    description=(
        "For clients. An unknown email and a wrong PIN get the same 401 with the same "
        "message; when 3 tries are left, the message says so. After "
        f"{settings.PIN_MAX_FAILED_ATTEMPTS} wrong PINs in a row sign-in is locked: every "
        "attempt, even with the right PIN, gets a 401 saying the account is locked and to "
        "ask the trainer for a new PIN (`POST clients/{id}/reset-pin/`), until that or "
        f"{settings.PIN_LOCKOUT_MINUTES} minutes pass. An unknown email counts and locks "
        "the same way, so the answers never tell whether an email has an account. Per "
        "address, only failed sign-ins count against the rate limit (`THROTTLE_PIN`); past "
        "it every attempt gets 429 until the window passes."
    ),
    request=PinLoginSerializer,
    responses={
        200: SessionSerializer,
        401: error_response(
            401,
            "Unknown email or wrong PIN (indistinguishable), or a locked account.",
            error_example("AUTHENTICATION_FAILED", PIN_LOGIN_FAILED),
        ),
    },
    examples=[
        OpenApiExample(
            "PIN sign-in",
            value={"email": "carol@example.com", "pin": "402913"},
            request_only=True,
        ),
        OpenApiExample("Signed in", value=CLIENT_SESSION, response_only=True),
    ],
)


REMINDERS_EXAMPLE = {
    "client": 42,
    "workout_reminders": True,
    "workout_reminder_time": "07:00",
    "check_in_reminders": True,
    "timezone": "",
    "effective_timezone": "Europe/London",
    "unsubscribed_at": None,
}

reminders_get = extend_schema(
    operation_id="clients_reminders_retrieve",
    summary="A client's reminder emails",
    description="Whether the client gets workout reminders (and at what local time) and "
    "check-in reminders, in which time zone, and when they last unsubscribed from an "
    "email's link. The client reads their own (their id); their trainer reads any of "
    "theirs. Defaults until the client chooses: both on, 07:00, the trainer's time zone.",
    responses={200: ReminderSettingsSerializer, 404: error_response(404)},
    examples=[OpenApiExample("Reminders", value=REMINDERS_EXAMPLE, response_only=True)],
)

reminders_patch = extend_schema(
    operation_id="clients_reminders_update",
    summary="Choose reminder emails",
    description="Only the client changes their reminders (any subset of the fields); "
    "their trainer gets 403 (PERMISSION_DENIED), anyone else's client 404.",
    request=ReminderSettingsSerializer,
    responses={
        200: ReminderSettingsSerializer,
        **error_responses(400, 403, 404),
    },
    examples=[
        OpenApiExample(
            "Workouts at 6:30, no check-in emails",
            value={"workout_reminder_time": "06:30", "check_in_reminders": False},
            request_only=True,
        ),
        OpenApiExample("Saved", value=REMINDERS_EXAMPLE, response_only=True),
    ],
)

CSV_ROW = {
    "line": 3,
    "first_name": "Sam",
    "last_name": "Lee",
    "email": "sam@",
    "phone": "",
    "date_of_birth": None,
    "goals": "",
    "notes": "",
    "problems": ["sam@ isn't an email address."],
}
csv_import = extend_schema(
    operation_id="clients_import",
    summary="Import clients from CSV",
    description=(
        "Multipart: `file` (CSV, up to 1 MB and 1000 clients; a header row naming the "
        "columns: first name or name, last name, email, and optionally phone, date of "
        "birth as 1990-04-21, goals, notes), `dry_run` (default true), `email_pin`. With "
        "`dry_run` true nothing is written: every row comes back with its `problems` (bad "
        "email, duplicate in the file, an email that already has an account, missing "
        "name, bad date). With `dry_run` false the valid rows are created in one "
        "transaction (201), each with a PIN shown once and the welcome email (with the "
        "PIN when `email_pin`); rows with errors are left out and listed in `skipped`. "
        "A file that isn't CSV or has no email column is a VALIDATION_ERROR. " + TRAINERS_ONLY
    ),
    request={"multipart/form-data": ClientCsvImportSerializer},
    responses={200: OpenApiTypes.OBJECT, 201: OpenApiTypes.OBJECT},
    examples=[
        OpenApiExample(
            "Preview",
            value={"rows": [CSV_ROW], "valid": 12, "invalid": 1},
            response_only=True,
            status_codes=["200"],
        ),
        OpenApiExample(
            "Created",
            value={"created": [{**CLIENT_EXAMPLE, "pin": "781204"}], "skipped": [CSV_ROW]},
            response_only=True,
            status_codes=["201"],
        ),
    ],
)
