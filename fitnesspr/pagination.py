"""A page of a list in one query: the total rides along with the page's rows as a
window count (COUNT(*) OVER ()), instead of a COUNT query before the page's own."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window
from django.db.models.query import ModelIterable

TOTAL = "page_total"


def _windowed(queryset: QuerySet[Any], wanted: int, per_page: int) -> Page | None:
    """Page `wanted` with its total in one query; None when the paginator must answer
    (a page below 1 or past the end, a list that is not plain model rows)."""
    # A window counts rows before DISTINCT and GROUP BY would merge them: those lists
    # take the usual COUNT query.
    merged = queryset.query.distinct or queryset.query.group_by is not None
    if wanted < 1 or merged or queryset._iterable_class is not ModelIterable:
        return None
    start = (wanted - 1) * per_page
    rows = list(queryset.annotate(**{TOTAL: Window(Count("pk"))})[start : start + per_page])
    if not rows and wanted > 1:  # past the end: the paginator's count and its answer
        return None
    paginator = Paginator(queryset, per_page)
    # `count` is a cached property: setting it spares the COUNT query
    paginator.count = getattr(rows[0], TOTAL) if rows else 0  # type: ignore[misc]
    return Page(rows, wanted, paginator)


def page_of(queryset: QuerySet[Any], number: str | None, per_page: int) -> Page:
    """What `Paginator(queryset, per_page).get_page(number)` gives (page 1 for junk, the
    last page past the end), in one query when the page asked for exists."""
    try:
        wanted = int(number or 1)
    except (TypeError, ValueError):
        wanted = 1
    page = _windowed(queryset, wanted, per_page)
    return page or Paginator(queryset, per_page).get_page(number)


def page_or_error(queryset: QuerySet[Any], number: str | int, per_page: int) -> Page:
    """What `Paginator(queryset, per_page).page(number)` gives (InvalidPage for junk, a
    page below 1 or past the end), in one query when the page asked for exists."""
    try:
        wanted = int(number) if isinstance(number, str | int) else 0
    except ValueError:
        wanted = 0
    page = _windowed(queryset, wanted, per_page)
    return page or Paginator(queryset, per_page).page(number)
