"""A trainer's own exercises. The global library is read-only here (staff change it in
the admin or by reloading programs/data/exercise_library.json)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError

from fitnesspr.actor import Actor
from fitnesspr.errors import ConflictError
from fitnesspr.tenancy import check_writable
from programs.models import Equipment, Exercise, ExerciseCategory, MuscleGroup
from programs.models.library import EXERCISE_FIELDS, EXERCISE_MANY_FIELDS
from programs.selectors.exercises import exercise_usage
from trainers.models import Trainer


class ExerciseChanges(TypedDict, total=False):
    """What `exercise_update` may change; any subset."""

    name: str
    aliases: Iterable[str] | str
    category: str
    primary_muscles: Iterable[MuscleGroup]
    secondary_muscles: Iterable[MuscleGroup]
    equipment: Iterable[Equipment]
    instructions: str
    video_url: str
    is_unilateral: bool


EDITABLE_FIELDS = set(EXERCISE_FIELDS)
_MANY = EXERCISE_MANY_FIELDS


def _aliases_text(aliases: Iterable[str] | str) -> str:
    if isinstance(aliases, str):
        aliases = aliases.split(",")
    cleaned = [a.strip() for a in aliases if a.strip()]
    return ", ".join(dict.fromkeys(cleaned))  # drop repeats, keep the order


def _check_name_free(*, trainer_id: int | None, name: str, exclude_pk: int | None = None) -> None:
    taken = Exercise.objects.filter(name__iexact=name)
    if trainer_id is None:
        taken = taken.filter(trainer__isnull=True)
    else:
        taken = taken.filter(trainer_id=trainer_id)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ConflictError(f"You already have an exercise called “{name}”.", field="name")


def _check_muscles(
    primary: Iterable[MuscleGroup] | None, secondary: Iterable[MuscleGroup] | None
) -> None:
    both = {m.pk for m in primary or ()} & {m.pk for m in secondary or ()}
    if both:
        raise ValidationError(
            {"secondary_muscles": "A muscle is either primary or secondary, not both."}
        )


def _save(exercise: Exercise, many: dict[str, Iterable[Any] | None]) -> Exercise:
    exercise.full_clean(exclude=["trainer"])
    exercise.save()
    for field, values in many.items():
        if values is not None:
            getattr(exercise, field).set(list(values))
    return exercise


@transaction.atomic
def exercise_create(
    *,
    trainer: Trainer,
    name: str,
    category: str = ExerciseCategory.STRENGTH,
    aliases: Iterable[str] | str = (),
    primary_muscles: Iterable[MuscleGroup] = (),
    secondary_muscles: Iterable[MuscleGroup] = (),
    equipment: Iterable[Equipment] = (),
    instructions: str = "",
    video_url: str = "",
    is_unilateral: bool = False,
) -> Exercise:
    """Add an exercise to `trainer`'s own library; names are unique per trainer,
    ignoring case (a trainer may shadow a global name, e.g. to add their own video)."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": "Give the exercise a name."})
    primary, secondary = list(primary_muscles), list(secondary_muscles)
    _check_muscles(primary, secondary)
    _check_name_free(trainer_id=trainer.pk, name=name)
    exercise = Exercise(
        trainer=trainer,
        name=name,
        aliases=_aliases_text(aliases),
        category=category,
        instructions=instructions.strip(),
        video_url=video_url.strip(),
        is_unilateral=is_unilateral,
    )
    return _save(
        exercise,
        {"primary_muscles": primary, "secondary_muscles": secondary, "equipment": equipment},
    )


@transaction.atomic
def exercise_update(
    *, actor: Actor, exercise: Exercise, **changes: Unpack[ExerciseChanges]
) -> Exercise:
    """Change an exercise the actor may change (the library's write rule: a trainer's
    own; a global or anyone else's is refused with PermissionDenied)."""
    check_writable(exercise, actor=actor)
    fields: dict[str, Any] = dict(changes)
    unknown = set(fields) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "This field cannot be changed."))
    many = {field: list(fields.pop(field)) for field in _MANY if field in fields}
    _check_muscles(
        many.get("primary_muscles", exercise.primary_muscles.all()),
        many.get("secondary_muscles", exercise.secondary_muscles.all()),
    )
    if "name" in fields:
        fields["name"] = fields["name"].strip()
        if not fields["name"]:
            raise ValidationError({"name": "Give the exercise a name."})
        _check_name_free(
            trainer_id=exercise.trainer_id, name=fields["name"], exclude_pk=exercise.pk
        )
    if "aliases" in fields:
        fields["aliases"] = _aliases_text(fields["aliases"])
    for field in ("instructions", "video_url"):
        if field in fields:
            fields[field] = fields[field].strip()
    for field, value in fields.items():
        setattr(exercise, field, value)
    return _save(exercise, dict(many))


@transaction.atomic
def exercise_delete(*, actor: Actor, exercise: Exercise) -> None:
    """Delete an exercise the actor may change, unless a program or a workout log uses
    it: the history must keep saying what was done."""
    check_writable(exercise, actor=actor)
    usage = exercise_usage(exercise=exercise)
    if usage["programs"] or usage["workout_logs"]:
        raise ConflictError(in_use_message(exercise.name, usage["programs"], usage["workout_logs"]))
    try:
        exercise.delete()
    except (ProtectedError, RestrictedError) as exc:  # used since we counted
        raise ConflictError(f"“{exercise.name}” is in use, so it can't be deleted.") from exc


def in_use_message(name: str, programs: int, workout_logs: int) -> str:
    where = []
    if programs:
        where.append(f"{programs} program{'s' if programs != 1 else ''}")
    if workout_logs:
        where.append(f"{workout_logs} workout log{'s' if workout_logs != 1 else ''}")
    return f"“{name}” is in use in {' and '.join(where)}, so it can't be deleted."
