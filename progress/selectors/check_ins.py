"""Reads of weekly check-ins and of the reply threads on check-ins and workouts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Count, Max, Prefetch, Q, QuerySet

from clients.models import Client
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read
from progress.models import CheckIn, ProgressPhoto, ProgressSettings, Reply, WorkoutLog
from progress.selectors.body import progress_settings
from progress.selectors.history import logged_exercises, workout_logs


def due_date(weekday: int, on: date) -> date:
    """The check-in due on `weekday` (0 = Monday) in the week of `on`: that weekday on or
    after `on`. The seven days up to and including it are its check-in week."""
    return on + timedelta(days=(weekday - on.weekday()) % 7)


@dataclass(frozen=True)
class CheckInDue:
    due_on: date
    days_left: int
    submitted: CheckIn | None

    @property
    def is_today(self) -> bool:
        return self.days_left == 0


def check_in_due(
    *, client: Client, today: date, settings: ProgressSettings | None = None
) -> CheckInDue | None:
    """This week's check-in: when it is due and whether it is in; None when the trainer
    chose no check-in day (`settings`: the client's, when the caller has them)."""
    if settings is None:
        settings = progress_settings(client=client)
    weekday = settings.check_in_weekday
    if weekday is None:
        return None
    due = due_date(weekday, today)
    submitted = CheckIn.objects.for_client(client).filter(due_on=due).first()
    return CheckInDue(due_on=due, days_left=(due - today).days, submitted=submitted)


def _check_ins() -> QuerySet[CheckIn]:
    thread = Reply.objects.select_related("author").order_by("created_at", "pk")
    return CheckIn.objects.select_related("client__user", "client__trainer").prefetch_related(
        Prefetch("replies", queryset=thread),
        Prefetch("photos", queryset=ProgressPhoto.objects.order_by("pose", "pk")),
    )


def check_in_get(*, actor: Actor, pk: int) -> CheckIn:
    """A check-in with its thread and photos."""
    return get_for_read(_check_ins(), actor=actor, pk=pk)


def with_thread_state(check_ins: QuerySet[CheckIn]) -> QuerySet[CheckIn]:
    """Check-ins annotated with `reply_count`, `last_client_at` (the client's latest
    word: the check-in itself or a later reply) and `last_trainer_at`."""
    return check_ins.annotate(
        reply_count=Count("replies"),
        last_client_reply=Max("replies__created_at", filter=Q(replies__by_trainer=False)),
        last_trainer_at=Max("replies__created_at", filter=Q(replies__by_trainer=True)),
    )


def is_waiting(check_in: CheckIn) -> bool:
    """Does the check-in (annotated by with_thread_state) wait for the trainer's word?"""
    client_at = max(filter(None, [check_in.submitted_at, check_in.last_client_reply]))  # type: ignore[attr-defined]
    trainer_at = check_in.last_trainer_at  # type: ignore[attr-defined]
    return trainer_at is None or trainer_at < client_at


def check_in_list(*, client: Client) -> QuerySet[CheckIn]:
    """The client's check-ins, newest first, with their thread state (one query)."""
    return with_thread_state(CheckIn.objects.for_client(client)).order_by("-due_on", "-pk")


def workout_log_get(*, actor: Actor, pk: int) -> WorkoutLog:
    """A logged workout with its sets, for its reply thread."""
    return get_for_read(workout_logs(logs=WorkoutLog.objects.all()), actor=actor, pk=pk)


def workout_log_get_for_thread(*, actor: Actor, pk: int) -> WorkoutLog:
    """workout_log_get for the trainer's thread page: the sets come as rows grouped by
    exercise (`exercises`, see logged_exercises), not as models."""
    logs = WorkoutLog.objects.select_related("program_day", "client__user")
    log = get_for_read(logs, actor=actor, pk=pk)
    logged_exercises(logs=[log])
    return log


def workout_thread(*, log: WorkoutLog) -> list[Reply]:
    return list(
        Reply.objects.filter(workout_log=log).select_related("author").order_by("created_at", "pk")
    )


def unread_replies(*, client: Client, limit: int = 3) -> list[Reply]:
    """The trainer's replies the client hasn't opened yet, newest first, each with what
    it answers (for the portal home)."""
    return list(
        Reply.objects.for_client(client)
        .filter(by_trainer=True, read_at__isnull=True)
        .select_related("check_in", "workout_log__program_day")
        .order_by("-created_at", "-pk")[:limit]
    )


def replied_workouts(*, logs: list[WorkoutLog]) -> set[int]:
    """Which of these logs the trainer answered (one query), for history lists."""
    return set(
        Reply.objects.filter(workout_log__in=logs, by_trainer=True).values_list(
            "workout_log_id", flat=True
        )
    )
