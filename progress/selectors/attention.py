"""The trainer's attention list: everything that needs them, in one place on the
dashboard home. Each rule is a small function `(trainer, today) -> items`, listed in
RULES with the heading its items go under; adding a rule (from any app: overdue
invoices, say) is writing one more such function and one line in RULES.

Every item says what it is about in a `fingerprint` (the last workout's date, the
check-in's latest message, ...). A dismissed item stays hidden while its fingerprint is
unchanged and comes back when something changes. Each rule costs a fixed number of
queries, whatever the number of clients or the length of their history."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from django.db.models import F, Max, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce, Least, TruncDate
from django.utils import timezone

from billing.money import format_money
from billing.selectors.invoices import overdue_invoices
from clients.models import Client, ClientStatus
from fitnesspr.dates import PlusDays
from fitnesspr.links import path_for_each
from fitnesspr.units import format_weight
from programs.models import ProgramAssignment
from programs.schedule import end_of
from progress.models import (
    AttentionDismissal,
    BodyMeasurement,
    CheckIn,
    ProgressSettings,
    WeightGoal,
    WorkoutLog,
)
from progress.selectors.adherence import clients_gone_quiet
from progress.selectors.check_ins import is_waiting, with_thread_state
from progress.selectors.series import TREND_WINDOW_DAYS, Point, weight_change
from trainers.models import Trainer

NO_WEIGH_IN_DAYS = 14
ENDING_WITHIN_DAYS = 7
CHECK_IN_LOOKBACK_DAYS = 30
NOTE_LOOKBACK_DAYS = 14
#: weight change over 4 weeks that counts as moving against the goal (kg)
AGAINST_GOAL_KG = {WeightGoal.LOSE: Decimal("0.5"), WeightGoal.GAIN: Decimal("0.5")}
MAINTAIN_DRIFT_KG = Decimal("2.0")
EXCERPT = 90
FOLLOWED = (ClientStatus.ACTIVE, ClientStatus.PAUSED)


@dataclass(frozen=True)
class AttentionItem:
    client: Client
    title: str
    detail: str
    url: str
    #: what the item is about; a dismissal holds while this stays the same
    fingerprint: str
    #: which of the client's items of this rule (a check-in's id), "" when only one
    subject: str = ""
    #: the rule's name (attention_list fills it in)
    rule: str = ""

    @property
    def key(self) -> str:
        """A stable id for the page (htmx targets, focus after a dismissal)."""
        return f"{self.rule}-{self.client.pk}-{self.subject or 0}"


Finder = Callable[[Trainer, date], Iterable[AttentionItem]]


@dataclass(frozen=True)
class Rule:
    name: str  # stored with dismissals: never rename one
    heading: str
    find: Finder
    #: the id of the rule's section on the dashboard
    anchor: str
    #: said when the rule finds nothing (most rules stay silent)
    all_clear: str = ""
    #: a page with all of them: (url name, query string, link text)
    more: tuple[str, str, str] | None = None


@dataclass(frozen=True)
class AttentionGroup:
    rule: Rule
    items: list[AttentionItem]


def _days(count: int) -> str:
    return f"{count} day{'s' if count != 1 else ''}"


def _excerpt(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= EXCERPT else text[: EXCERPT - 1].rstrip() + "…"


def check_in_waiting(trainer: Trainer, today: date) -> list[AttentionItem]:
    """A check-in (of the last 30 days) whose latest word is the client's."""
    since = timezone.now() - timedelta(days=CHECK_IN_LOOKBACK_DAYS)
    check_ins = with_thread_state(
        CheckIn.objects.for_trainer(trainer).filter(
            submitted_at__gte=since, client__status__in=FOLLOWED
        )
    ).select_related("client__user")
    url = path_for_each("progress:check_in", ids=2)
    items = []
    for check_in in check_ins.order_by("submitted_at", "pk"):
        if not is_waiting(check_in):
            continue
        latest = check_in.last_client_reply or check_in.submitted_at  # type: ignore[attr-defined]
        answered = check_in.last_trainer_at is not None  # type: ignore[attr-defined]
        week = f"the week due {check_in.due_on:%a %-d %b}"
        items.append(
            AttentionItem(
                client=check_in.client,
                title=f"New message on {week}" if answered else f"Check-in for {week}",
                detail=f"“{_excerpt(check_in.comment)}”" if check_in.comment else "No comment",
                url=url(check_in.client_id, check_in.pk),
                fingerprint=latest.isoformat(),
                subject=str(check_in.pk),
            )
        )
    return items


