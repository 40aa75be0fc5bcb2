"""Reads of clients. Every query starts from the tenancy scope (`for_trainer`,
`for_actor`), so another trainer's client is simply not there (a 404 for the caller)."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from clients.models import Client, ClientStatus
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
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


def client_get(*, actor: Actor, pk: int) -> Client:
    """A client the actor may see (their trainer, staff, the client themselves)."""
    return get_for_read(Client.objects.select_related("user", "trainer"), actor=actor, pk=pk)


def client_get_for_write(*, actor: Actor, pk: int) -> Client:
    """A client the actor may change: their trainer (or staff)."""
    return get_for_write(Client.objects.select_related("user", "trainer"), actor=actor, pk=pk)


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
