"""The global food library, loaded from nutrition/data/food_library.json.

One loader serves the data migration (every install gets the library) and the
`load_food_library` command (refresh it after the JSON changes). The migration must use
its historical models, so the model classes are parameters. Global foods are matched by
case-insensitive name and updated in place, their portions by name; a trainer's own
foods are never read or written. A portion that recipes, plans or diaries measure in is
kept even when the file drops it, so nothing that uses it changes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.db import models, transaction

from fitnesspr.versions import library_changed
from nutrition.models import FoodCategory, food_search_text, split_aliases
from nutrition.selectors.foods import CACHE

LIBRARY_PATH = Path(__file__).resolve().parent / "data" / "food_library.json"
MACROS = ("protein_g", "carbs_g", "fat_g", "fiber_g", "alcohol_g")
FOOD_FIELDS = ("name", "brand", "aliases", "category", "kcal", *MACROS, "search_text")


@dataclass(frozen=True)
class LibraryModels:
    food: type[models.Model]
    portion: type[models.Model]

    @classmethod
    def current(cls) -> LibraryModels:
        from nutrition.models import Food, FoodPortion

        return cls(food=Food, portion=FoodPortion)


@dataclass(frozen=True)
class LoadResult:
    foods_created: int
    foods_updated: int
    portions_created: int
    portions_updated: int
    portions_removed: int


def read_library(path: Path = LIBRARY_PATH) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    _check(data)
    return data


def _check(data: dict[str, Any]) -> None:
    """Fail loudly on a broken file rather than load half a library."""
    seen: set[str] = set()
    for row in data["foods"]:
        name = row["name"].strip()
        if not name or name.casefold() in seen:
            raise ValueError(f"Food library: blank or duplicate name {name!r}.")
        seen.add(name.casefold())
        if row["category"] not in FoodCategory.values:
            raise ValueError(f"Food library: {name!r} has unknown category {row['category']!r}.")
        portions = [p["name"].strip().casefold() for p in row.get("portions", [])]
        if len(set(portions)) != len(portions):
            raise ValueError(f"Food library: {name!r} repeats a portion name.")


def _number(value: float | int) -> Decimal:
    # repr keeps what the file says (0.1 stays 0.1, not 0.1000000000000000055…)
    return Decimal(repr(value))


def _food_fields(row: dict[str, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "name": row["name"].strip(),
        "brand": "",
        "aliases": ", ".join(split_aliases(row.get("aliases", []))),
        "category": row["category"],
        "kcal": _number(row["kcal"]),
    }
    for macro in MACROS:
        fields[macro] = _number(row.get(macro, 0))
    return fields


def _differs(obj: Any, fields: dict[str, Any]) -> bool:
    return any(getattr(obj, key) != value for key, value in fields.items())


def _load_foods(lib: LibraryModels, data: dict[str, Any], using: str) -> tuple[int, int]:
    foods = lib.food._default_manager.db_manager(using)
    existing = {f.name.casefold(): f for f in foods.filter(trainer__isnull=True)}  # type: ignore[attr-defined]
    to_create, to_update = [], []
    for row in data["foods"]:
        fields = _food_fields(row)
        obj = existing.get(fields["name"].casefold())
        if obj is None:
            obj = lib.food(trainer=None, **fields)
            obj.search_text = food_search_text(obj)  # type: ignore[arg-type,attr-defined]
            to_create.append(obj)
            continue
        fields["search_text"] = food_search_text(lib.food(**fields))  # type: ignore[arg-type]
        if _differs(obj, fields):
            for key, value in fields.items():
                setattr(obj, key, value)
            to_update.append(obj)
    foods.bulk_create(to_create)
    foods.bulk_update(to_update, FOOD_FIELDS)
    return len(to_create), len(to_update)


def _in_use(portion_model: type[models.Model], using: str) -> set[int]:
    """Portions something measures in (recipes, plans, diaries): never removed."""
    ids: set[int] = set()
    for relation in portion_model._meta.related_objects:
        related = relation.related_model._default_manager.db_manager(using)
        used = related.filter(portion__isnull=False, portion__food__trainer__isnull=True)
        ids |= set(used.values_list("portion_id", flat=True))
    return ids


def _load_portions(lib: LibraryModels, data: dict[str, Any], using: str) -> tuple[int, int, int]:
    foods = lib.food._default_manager.db_manager(using)
    portions = lib.portion._default_manager.db_manager(using)
    food_ids = {
        name.casefold(): pk
        for name, pk in foods.filter(trainer__isnull=True).values_list("name", "pk")
    }
    current: dict[tuple[int, str], Any] = {
        (p.food_id, p.name.casefold()): p  # type: ignore[attr-defined]
        for p in portions.filter(food__trainer__isnull=True)
    }
    wanted: set[tuple[int, str]] = set()
    to_create, to_update = [], []
    for row in data["foods"]:
        food_id = food_ids[row["name"].strip().casefold()]
        for order, item in enumerate(row.get("portions", []), start=1):
            name = item["name"].strip()
            key = (food_id, name.casefold())
            wanted.add(key)
            fields = {"name": name, "grams": _number(item["grams"]), "order": order}
            obj = current.get(key)
            if obj is None:
                to_create.append(lib.portion(food_id=food_id, **fields))
            elif _differs(obj, fields):
                for field, value in fields.items():
                    setattr(obj, field, value)
                to_update.append(obj)
    gone = [p.pk for key, p in current.items() if key not in wanted]
    keep = _in_use(lib.portion, using)
    removable = [pk for pk in gone if pk not in keep]
    portions.filter(pk__in=removable).delete()
    portions.bulk_update(to_update, ["name", "grams", "order"])
    portions.bulk_create(to_create)
    return len(to_create), len(to_update), len(removable)


def load_food_library(
    *,
    models_: LibraryModels | None = None,
    data: dict[str, Any] | None = None,
    using: str = "default",
) -> LoadResult:
    """Create or refresh the global foods and their portions. Idempotent."""
    lib = models_ or LibraryModels.current()
    data = data if data is not None else read_library()
    _check(data)
    with transaction.atomic(using=using):
        foods_created, foods_updated = _load_foods(lib, data, using)
        portions_created, portions_updated, removed = _load_portions(lib, data, using)
        # bulk writes send no signals: every trainer's cached library is rebuilt
        library_changed(CACHE, trainer_id=None, using=using)
    return LoadResult(
        foods_created=foods_created,
        foods_updated=foods_updated,
        portions_created=portions_created,
        portions_updated=portions_updated,
        portions_removed=removed,
    )


#: the recipe tags every install has, in the order the recipe form shows them
RECIPE_TAGS = [
    ("vegetarian", "Vegetarian"),
    ("vegan", "Vegan"),
    ("pescatarian", "Pescatarian"),
    ("high-protein", "High protein"),
    ("low-carb", "Low carb"),
    ("dairy-free", "Dairy-free"),
    ("gluten-free", "Gluten-free"),
    ("nut-free", "Nut-free"),
    ("quick", "Quick (15 minutes or less)"),
    ("meal-prep", "Good for meal prep"),
    ("budget", "Budget-friendly"),
    ("family", "Family-friendly"),
]


def load_recipe_tags(*, tag_model: type[models.Model] | None = None, using: str = "default") -> int:
    """Create or rename the standard recipe tags (the migration passes its historical
    model). Idempotent; returns how many there are."""
    if tag_model is None:
        from nutrition.models import RecipeTag

        tag_model = RecipeTag
    manager = tag_model._default_manager.using(using)
    for order, (slug, name) in enumerate(RECIPE_TAGS, start=1):
        manager.update_or_create(slug=slug, defaults={"name": name, "order": order})
    return len(RECIPE_TAGS)