def workout_note_waiting(trainer: Trainer, today: date) -> list[AttentionItem]:
    """A recent workout whose client left a note (or replied) the trainer hasn't answered."""
    logs = (
        WorkoutLog.objects.for_trainer(trainer)
        .filter(performed_on__gte=today - timedelta(days=NOTE_LOOKBACK_DAYS - 1))
        .filter(client__status__in=FOLLOWED)
        .annotate(
            last_trainer=Max("replies__created_at", filter=Q(replies__by_trainer=True)),
            last_client=Max("replies__created_at", filter=Q(replies__by_trainer=False)),
        )
        .filter(Q(last_client__isnull=False) | ~Q(notes=""))
        .select_related("client__user", "program_day")
        .order_by("performed_on", "pk")
    )
    url = path_for_each("progress:workout_thread", ids=2)
    items = []
    for log in logs:
        last_trainer, last_client = log.last_trainer, log.last_client  # type: ignore[attr-defined]
        if last_client is not None:
            waiting = last_trainer is None or last_trainer < last_client
        else:
            waiting = last_trainer is None
        if not waiting:
            continue
        name = log.program_day.title if log.program_day and log.program_day.title else "Workout"
        workout = f"{name}, {log.performed_on:%a %-d %b}"
        items.append(
            AttentionItem(
                client=log.client,
                title=f"Note on {workout}" if last_client is None else f"Reply on {workout}",
                detail=f"“{_excerpt(log.notes)}”" if last_client is None else "Replied to you",
                url=url(log.client_id, log.pk),
                fingerprint=(last_client or log.updated_at).isoformat(),
                subject=str(log.pk),
            )
        )
    return items


def gone_quiet(trainer: Trainer, today: date) -> list[AttentionItem]:
    """No workout logged in 7 days while some were scheduled (the training rule)."""
    url = path_for_each("progress:training")
    items = []
    for quiet in clients_gone_quiet(trainer=trainer, today=today):
        last = quiet.last_workout
        missed = f"missed {quiet.missed} scheduled workout{'s' if quiet.missed != 1 else ''}"
        items.append(
            AttentionItem(
                client=quiet.client,
                title=f"No workout in {_days((today - last).days)}"
                if last
                else "Hasn't started training",
                detail=(f"Last workout {last.day} {last:%b}" if last else "No workout logged yet")
                + f" · {missed}",
                url=url(quiet.client.pk),
                fingerprint=last.isoformat() if last else "never",
            )
        )
    return items


def _active_clients_query(trainer: Trainer) -> QuerySet[Client]:
    return (
        Client.objects.for_trainer(trainer)
        .filter(status=ClientStatus.ACTIVE)
        .select_related("user")
        .order_by("user__first_name", "user__last_name", "pk")
    )


