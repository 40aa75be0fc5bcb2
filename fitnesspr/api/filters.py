"""Filter pieces every API list shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Model, QuerySet
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import serializers
from rest_framework.fields import empty

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


#: one answer for `?status=` and friends: a filter given must say what it filters by
BLANK_FILTER_MESSAGE = "This filter may not be empty; leave it out to list everything."


def blank_parameters(data: Any, names: Any) -> list[str]:
    """The declared query parameters that are present but empty. Django forms and DRF
    read an empty value as "not given"; an API user who typed `?status=` most likely
    meant something, so the lists refuse it instead of silently listing everything."""
    return [
        name for name in names if name in data and all(value == "" for value in data.getlist(name))
    ]


class FilterBackend(DjangoFilterBackend):
    """django-filter's backend, which builds the filter set on every request (a deep copy
    of each filter, a form class, the form's cleaning): skipped when the query string
    carries none of its filters. The filter set would then give the queryset back as it
    is: an absent filter filters nothing (a filter whose widget reads absence as a value,
    like a checkbox's False, always counts as given)."""

    def filter_queryset(self, request: Any, queryset: QuerySet[Any], view: Any) -> QuerySet[Any]:
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is not None and not _any_given(filterset_class, request.query_params):
            return queryset
        return super().filter_queryset(request, queryset, view)


#: each filter set's filters with the widget that reads them from a query string
_widgets: dict[type, list[tuple[str, Any]]] = {}


def _any_given(filterset_class: type[django_filters.FilterSet], data: Any) -> bool:
    if filterset_class not in _widgets:
        widgets = []
        for name, filter_ in filterset_class.base_filters.items():
            widget = filter_.extra.get("widget") or filter_.field_class.widget
            widgets.append((name, widget() if isinstance(widget, type) else widget))
        _widgets[filterset_class] = widgets
    return any(
        not widget.value_omitted_from_data(data, {}, name)
        for name, widget in _widgets[filterset_class]
    )


class FilterSet(django_filters.FilterSet):
    """Every API list's filter set: an empty filter value is a 400 VALIDATION_ERROR."""

    def get_form_class(self) -> type[Any]:
        base = super().get_form_class()
        # `?ordering=` is an empty list of sort keys (the schema's array): the default order
        single = [
            name
            for name, filter_ in self.filters.items()
            if not isinstance(filter_, django_filters.OrderingFilter)
        ]

        def clean(form: Any) -> dict[str, Any]:
            for name in blank_parameters(form.data, single):
                form.add_error(name, ValidationError(BLANK_FILTER_MESSAGE, code="blank"))
            return base.clean(form)

        return type(base.__name__, (base,), {"clean": clean})


class QuerySerializer(serializers.Serializer[Any]):
    """The query string of a list or report, read as a serializer: an empty value of a
    declared parameter is a 400 VALIDATION_ERROR, like the filter sets'."""

    def run_validation(self, data: Any = empty) -> Any:
        if hasattr(data, "getlist"):
            blanks = blank_parameters(data, self.fields)
            if blanks:
                raise serializers.ValidationError(
                    {name: [BLANK_FILTER_MESSAGE] for name in blanks}, code="blank"
                )
        return super().run_validation(data)
