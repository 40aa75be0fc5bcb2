"""Reads of clients. Every query starts from the tenancy scope (`for_trainer`,
`for_actor`), so another trainer's client is simply not there (a 404 for the caller)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When, Window
from django.utils import timezone

from clients.models import Client, ClientStatus, ReminderSettings, ReminderSettingsQuerySet
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
from fitnesspr.text import fold
from trainers.models import Trainer

#: status filter values the client list understands; "" = everyone not archived
STATUS_FILTERS = {
    "": "Active and paused",
    ClientStatus.ACTIVE: "Active",
    ClientStatus.PAUSED: "Paused",
    ClientStatus.ARCHIVED: "Archived",
    "all": "All",
}


def client_list(*, trainer: Trainer, status: str = "") -> QuerySet[Client]:
    """The trainer's clients with a status filter ("" = everyone not archived)."""
    qs = Client.objects.for_trainer(trainer).select_related("user")
    if status == "all":
        pass
    elif status in (ClientStatus.ACTIVE, ClientStatus.PAUSED, ClientStatus.ARCHIVED):
        qs = qs.filter(status=status)
    else:
        qs = qs.exclude(status=ClientStatus.ARCHIVED)
    return qs.order_by("user__first_name", "user__last_name", "pk")


def client_search(clients: Iterable[Client], search: str) -> list[Client]:
    """The clients whose name or email holds every word of `search`, accents and case
    aside ("angstrom" finds "Ångström"). A trainer's clients fit in memory, and no
    database compares without accents the same way."""
    terms = [fold(term) for term in search.split()[:5]]
    found = []
    for client in clients:
        text = fold(f"{client.user.first_name} {client.user.last_name} {client.user.email}")
        if all(term in text for term in terms):
            found.append(client)
    return found


def client_get(*, actor: Actor, pk: int) -> Client:
    """A client the actor may see (their trainer, staff, the client themselves)."""
    return get_for_read(Client.objects.select_related("user", "trainer"), actor=actor, pk=pk)


def client_get_for_write(*, actor: Actor, pk: int) -> Client:
    """A client the actor may change: their trainer (or staff)."""
    return get_for_write(Client.objects.select_related("user", "trainer"), actor=actor, pk=pk)


#: the dashboard home's head counts: name -> which clients count (None: all)
HEAD_COUNTS: dict[str, Q | None] = {
    "total": None,
    "active": Q(status=ClientStatus.ACTIVE),
    "paused": Q(status=ClientStatus.PAUSED),
    "archived": Q(status=ClientStatus.ARCHIVED),
}


def client_overview(*, trainer: Trainer, limit: int = 5) -> tuple[dict[str, int], list[Client]]:
    """The trainer's head counts (HEAD_COUNTS, and `locked` out of the portal now) and
    their `limit` newest clients not archived, in one query: the newest come first and
    archived ones last, each row carrying the counts over all the trainer's clients as
    window counts (no client at all: no row, and every count is 0)."""
    counts = {name: Window(Count("pk", filter=rule)) for name, rule in HEAD_COUNTS.items()}
    counts["locked"] = Window(Count("pk", filter=Q(locked_until__gt=timezone.now())))
    archived_last = Case(
        When(status=ClientStatus.ARCHIVED, then=Value(1)),
        default=Value(0),
        output_field=IntegerField(),
    )
    rows = list(
        Client.objects.for_trainer(trainer)
        .select_related("user")
        .annotate(**counts)
        .order_by(archived_last, "-created_at", "-pk")[:limit]
    )
    found = {name: getattr(rows[0], name) if rows else 0 for name in counts}
    return found, [client for client in rows if client.status != ClientStatus.ARCHIVED]


# --- reminder emails: the client's choice, read by the trainer -----------------------


def reminder_settings(*, client: Client) -> ReminderSettings:
    """The client's reminder settings, or the defaults (unsaved) until they choose."""
    found = ReminderSettings.objects.filter(client=client).first()
    if found is None:
        return ReminderSettings(client=client)
    found.client = client  # reuse the loaded client (and its trainer)
    return found


def reminder_settings_get(*, actor: Actor, client_id: int) -> ReminderSettings:
    """The reminder settings of a client the actor may see (404 otherwise)."""
    return reminder_settings(client=client_get(actor=actor, pk=client_id))


def reminder_settings_get_for_write(*, actor: Actor, client_id: int) -> ReminderSettings:
    """The same, to change: only the client themselves (or staff) may; their trainer
    reads them (403)."""
    found = reminder_settings_get(actor=actor, client_id=client_id)
    if not ReminderSettings.objects.may_write(actor):
        raise PermissionDenied(ReminderSettingsQuerySet.read_only_message)
    return found