def no_recent_weigh_in(trainer: Trainer, today: date) -> list[AttentionItem]:
    """An active client with no weigh-in for 14 days (a new client gets 14 days too)."""
    # Each client's last weigh-in rides along with the client (an index lookup on
    # measurement_client_date): one query fewer on the dashboard home.
    last_weighed = (
        BodyMeasurement.objects.filter(client_id=OuterRef("pk"), weight_kg__isnull=False)
        .order_by("-measured_on")
        .values("measured_on")[:1]
    )
    cutoff = today - timedelta(days=NO_WEIGH_IN_DAYS)
    # Only the clients the rule names leave the database: weighed since the cutoff, or
    # (never weighed) a client since after it, they stay there.
    clients = (
        _active_clients_query(trainer)
        .annotate(last_weighed=Subquery(last_weighed), joined_on=TruncDate("created_at"))
        .filter(Q(last_weighed__lte=cutoff) | Q(last_weighed__isnull=True, joined_on__lte=cutoff))
    )
    url = path_for_each("progress:client_progress")
    items = []
    for client in clients:
        last = client.last_weighed  # type: ignore[attr-defined]
        items.append(
            AttentionItem(
                client=client,
                title=f"No weigh-in for {_days((today - last).days)}"
                if last
                else "No weigh-in yet",
                detail=f"Last one on {last:%a %-d %b %Y}"
                if last
                else f"Client since {client.created_at:%-d %b %Y}",
                url=url(client.pk),
                fingerprint=last.isoformat() if last else "never",
            )
        )
    return items


def program_ending(trainer: Trainer, today: date) -> list[AttentionItem]:
    """An active program that ends within the next 7 days: time to plan what's next."""
    last_day = today + timedelta(days=ENDING_WITHIN_DAYS - 1)
    # The end date (end_of, or the assignment's own end if sooner) is worked out by the
    # database too, so only the programs ending this week are loaded.
    assignments = (
        ProgramAssignment.objects.for_trainer(trainer)
        .active()
        .filter(client__status__in=FOLLOWED, start_date__lte=today)
        .annotate(planned_end=PlusDays(F("start_date"), F("program__duration_weeks") * 7 - 1))
        .annotate(ends=Least("planned_end", Coalesce("end_date", "planned_end")))
        .filter(ends__range=(today, last_day))
        .select_related("program", "client__user")
    )
    url = path_for_each("progress:training")
    items = []
    for assignment in assignments:
        end = end_of(assignment.start_date, assignment.program.duration_weeks)
        if assignment.end_date is not None:
            end = min(end, assignment.end_date)
        if not today <= end <= last_day:
            continue
        left = (end - today).days
        when = {0: "today", 1: "tomorrow"}.get(left, f"in {_days(left)}")
        items.append(
            AttentionItem(
                client=assignment.client,
                title=f"Program ends {when}",
                detail=f"{assignment.program.name} ends on {end:%A %-d %B}: plan what comes next",
                url=url(assignment.client_id),
                fingerprint=f"{assignment.pk}:{end.isoformat()}",
            )
        )
    return items


def against_goal(goal: str, change: Decimal) -> bool:
    """Is a 4-week weight change moving away from the goal?"""
    if goal == WeightGoal.LOSE:
        return change >= AGAINST_GOAL_KG[WeightGoal.LOSE]
    if goal == WeightGoal.GAIN:
        return change <= -AGAINST_GOAL_KG[WeightGoal.GAIN]
    if goal == WeightGoal.MAINTAIN:
        return abs(change) >= MAINTAIN_DRIFT_KG
    return False


