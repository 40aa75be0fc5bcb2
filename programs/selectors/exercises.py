"""Reads of the exercise library. Every query starts from the tenancy scope
(`for_actor`, `for_trainer`): the global library plus the asker's (or their trainer's)
own exercises, so another trainer's exercise is simply not there (a 404 for the caller).
The write getter adds the library's write rule: a shared exercise is read-only (403)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict

from django.core.cache import cache
from django.db.models import Case, F, IntegerField, Q, QuerySet, Value, When

from fitnesspr import versions
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
from programs.models import Equipment, Exercise, ExerciseQuerySet, MuscleGroup
from programs.models.library import EXERCISE_MANY_FIELDS
from trainers.models import Trainer

#: the "whose exercises" filter: "" = everything the asker can see
OWNER_FILTERS = {"": "All exercises", "mine": "Only yours", "global": "Only the library"}
GLOBAL_READ_ONLY = ExerciseQuerySet.read_only_message
MAX_SEARCH_TERMS = 5
#: the library's name for its cache versions (`fitnesspr.versions`): every change to an
#: exercise, a muscle group or a piece of equipment bumps it (programs.signals)
CACHE = "exercises"
#: how long a cached piece of the library may sit unread (a change replaces it sooner)
CACHE_SECONDS = 6 * 60 * 60


class ExerciseFilters(TypedDict):
    search: str
    muscle: str
    equipment: str
    category: str
    owner: str


class ExerciseUsage(TypedDict):
    programs: int
    workout_logs: int


def _with_lists(qs: QuerySet[Exercise]) -> QuerySet[Exercise]:
    # Three queries for any number of rows: the list shows muscles and equipment per row.
    return qs.prefetch_related("primary_muscles", "secondary_muscles", "equipment")


def _matching(qs: QuerySet[Exercise], search: str) -> QuerySet[Exercise]:
    for term in search.split()[:MAX_SEARCH_TERMS]:
        qs = qs.filter(Q(name__icontains=term) | Q(aliases__icontains=term))
    return qs


def exercise_list(
    *,
    actor: Actor,
    search: str = "",
    muscle: str = "",
    equipment: str = "",
    category: str = "",
    owner: str = "",
    links: bool = True,
) -> QuerySet[Exercise]:
    """The library as the actor sees it, filtered. `muscle` and `equipment`
    are slugs (a muscle matches as primary or secondary); `owner` is "mine" or "global".
    `links=False`: without the muscles and equipment (a page's come from `exercise_links`)."""
    qs = _matching(Exercise.objects.for_actor(actor), search)
    if muscle:
        # Subqueries rather than joins, so an exercise never appears twice.
        through_primary = Exercise.primary_muscles.through.objects.filter(musclegroup__slug=muscle)
        through_secondary = Exercise.secondary_muscles.through.objects.filter(
            musclegroup__slug=muscle
        )
        qs = qs.filter(
            Q(pk__in=through_primary.values("exercise_id"))
            | Q(pk__in=through_secondary.values("exercise_id"))
        )
    if equipment:
        through = Exercise.equipment.through.objects.filter(equipment__slug=equipment)
        qs = qs.filter(pk__in=through.values("exercise_id"))
    if category:
        qs = qs.filter(category=category)
    if owner == "mine":
        qs = qs.filter(trainer__isnull=False)
    elif owner == "global":
        qs = qs.filter(trainer__isnull=True)
    return (_with_lists(qs) if links else qs).order_by("name", "pk")


def exercise_links(*, exercises: Sequence[Exercise]) -> dict[str, dict[int, list[str]]]:
    """The slugs of these exercises' primary and secondary muscles and equipment, by
    relation and exercise id, each in name order (as `_with_lists` gives them): one query
    over the three link tables, and no model row per link."""
    ids = [exercise.pk for exercise in exercises]
    links: dict[str, dict[int, list[str]]] = {
        relation: {pk: [] for pk in ids} for relation in EXERCISE_MANY_FIELDS
    }
    if not ids:
        return links
    parts = [
        getattr(Exercise, relation)
        .through.objects.filter(exercise_id__in=ids)
        .values(
            "exercise_id",
            relation=Value(relation),
            slug=F(f"{target}__slug"),
            target_name=F(f"{target}__name"),
        )
        for relation, target in (
            ("primary_muscles", "musclegroup"),
            ("secondary_muscles", "musclegroup"),
            ("equipment", "equipment"),
        )
    ]
    rows = parts[0].union(*parts[1:], all=True).order_by("exercise_id", "relation", "target_name")
    for row in rows:
        links[row["relation"]][row["exercise_id"]].append(row["slug"])
    return links


def exercise_search(*, trainer: Trainer, q: str, limit: int = 20) -> QuerySet[Exercise]:
    """For pickers: names starting with the text first, then other matches by name."""
    q = q.strip()
    qs = _matching(Exercise.objects.for_trainer(trainer), q)
    first_word = q.split()[0] if q else ""
    qs = qs.annotate(
        starts=Case(
            When(name__istartswith=first_word, then=Value(0)),
            default=Value(1),
            output_field=IntegerField(),
        )
    )
    return qs.prefetch_related("primary_muscles", "equipment").order_by("starts", "name", "pk")[
        :limit
    ]


def exercise_get(*, actor: Actor, pk: int) -> Exercise:
    return get_for_read(_with_lists(Exercise.objects.all()), actor=actor, pk=pk)


def exercise_get_for_write(*, actor: Actor, pk: int) -> Exercise:
    """An exercise the actor may change: another trainer's is a 404, a global one a 403."""
    return get_for_write(_with_lists(Exercise.objects.all()), actor=actor, pk=pk)


def exercise_usage(*, exercise: Exercise) -> ExerciseUsage:
    """Where an exercise is used: a used exercise can't be deleted."""
    programs = exercise.prescriptions.values("day__program_id").distinct().count()
    logs = exercise.set_logs.values("workout_log_id").distinct().count()
    return {"programs": programs, "workout_logs": logs}


def muscle_group_list() -> QuerySet[MuscleGroup]:
    return MuscleGroup.objects.order_by("name")


def equipment_list() -> QuerySet[Equipment]:
    return Equipment.objects.order_by("name")


def library_version(*, trainer: Trainer) -> str:
    """What a cached piece of the library as `trainer` sees it is keyed by."""
    return versions.library_version(CACHE, trainer_id=trainer.pk)


@dataclass(frozen=True)
class FilterOptions:
    """The library's filter choices as (slug, name) pairs, by name."""

    muscles: list[tuple[str, str]]
    equipment: list[tuple[str, str]]


def filter_options(*, version: str) -> FilterOptions:
    """Muscle groups and equipment change only with the shared library: read once per
    `version` of it (`library_version`), not on every page."""
    key = f"exercises:filters:{version}"
    options: FilterOptions | None = cache.get(key)
    if options is None:
        options = FilterOptions(
            muscles=list(muscle_group_list().values_list("slug", "name")),
            equipment=list(equipment_list().values_list("slug", "name")),
        )
        cache.set(key, options, CACHE_SECONDS)
    return options


@dataclass(frozen=True)
class PickerRow:
    """An exercise as the builder's picker lists it."""

    pk: int
    name: str
    muscles: str  # primary muscles, comma-separated
    equipment: str
    own: bool


def exercise_picker(*, trainer: Trainer, q: str, limit: int = 20) -> list[PickerRow]:
    """`exercise_search` as the picker shows it, cached per version of the trainer's
    library: the same few searches come back all day while programs are built."""
    text = hashlib.sha256(q.strip().encode()).hexdigest()[:32]
    key = f"exercises:picker:{library_version(trainer=trainer)}:{limit}:{text}"
    rows: list[PickerRow] | None = cache.get(key)
    if rows is None:
        rows = [
            PickerRow(
                pk=exercise.pk,
                name=exercise.name,
                muscles=", ".join(m.name for m in exercise.primary_muscles.all()),
                equipment=", ".join(e.name for e in exercise.equipment.all()),
                own=exercise.trainer_id is not None,
            )
            for exercise in exercise_search(trainer=trainer, q=q, limit=limit)
        ]
        cache.set(key, rows, CACHE_SECONDS)
    return rows
