"""Reads of the food library. Every query starts from the tenancy scope (`for_actor`):
the global library plus the asker's (or their trainer's) own foods, so another trainer's
food is simply not there (a 404). The write getter adds the library's write rule: a
shared food is read-only (403).

Search ignores accents and case on both SQLite and PostgreSQL: it matches the words
typed, folded by `search_key`, against each food's folded names and aliases
(`Food.search_text`), so "creme" finds "Crème fraîche" and "oatmeal" finds rolled oats."""

from __future__ import annotations

from typing import TypedDict

from django.db.models import Case, F, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.db.models.functions import Length, StrIndex

from fitnesspr import versions
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
from nutrition.models import Food, FoodPortion, FoodQuerySet, search_key
from trainers.models import Trainer

OWNER_FILTERS = {"": "All foods", "mine": "Only yours", "global": "Only the library"}
GLOBAL_READ_ONLY = FoodQuerySet.read_only_message
MAX_SEARCH_TERMS = 5
MAX_SEARCH = 100
#: the library's name for its cache versions (`fitnesspr.versions`): every change to a
#: food or a portion bumps it (nutrition.signals)
CACHE = "foods"
#: how long a cached piece of the library may sit unread (a change replaces it sooner)
CACHE_SECONDS = 6 * 60 * 60


class FoodFilters(TypedDict):
    search: str
    category: str
    owner: str


class FoodUsage(TypedDict):
    recipes: int
    meal_plans: int
    diary_entries: int


def with_portions(qs: QuerySet[Food]) -> QuerySet[Food]:
    return qs.prefetch_related(
        Prefetch("portions", queryset=FoodPortion.objects.order_by("order", "pk"))
    )


def search_terms(text: str) -> list[str]:
    return search_key(text[:MAX_SEARCH]).split()[:MAX_SEARCH_TERMS]


def matching(qs: QuerySet[Food], search: str) -> QuerySet[Food]:
    """Foods whose names or aliases hold every word typed, best first: a name that starts
    with the first word, then a name containing it, then an alias; shorter names first
    (so "egg" offers "Egg, whole, raw" before "Eggplant parmesan")."""
    terms = search_terms(search)
    for term in terms:
        qs = qs.filter(search_text__contains=term)
    if not terms:
        return qs.order_by("name", "brand", "pk")
    first = terms[0]
    # Built-in string functions only (no regex): SQLite runs a regex as a Python callback,
    # which can deadlock its shared in-memory database under a threaded test server.
    ranked = qs.annotate(
        found_at=StrIndex("search_text", Value(first)),
        aliases_at=StrIndex("search_text", Value(" | ")),
    ).annotate(
        rank=Case(
            When(search_text__startswith=first, then=Value(0)),
            When(Q(aliases_at=0) | Q(found_at__lt=F("aliases_at")), then=Value(1)),
            default=Value(2),
            output_field=IntegerField(),
        ),
        name_length=Length("name"),
    )
    return ranked.order_by("rank", "name_length", "name", "pk")


def food_list(
    *, actor: Actor, search: str = "", category: str = "", owner: str = ""
) -> QuerySet[Food]:
    """The library as the actor sees it, filtered; `owner` is "mine" or "global"."""
    qs = Food.objects.for_actor(actor)
    if category:
        qs = qs.filter(category=category)
    if owner == "mine":
        qs = qs.filter(trainer__isnull=False)
    elif owner == "global":
        qs = qs.filter(trainer__isnull=True)
    return with_portions(matching(qs, search))


def food_search(*, actor: Actor, q: str, limit: int = 12) -> list[Food]:
    """For pickers (a recipe's ingredients, a plan, the client's diary)."""
    if not search_terms(q):
        return []
    return list(with_portions(matching(Food.objects.for_actor(actor), q))[:limit])


def library_version(*, trainer: Trainer) -> str:
    """What a cached piece of the library as `trainer` sees it is keyed by."""
    return versions.library_version(CACHE, trainer_id=trainer.pk)


def food_get(*, actor: Actor, pk: int) -> Food:
    return get_for_read(with_portions(Food.objects.select_related("trainer")), actor=actor, pk=pk)


def food_get_for_write(*, actor: Actor, pk: int) -> Food:
    """A food the actor may change: another trainer's is a 404, a global one a 403."""
    return get_for_write(with_portions(Food.objects.all()), actor=actor, pk=pk)


def food_usage(*, food: Food) -> FoodUsage:
    """Where a food is used: a used food can't be deleted."""
    return {
        "recipes": food.recipe_ingredients.values("recipe_id").distinct().count(),
        "meal_plans": food.meal_plan_entries.values("day__plan_id").distinct().count(),
        "diary_entries": food.diary_entries.count(),
    }


def foods_by_id(*, actor: Actor, ids: list[int]) -> dict[int, Food]:
    """The foods the actor may use among `ids` (one query with their portions); an id
    out of scope is simply missing."""
    return {f.pk: f for f in with_portions(Food.objects.for_actor(actor).filter(pk__in=ids))}
