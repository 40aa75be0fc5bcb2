from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.filters import SearchFilter
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer

from clients.api.filters import ClientFilter
from clients.api.serializers import ClientSerializer, ClientWithPinSerializer, client_with_pin
from clients.models import Client
from clients.services import client_create, client_delete, client_reset_pin, client_update
from fitnesspr.api.permissions import IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.schema import error_responses
from fitnesspr.api.viewsets import ScopedModelViewSet

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


@extend_schema_view(
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
            "`reset-pin`). The client signs in with their email and this PIN. The email "
            "must not belong to any other account (409). " + TRAINERS_ONLY
        ),
        request=ClientSerializer,
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
            "history, set `status` to `archived` instead. " + TRAINERS_ONLY
        ),
    ),
)
class ClientViewSet(ScopedModelViewSet):
    model = Client
    serializer_class = ClientSerializer
    permission_classes = [IsTrainer]
    filter_backends = [DjangoFilterBackend, SearchFilter]
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
        serializer = ClientSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        client, pin = client_create(
            trainer=request.user.trainer_profile,  # type: ignore[union-attr]
            **serializer.service_fields(),
        )
        return envelope(
            client_with_pin(client, pin), message=self.success_messages["create"], status=201
        )

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        assert isinstance(serializer, ClientSerializer)
        assert serializer.instance is not None
        serializer.instance = client_update(
            client=serializer.instance, **serializer.service_fields()
        )

    def perform_destroy(self, instance: Client) -> None:
        client_delete(client=instance)

    @extend_schema(
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
    @action(detail=True, methods=["post"], url_path="reset-pin")
    def reset_pin(self, request: Request, pk: str | None = None) -> Response:
        client = self.get_object()
        pin = client_reset_pin(client=client)
        client.refresh_from_db()
        return envelope(client_with_pin(client, pin), message=self.success_messages["reset_pin"])
