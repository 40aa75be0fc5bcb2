"""Clients in the API: a trainer's clients (`clients/`) and the clients' PIN sign-in
(`auth/pin-login/`)."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework.decorators import action
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.filters import SearchFilter
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clients.api import schema
from clients.api.filters import ClientFilter
from clients.api.serializers import (
    ClientCreateSerializer,
    ClientCsvImportSerializer,
    ClientSerializer,
    CsvRowSerializer,
    PinLoginSerializer,
    ReminderSettingsSerializer,
    client_with_pin,
)
from clients.models import Client
from clients.selectors import reminder_settings_get, reminder_settings_get_for_write
from clients.services import (
    client_create,
    client_delete,
    client_pin_sign_in,
    client_reset_pin,
    client_update,
)
from clients.services import imports as client_imports
from clients.services.reminders import reminder_settings_update
from fitnesspr.api.auth.views import PublicAuthView, session_payload
from fitnesspr.api.exceptions import error_response
from fitnesspr.api.filters import FilterBackend
from fitnesspr.api.permissions import IsTrainer, IsTrainerOrClient
from fitnesspr.api.responses import envelope
from fitnesspr.api.throttles import FailedAttemptsThrottle, record_failure
from fitnesspr.api.viewsets import ActorAPIView, ScopedModelViewSet


class PinLoginView(PublicAuthView):
    # Only failed sign-ins count against THROTTLE_PIN (a gym shares one address).
    throttle_classes = [FailedAttemptsThrottle]
    throttle_scope = "pin"
    success_message = "Signed in."

    @schema.pin_login
    def post(self, request: Request) -> Response:
        serializer = PinLoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        answer = client_pin_sign_in(
            email=serializer.validated_data["email"], pin=serializer.validated_data["pin"]
        )
        if answer.client is None:
            record_failure(request, self)
            raise AuthenticationFailed(answer.error, code="pin_login_failed")
        return envelope(
            session_payload(answer.client.user), message=self.success_message, secret=True
        )


@schema.client_viewset
class ClientViewSet(ScopedModelViewSet):
    model = Client
    serializer_class = ClientSerializer
    permission_classes = [IsTrainer]
    filter_backends = [FilterBackend, SearchFilter]
    filterset_class = ClientFilter
    search_fields = ["user__first_name", "user__last_name", "user__email"]
    success_messages = {
        "create": "Client added. Give them their PIN now: it is not shown again.",
        "update": "Client updated.",
        "partial_update": "Client updated.",
        "reset_pin": "New PIN issued: give it to the client now, it is not shown again.",
    }

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.select_related("user").order_by("user__first_name", "user__last_name", "pk")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = ClientCreateSerializer(
            data=request.data, context=self.get_serializer_context()
        )
        serializer.is_valid(raise_exception=True)
        client, pin = client_create(
            trainer=self.trainer,
            **serializer.service_fields(),
        )
        message = self.success_messages["create"]
        return envelope(client_with_pin(client, pin), message=message, status=201, secret=True)

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        assert isinstance(serializer, ClientSerializer)
        assert serializer.instance is not None
        serializer.instance = client_update(
            client=serializer.instance, **serializer.service_fields()
        )

    def perform_destroy(self, instance: Client) -> None:
        client_delete(client=instance)

    @schema.reset_pin
    @action(detail=True, methods=["post"], url_path="reset-pin")
    def reset_pin(self, request: Request, pk: str | None = None) -> Response:
        client = self.get_object()
        pin = client_reset_pin(client=client)
        client.refresh_from_db()
        message = self.success_messages["reset_pin"]
        return envelope(client_with_pin(client, pin), message=message, secret=True)

    @schema.csv_import
    @action(
        detail=False,
        methods=["post"],
        url_path="import",
        parser_classes=[MultiPartParser, FormParser],
    )
    def import_csv(self, request: Request) -> Response:
        """A client list from CSV: `dry_run` previews every row with its problems; without
        it the valid rows are created in one transaction, each with a PIN (shown once)."""
        body = ClientCsvImportSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        data = body.validated_data["file"].read(client_imports.MAX_BYTES + 1)
        try:
            if body.validated_data["dry_run"]:
                rows = client_imports.client_csv_read(data=data)
                valid = sum(row.ok for row in rows)
                preview = {
                    "rows": CsvRowSerializer(rows, many=True).data,
                    "valid": valid,
                    "invalid": len(rows) - valid,
                }
                return envelope(preview, message=f"{valid} of {len(rows)} rows can be added.")
            made, skipped = client_imports.client_csv_import(
                trainer=self.trainer, data=data, email_pin=body.validated_data["email_pin"]
            )
        except client_imports.CsvRefused as exc:
            details = [{"field": "file", "message": str(exc), "code": "invalid"}]
            return error_response("VALIDATION_ERROR", str(exc), 400, details)
        result = {
            "created": [client_with_pin(client, pin) for client, pin in made],
            "skipped": CsvRowSerializer(skipped, many=True).data,
        }
        message = f"{len(made)} clients added. Give them their PINs now: they are not shown again."
        return envelope(result, message=message, status=201, secret=True)


class ReminderSettingsView(ActorAPIView):
    """A client's reminder emails: the client reads and changes their own, their
    trainer reads them (the same service as the portal's Reminders page)."""

    permission_classes = [IsTrainerOrClient]
    success_message = "Reminder choices saved."

    @schema.reminders_get
    def get(self, request: Request, pk: int) -> Response:
        found = reminder_settings_get(actor=self.actor, client_id=pk)
        return envelope(ReminderSettingsSerializer(found).data)

    @schema.reminders_patch
    def patch(self, request: Request, pk: int) -> Response:
        current = reminder_settings_get_for_write(actor=self.actor, client_id=pk)
        change = ReminderSettingsSerializer(current, data=request.data, partial=True)
        change.is_valid(raise_exception=True)
        saved = reminder_settings_update(client=current.client, **change.validated_data)
        return envelope(ReminderSettingsSerializer(saved).data, message=self.success_message)
