"""The trainer's weekly summary: last week (Monday to Sunday, on the trainer's calendar)
in four lists — who trained, who had workouts scheduled and logged none, check-ins
waiting for a reply and overdue invoices — read with the same rules as the dashboard."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count

from billing.models import Invoice
from billing.selectors.invoices import overdue_invoices
from clients.models import Client, ClientStatus
from progress.models import WorkoutLog, WorkoutStatus
from progress.selectors.adherence import adherence_by_client
from progress.selectors.attention import AttentionItem, check_in_waiting
from trainers.models import Trainer


@dataclass(frozen=True)
class Trained:
    client: Client
    workouts: int
    #: program workouts scheduled that week (0 = no program then)
    scheduled: int


@dataclass(frozen=True)
class WeeklySummary:
    first: date
    last: date
    trained: list[Trained]
    missed: list[Trained]
    check_ins: list[AttentionItem]
    overdue: list[Invoice]

    @property
    def is_empty(self) -> bool:
        return not (self.trained or self.missed or self.check_ins or self.overdue)


def weekly_summary(*, trainer: Trainer, today: date) -> WeeklySummary:
    """The week before the one `today` falls in, and what waits for the trainer today."""
    first = today - timedelta(days=today.weekday() + 7)
    last = first + timedelta(days=6)
    clients = list(
        Client.objects.for_trainer(trainer)
        .filter(status=ClientStatus.ACTIVE)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "pk")
    )
    adherence = adherence_by_client(clients=clients, today=last, weeks=1)
    done = dict(
        WorkoutLog.objects.for_trainer(trainer)
        .filter(status=WorkoutStatus.COMPLETED, performed_on__range=(first, last))
        .values("client_id")
        .annotate(n=Count("pk"))
        .values_list("client_id", "n")
    )
    rows = [
        Trained(client=c, workouts=done.get(c.pk, 0), scheduled=adherence[c.pk].scheduled)
        for c in clients
    ]
    return WeeklySummary(
        first=first,
        last=last,
        trained=[row for row in rows if row.workouts],
        missed=[row for row in rows if not row.workouts and row.scheduled],
        check_ins=check_in_waiting(trainer, today),
        overdue=list(overdue_invoices(trainer=trainer, today=today)),
    )
