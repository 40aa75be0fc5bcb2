"""Reads of recipes. A trainer reads their own; a client only the recipes in their own
meal plans (the tenancy scope). Lists prefetch the ingredients with their foods, so the
macros of any number of recipes cost a fixed number of queries."""

from __future__ import annotations

from typing import TypedDict

from django.db.models import Prefetch, Q, QuerySet

from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
from nutrition.models import Recipe, RecipeIngredient, RecipeTag

MAX_SEARCH_TERMS = 5


class RecipeUsage(TypedDict):
    meal_plans: int
    diary_entries: int


def ingredients_prefetch(lookup: str = "ingredients") -> Prefetch:
    return Prefetch(
        lookup,
        queryset=RecipeIngredient.objects.select_related("food", "portion").order_by("order", "pk"),
    )


def with_ingredients(qs: QuerySet[Recipe]) -> QuerySet[Recipe]:
    return qs.prefetch_related(ingredients_prefetch(), "tags")


def _matching(qs: QuerySet[Recipe], search: str) -> QuerySet[Recipe]:
    for term in search.split()[:MAX_SEARCH_TERMS]:
        qs = qs.filter(Q(name__icontains=term) | Q(description__icontains=term))
    return qs


def recipe_list(*, actor: Actor, search: str = "", tag: str = "") -> QuerySet[Recipe]:
    qs = _matching(Recipe.objects.for_actor(actor), search)
    if tag:
        qs = qs.filter(
            pk__in=Recipe.tags.through.objects.filter(recipetag__slug=tag).values("recipe_id")
        )
    return with_ingredients(qs).order_by("name", "pk")


def recipe_search(*, actor: Actor, q: str, limit: int = 8) -> list[Recipe]:
    """For the plan editor's picker; every recipe when nothing is typed."""
    qs = _matching(Recipe.objects.for_actor(actor), q.strip()[:100])
    return list(with_ingredients(qs).order_by("name", "pk")[:limit])


def recipe_get(*, actor: Actor, pk: int) -> Recipe:
    return get_for_read(with_ingredients(Recipe.objects.all()), actor=actor, pk=pk)


def recipe_get_for_write(*, actor: Actor, pk: int) -> Recipe:
    return get_for_write(with_ingredients(Recipe.objects.all()), actor=actor, pk=pk)


def recipe_usage(*, recipe: Recipe) -> RecipeUsage:
    return {
        "meal_plans": recipe.meal_plan_entries.values("day__plan_id").distinct().count(),
        "diary_entries": recipe.diary_entries.count(),
    }


def recipe_tags() -> QuerySet[RecipeTag]:
    return RecipeTag.objects.order_by("order", "name")
