"""A page in one query gives what Django's paginator gives, for any page number."""

from __future__ import annotations

import pytest
from django.core.paginator import InvalidPage, Paginator

from fitnesspr.pagination import page_of, page_or_error
from programs.models import Exercise
from tests.factories.programs import ExerciseFactory

pytestmark = pytest.mark.django_db

NUMBERS = [None, "", "1", "2", "3", "4", "99", "0", "-1", "abc", "2.0", str(2**63), "9" * 30]


def _shape(page):
    paginator = page.paginator
    return (
        [row.pk for row in page.object_list],
        page.number,
        paginator.count,
        paginator.num_pages,
        page.has_next(),
        page.has_previous(),
        page.start_index(),
        page.end_index(),
    )


@pytest.mark.parametrize("rows", [0, 7, 25, 30])
def test_the_same_page_as_django_paginator(rows):
    made = [e.pk for e in ExerciseFactory.create_batch(rows)]
    exercises = Exercise.objects.filter(pk__in=made).order_by("pk")  # not the seeded library
    for number in NUMBERS:
        expected = _shape(Paginator(exercises, 10).get_page(number))
        assert _shape(page_of(exercises, number, 10)) == expected, number


def _answer(page_at):
    """A page's shape, or the paginator's refusal (its class and message)."""
    try:
        return _shape(page_at())
    except InvalidPage as exc:
        return type(exc), str(exc)


@pytest.mark.parametrize("rows", [0, 7, 25, 30])
def test_the_same_page_or_refusal_as_django_paginator_page(rows):
    made = [e.pk for e in ExerciseFactory.create_batch(rows)]
    exercises = Exercise.objects.filter(pk__in=made).order_by("pk")
    for number in [*NUMBERS, 1, 3]:
        expected = _answer(lambda: Paginator(exercises, 10).page(number))  # noqa: B023
        assert _answer(lambda: page_or_error(exercises, number, 10)) == expected, number  # noqa: B023


def test_a_page_that_exists_costs_one_query(django_assert_num_queries):
    made = [e.pk for e in ExerciseFactory.create_batch(12)]
    exercises = Exercise.objects.filter(pk__in=made).order_by("pk")
    with django_assert_num_queries(1):
        page = page_of(exercises, "2", 10)
        assert (len(page.object_list), page.paginator.count, page.has_next()) == (2, 12, False)
    with django_assert_num_queries(1):
        page = page_or_error(exercises, "2", 10)
        assert (len(page.object_list), page.paginator.count, page.has_next()) == (2, 12, False)


def test_a_distinct_list_counts_its_distinct_rows():
    made = [e.pk for e in ExerciseFactory.create_batch(3)]
    doubled = Exercise.objects.filter(pk__in=made + made).order_by("pk").distinct()
    assert page_of(doubled, "1", 10).paginator.count == 3