def weight_against_goal(trainer: Trainer, today: date) -> list[AttentionItem]:
    """The weight trend of the last 4 weeks runs against the client's weight goal."""
    goals = {
        row.client_id: row
        for row in ProgressSettings.objects.for_trainer(trainer)
        .exclude(weight_goal=WeightGoal.NONE)
        .filter(client__status=ClientStatus.ACTIVE)
        .select_related("client__user")
    }
    points: dict[int, list[Point]] = defaultdict(list)
    rows = (
        BodyMeasurement.objects.for_trainer(trainer)
        .filter(
            client_id__in=goals,
            weight_kg__isnull=False,
            measured_on__range=(today - timedelta(days=TREND_WINDOW_DAYS - 1), today),
        )
        .order_by("measured_on")
        .values_list("client_id", "measured_on", "weight_kg")
    )
    for client_id, day, weight in rows:
        points[client_id].append(Point(day, weight))
    url = path_for_each("progress:client_progress")
    items = []
    for client_id, settings in goals.items():
        change = weight_change(points[client_id])
        if change is None or not against_goal(settings.weight_goal, change):
            continue
        moved = "Up" if change > 0 else "Down"
        amount = format_weight(abs(change), trainer.unit_system)
        goal = settings.get_weight_goal_display()
        target = settings.target_weight_kg
        items.append(
            AttentionItem(
                client=settings.client,
                title=f"{moved} {amount} in 4 weeks",
                detail=f"Goal: {goal.lower()}"
                + (f", to {format_weight(target, trainer.unit_system)}" if target else ""),
                url=url(client_id),
                # back when the goal changes or the trend moves another half kilo
                fingerprint=f"{settings.weight_goal}:{int(change / Decimal('0.5'))}",
            )
        )
    return items


def overdue_invoice(trainer: Trainer, today: date) -> list[AttentionItem]:
    """An issued invoice past its due date with money still owed (billing's rule)."""
    url = path_for_each("billing:invoice")
    # what the item shows, and no more: a trainer can have many overdue invoices
    invoices = overdue_invoices(trainer=trainer, today=today).only(
        "client__user__first_name",
        "client__user__last_name",
        "number_year",
        "number",
        "due_date",
        "balance_due_minor",
        "currency",
    )
    items = []
    for invoice in invoices:
        due = invoice.due_date
        assert due is not None  # overdue means a due date has passed
        late = (today - due).days
        owed = format_money(invoice.balance_due_minor, invoice.currency)
        items.append(
            AttentionItem(
                client=invoice.client,
                title=f"{invoice.display_number} overdue by {_days(late)}",
                detail=f"{owed} owed, due {due:%a %-d %b}",
                url=url(invoice.pk),
                # back when a part payment changes what is owed
                fingerprint=f"{invoice.balance_due_minor}:{due.isoformat()}",
                subject=str(invoice.pk),
            )
        )
    return items


#: the rules, in the order their groups are listed
RULES: tuple[Rule, ...] = (
    Rule("check_in", "Check-ins waiting for your reply", check_in_waiting, "check-ins-waiting"),
    Rule("workout_note", "Workout notes to answer", workout_note_waiting, "workout-notes"),
    Rule(
        "quiet",
        "Clients who haven't logged a scheduled workout in 7 days",
        gone_quiet,
        "quiet-clients",
        all_clear="Everyone with a program has logged a workout in the last 7 days.",
    ),
    Rule("weight_trend", "Weight moving away from the goal", weight_against_goal, "weight-trend"),
    Rule("weigh_in", "No weigh-in for 14 days", no_recent_weigh_in, "no-weigh-in"),
    Rule("program_ending", "Programs ending within 7 days", program_ending, "programs-ending"),
    Rule(
        "overdue_invoice",
        "Overdue invoices",
        overdue_invoice,
        "overdue-invoices",
        more=("billing:home", "status=overdue", "All overdue invoices"),
    ),
)


def attention_list(
    *, trainer: Trainer, today: date, rules: Sequence[Rule] = RULES
) -> list[AttentionGroup]:
    """Every rule's items, grouped by rule, less those dismissed with the same
    fingerprint."""
    found = [
        (rule, [replace(item, rule=rule.name) for item in rule.find(trainer, today)])
        for rule in rules
    ]
    clients = {item.client.pk for _, items in found for item in items}
    dismissed = {
        (d.client_id, d.rule, d.subject): d.fingerprint
        for d in AttentionDismissal.objects.for_trainer(trainer).filter(client_id__in=clients)
    }
    return [
        AttentionGroup(
            rule,
            [
                item
                for item in items
                if dismissed.get((item.client.pk, item.rule, item.subject)) != item.fingerprint
            ],
        )
        for rule, items in found
    ]
