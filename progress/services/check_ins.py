"""Weekly check-ins and the reply threads on check-ins and on logged workouts.

A check-in belongs to the week it is due in (the weekday the trainer chose): one per
week, sent once; anything to add goes in the thread. A weight given with it is also
that day's weigh-in, so the charts and the attention list see it."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import NotRequired, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clients.models import Client
from fitnesspr.actor import Actor
from fitnesspr.errors import ConflictError
from progress.models import SCORES, CheckIn, ProgressPhoto, Reply, WorkoutLog
from progress.models.check_ins import MAX_TEXT
from progress.selectors.body import progress_settings
from progress.selectors.check_ins import due_date
from progress.services.body import measurement_log
from progress.services.photos import Upload, photos_add

NO_CHECK_INS = "Weekly check-ins aren't set up yet: your trainer chooses the day."
ALREADY_IN = "This week's check-in is already in. Add anything new as a reply to it."


class CheckInAnswers(TypedDict):
    energy: int
    sleep: int
    stress: int
    hunger: int
    adherence: int
    weight_kg: NotRequired[Decimal | None]
    comment: NotRequired[str]


def _check_scores(answers: CheckInAnswers) -> None:
    for name, (label, _low, _high) in SCORES.items():
        value = answers.get(name)
        if not isinstance(value, int) or not 1 <= value <= 5:
            raise ValidationError({name: f"Rate {label.lower()} from 1 to 5."})
    if len(answers.get("comment", "")) > MAX_TEXT:
        raise ValidationError({"comment": f"Keep the comment under {MAX_TEXT} characters."})


@transaction.atomic
def check_in_submit(
    *,
    client: Client,
    uploads: Sequence[tuple[str, Upload]] = (),
    photos: Sequence[ProgressPhoto] = (),
    **answers: Unpack[CheckInAnswers],
) -> CheckIn:
    """The client's check-in for this week, with photos uploaded with it (`uploads`,
    pose and file) or uploaded before and not yet part of a check-in (`photos`)."""
    weekday = progress_settings(client=client).check_in_weekday
    if weekday is None:
        raise ValidationError(NO_CHECK_INS)
    _check_scores(answers)
    today = client.trainer.today()
    due = due_date(weekday, today)
    if CheckIn.objects.for_client(client).select_for_update().filter(due_on=due).exists():
        raise ConflictError(ALREADY_IN)
    for photo in photos:
        if photo.client_id != client.pk or photo.check_in_id is not None:
            raise ValidationError({"photos": "Pick photos you uploaded that aren't in a check-in."})
    weight = answers.get("weight_kg")
    if weight is not None:
        measurement_log(client=client, measured_on=today, weight_kg=weight)
    check_in = CheckIn(
        client=client,
        due_on=due,
        weight_kg=weight,
        comment=answers.get("comment", "").strip(),
        **{name: answers[name] for name in SCORES},  # type: ignore[literal-required]
    )
    check_in.full_clean(exclude=["client"], validate_unique=False)
    check_in.save()
    if uploads:
        photos_add(
            client=client,
            uploads=uploads,
            taken_on=today,
            uploaded_by=client.user,
            check_in=check_in,
        )
    for photo in photos:
        photo.check_in = check_in
        photo.save(update_fields=["check_in"])
    return check_in


def _side(actor: Actor, client_id: int) -> bool:
    """True for the trainer's side of a thread (the trainer, or staff for them)."""
    if actor.is_client:
        if actor.client is None or actor.client.pk != client_id:
            raise ValidationError("You can only reply in your own threads.")
        return False
    if actor.is_trainer or actor.is_staff:
        return True
    raise ValidationError("Sign in to reply.")


@transaction.atomic
def reply_add(
    *,
    actor: Actor,
    body: str,
    check_in: CheckIn | None = None,
    workout_log: WorkoutLog | None = None,
) -> Reply:
    """A message in the thread of a check-in or of a workout (exactly one), from the
    client or their trainer. Answering also marks the other side's messages read."""
    subject = check_in or workout_log
    if subject is None or (check_in is not None and workout_log is not None):
        raise ValidationError("Reply to a check-in or to a workout.")
    body = body.strip()
    if not body:
        raise ValidationError({"body": "Write a reply first."})
    if len(body) > MAX_TEXT:
        raise ValidationError({"body": f"Keep replies under {MAX_TEXT} characters."})
    by_trainer = _side(actor, subject.client_id)
    thread_mark_read(actor=actor, check_in=check_in, workout_log=workout_log)
    reply = Reply(
        client_id=subject.client_id,
        check_in=check_in,
        workout_log=workout_log,
        author=actor.user,
        by_trainer=by_trainer,
        body=body,
    )
    reply.full_clean(exclude=["client", "check_in", "workout_log", "author"])
    reply.save()
    return reply


@transaction.atomic
def thread_mark_read(
    *, actor: Actor, check_in: CheckIn | None = None, workout_log: WorkoutLog | None = None
) -> int:
    """The other side's unread messages in a thread, marked read now (how many)."""
    if check_in is None and workout_log is None:
        return 0
    if not (actor.is_client or actor.is_trainer):
        return 0  # staff looking in don't read on anyone's behalf
    replies = Reply.objects.for_actor(actor).filter(
        read_at__isnull=True, by_trainer=actor.is_client
    )
    if check_in is not None:
        replies = replies.filter(check_in=check_in)
    else:
        replies = replies.filter(workout_log=workout_log)
    return replies.update(read_at=timezone.now())
