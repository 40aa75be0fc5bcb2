"""A page of a list in one query: the total rides along with the page's rows, as a
count subquery the database works out once (COUNT(*) over the list's own filters), instead
of a COUNT query before the page's own. A window count (COUNT(*) OVER ()) would carry
every row of the list, joins and all, through the window before the page is cut."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import IntegerField, QuerySet, Subquery
from django.db.models.query import ModelIterable

TOTAL = "page_total"
#: the most rows an OFFSET ... LIMIT may name (a 64-bit integer in SQL)
LAST_ROW = 2**63 - 1


class _Count(Subquery):
    """How many rows a queryset has, as a scalar subquery: uncorrelated, so computed
    once for the whole query (PostgreSQL's InitPlan), as `queryset.count()` would."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) page_rows)"

    def __init__(self, queryset: QuerySet[Any]) -> None:
        super().__init__(queryset.order_by().values("pk"), output_field=IntegerField())


def _counted(queryset: QuerySet[Any], wanted: int, per_page: int) -> Page | None:
    """Page `wanted` with its total in one query; None when the paginator must answer
    (a page below 1 or past the end, a list that is not plain model rows, a page number
    so large the database can't even be asked for it)."""
    # DISTINCT and GROUP BY lists keep the paginator's own COUNT, which counts them right.
    merged = queryset.query.distinct or queryset.query.group_by is not None
    start = (wanted - 1) * per_page
    too_far = start + per_page > LAST_ROW
    if wanted < 1 or too_far or merged or queryset._iterable_class is not ModelIterable:
        return None
    rows = list(queryset.annotate(**{TOTAL: _Count(queryset)})[start : start + per_page])
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
    page = _counted(queryset, wanted, per_page)
    return page or Paginator(queryset, per_page).get_page(number)


def page_or_error(queryset: QuerySet[Any], number: str | int, per_page: int) -> Page:
    """What `Paginator(queryset, per_page).page(number)` gives (InvalidPage for junk, a
    page below 1 or past the end), in one query when the page asked for exists."""
    try:
        wanted = int(number) if isinstance(number, str | int) else 0
    except ValueError:
        wanted = 0
    page = _counted(queryset, wanted, per_page)
    return page or Paginator(queryset, per_page).page(number)
