"""The global exercise library, loaded from programs/data/exercise_library.json.

One loader serves the data migration (every install gets the library) and the
`load_exercise_library` command (refresh it after the JSON changes). The migration must use
its historical models, so the model classes are parameters. Global rows are matched by
slug (muscles, equipment) or case-insensitive name (exercises) and updated in place; a
trainer's own exercises are never read or written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import models, transaction

from fitnesspr.versions import library_changed
from programs.selectors.exercises import CACHE

LIBRARY_PATH = Path(__file__).resolve().parent / "data" / "exercise_library.json"


@dataclass(frozen=True)
class LibraryModels:
    muscle_group: type[models.Model]
    equipment: type[models.Model]
    exercise: type[models.Model]

    @classmethod
    def current(cls) -> LibraryModels:
        from programs.models import Equipment, Exercise, MuscleGroup

        return cls(muscle_group=MuscleGroup, equipment=Equipment, exercise=Exercise)


@dataclass(frozen=True)
class LoadResult:
    muscle_groups: int
    equipment: int
    exercises_created: int
    exercises_updated: int


def read_library(path: Path = LIBRARY_PATH) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    _check(data)
    return data


def _check(data: dict[str, Any]) -> None:
    """Fail loudly on a broken file rather than load half a library."""
    muscles = {m["slug"] for m in data["muscle_groups"]}
    equipment = {e["slug"] for e in data["equipment"]}
    seen: set[str] = set()
    for row in data["exercises"]:
        name = row["name"].strip()
        if not name or name.lower() in seen:
            raise ValueError(f"Exercise library: blank or duplicate name {name!r}.")
        seen.add(name.lower())
        unknown = (set(row["primary"]) | set(row["secondary"])) - muscles
        unknown |= set(row["equipment"]) - equipment
        if unknown:
            raise ValueError(f"Exercise library: {name!r} names unknown slugs {sorted(unknown)}.")


def _upsert_by_slug(
    model: type[models.Model], rows: list[dict[str, Any]], using: str, **extra: str
) -> dict[str, int]:
    """slug -> id, creating or updating rows; `extra` maps model field -> JSON key."""
    manager = model._default_manager.db_manager(using)
    rows_now = list(manager.all())
    by_slug: dict[str, Any] = {obj.slug: obj for obj in rows_now}  # type: ignore[attr-defined]
    # Staff may have added one by hand under another slug: adopt it (names are unique too).
    by_name: dict[str, Any] = {obj.name.lower(): obj for obj in rows_now}  # type: ignore[attr-defined]
    ids = {}
    for row in rows:
        values = {"slug": row["slug"], "name": row["name"]}
        values |= {field: row[key] for field, key in extra.items()}
        obj = by_slug.get(row["slug"]) or by_name.get(row["name"].lower())
        if obj is None:
            obj = manager.create(**values)
        elif any(getattr(obj, field) != value for field, value in values.items()):
            for field, value in values.items():
                setattr(obj, field, value)
            obj.save(using=using)
        ids[row["slug"]] = obj.pk
    return ids


def _exercise_fields(row: dict[str, Any]) -> dict[str, Any]:
    return {
        "name": row["name"].strip(),
        "aliases": ", ".join(a.strip() for a in row.get("aliases", []) if a.strip()),
        "category": row["category"],
        "instructions": row.get("instructions", "").strip(),
        "is_unilateral": bool(row.get("unilateral", False)),
    }


def _replace_links(
    exercise_model: type[models.Model],
    field: str,
    wanted: dict[int, list[int]],
    using: str,
) -> None:
    """Set one many-to-many of many exercises at once (two queries, not one per exercise)."""
    through = exercise_model._meta.get_field(field).remote_field.through  # type: ignore[union-attr]
    target = next(
        f.attname
        for f in through._meta.fields
        if f.is_relation and f.related_model is not exercise_model
    )
    manager = through._default_manager.db_manager(using)
    manager.filter(exercise_id__in=list(wanted)).delete()
    manager.bulk_create(
        [
            through(**{"exercise_id": exercise_id, target: other_id})
            for exercise_id, others in wanted.items()
            for other_id in dict.fromkeys(others)
        ]
    )


def load_exercise_library(
    *,
    models_: LibraryModels | None = None,
    data: dict[str, Any] | None = None,
    using: str = "default",
) -> LoadResult:
    """Create or refresh the global muscle groups, equipment and exercises. Idempotent."""
    lib = models_ or LibraryModels.current()
    data = data if data is not None else read_library()
    _check(data)
    with transaction.atomic(using=using):
        muscle_ids = _upsert_by_slug(
            lib.muscle_group, data["muscle_groups"], using, body_region="region"
        )
        equipment_ids = _upsert_by_slug(lib.equipment, data["equipment"], using)

        exercises = lib.exercise._default_manager.db_manager(using)
        existing = {
            ex.name.lower(): ex  # type: ignore[attr-defined]
            for ex in exercises.filter(trainer__isnull=True)
        }
        to_create, to_update = [], []
        for row in data["exercises"]:
            fields = _exercise_fields(row)
            obj = existing.get(fields["name"].lower())
            if obj is None:
                to_create.append(lib.exercise(trainer=None, **fields))
            elif any(getattr(obj, k) != v for k, v in fields.items()):
                for key, value in fields.items():
                    setattr(obj, key, value)
                to_update.append(obj)
        exercises.bulk_create(to_create)
        exercises.bulk_update(to_update, list(_exercise_fields(data["exercises"][0])))

        # Re-read the ids: bulk_create does not return them on every backend.
        ids = {
            name.lower(): pk
            for name, pk in exercises.filter(trainer__isnull=True).values_list("name", "pk")
        }
        by_exercise = {ids[row["name"].strip().lower()]: row for row in data["exercises"]}
        for field, key, lookup in (
            ("primary_muscles", "primary", muscle_ids),
            ("secondary_muscles", "secondary", muscle_ids),
            ("equipment", "equipment", equipment_ids),
        ):
            wanted = {pk: [lookup[slug] for slug in row[key]] for pk, row in by_exercise.items()}
            _replace_links(lib.exercise, field, wanted, using)
        # bulk writes send no signals: every trainer's cached library is rebuilt
        library_changed(CACHE, trainer_id=None, using=using)

    return LoadResult(
        muscle_groups=len(data["muscle_groups"]),
        equipment=len(data["equipment"]),
        exercises_created=len(to_create),
        exercises_updated=len(to_update),
    )
