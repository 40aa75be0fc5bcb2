"""A page of a list in one query: the total rides along with the page's rows as a
window count (COUNT(*) OVER ()), instead of a COUNT query before the page's own."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet, Window

TOTAL = "page_total"


def page_of(queryset: QuerySet[Any], number: str | None, per_page: int) -> Page:
    """What `Paginator(queryset, per_page).get_page(number)` gives (page 1 for junk, the
    last page past the end), in one query when the page asked for exists."""
    try:
        wanted = int(number or 1)
    except (TypeError, ValueError):
        wanted = 1
    # A window counts rows before DISTINCT and GROUP BY would merge them: those lists
    # take the usual COUNT query.
    merged = queryset.query.distinct or queryset.query.group_by is not None
    if wanted < 1 or merged:
        return Paginator(queryset, per_page).get_page(number)
    start = (wanted - 1) * per_page
    rows = list(queryset.annotate(**{TOTAL: Window(Count("pk"))})[start : start + per_page])
    paginator = Paginator(queryset, per_page)
    if not rows and wanted > 1:  # past the end: the usual count, then the last page
        return paginator.get_page(number)
    # `count` is a cached property: setting it spares the COUNT query
    paginator.count = getattr(rows[0], TOTAL) if rows else 0  # type: ignore[misc]
    return Page(rows, wanted, paginator)
