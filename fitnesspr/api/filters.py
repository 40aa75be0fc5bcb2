"""Filter pieces every API list shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from django.db.models import Model, QuerySet

from fitnesspr.actor import actor_for_user, actor_of
from fitnesspr.dates import WindowDateField as WindowDateFormField
from fitnesspr.tenancy import scope_of


def scoped_choices(model: type[Model]) -> Callable[[Any], QuerySet[Any]]:
    """The choices of a filter on a related owned row (`?client=`): the rows the caller
    may read, so another trainer's id is refused like one that does not exist."""

    def choices(request: Any) -> QuerySet[Any]:
        actor = actor_of(request) if request is not None else actor_for_user(None)
        return scope_of(model).for_actor(actor)

    return choices


class StableOrderingFilter(django_filters.OrderingFilter):
    """Ordering with the id as a tie-breaker, so pages never repeat or skip a row."""

    def filter(self, qs: QuerySet[Any], value: Any) -> QuerySet[Any]:
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


class WindowDateFilter(django_filters.DateFilter):
    """`?from=` / `?to=`: a date in the window, else a 400 naming the parameter."""

    field_class = WindowDateFormField
