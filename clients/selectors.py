"""Reads of clients. Every query starts from Client.objects.for_trainer/for_user so
another trainer's client is simply not there (a 404 for the caller)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from clients.models import Client, ClientStatus
from fitnesspr.models import Role
from trainers.models import Trainer

#: status filter values the client list understands; "" = everyone not archived
STATUS_FILTERS = {
    "": "Active and paused",
    ClientStatus.ACTIVE: "Active",
    ClientStatus.PAUSED: "Paused",
    ClientStatus.ARCHIVED: "Archived",
    "all": "All",
}


def client_list(*, trainer: Trainer, search: str = "", status: str = "") -> QuerySet[Client]:
    qs = Client.objects.for_trainer(trainer).select_related("user")
    if status == "all":
        pass
    elif status in (ClientStatus.ACTIVE, ClientStatus.PAUSED, ClientStatus.ARCHIVED):
        qs = qs.filter(status=status)
    else:
        qs = qs.exclude(status=ClientStatus.ARCHIVED)
    for term in search.split()[:5]:
        qs = qs.filter(
            Q(user__first_name__icontains=term)
            | Q(user__last_name__icontains=term)
            | Q(user__email__icontains=term)
        )
    return qs.order_by("user__first_name", "user__last_name", "pk")


def client_get(*, trainer: Trainer, pk: int) -> Client:
    return get_object_or_404(
        Client.objects.for_trainer(trainer).select_related("user", "trainer"), pk=pk
    )


def client_counts(*, trainer: Trainer) -> dict[str, Any]:
    return Client.objects.for_trainer(trainer).aggregate(
        total=Count("pk"),
        active=Count("pk", filter=Q(status=ClientStatus.ACTIVE)),
        paused=Count("pk", filter=Q(status=ClientStatus.PAUSED)),
        archived=Count("pk", filter=Q(status=ClientStatus.ARCHIVED)),
        locked=Count("pk", filter=Q(locked_until__gt=timezone.now())),
    )


def client_recent(*, trainer: Trainer, limit: int = 5) -> QuerySet[Client]:
    return (
        Client.objects.for_trainer(trainer)
        .exclude(status=ClientStatus.ARCHIVED)
        .select_related("user")
        .order_by("-created_at", "-pk")[:limit]
    )


def portal_client_for_user(user: Any) -> Client | None:
    """The signed-in client's own profile, if they may still use the portal."""
    if getattr(user, "role", None) != Role.CLIENT:  # staff's for_user would see everyone
        return None
    return (
        Client.objects.for_user(user)
        .exclude(status=ClientStatus.ARCHIVED)
        .select_related("user", "trainer")
        .first()
    )
