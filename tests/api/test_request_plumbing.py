"""What every API request goes through, made lighter: the filter backend that skips a
filter set no query parameter names, and the bearer token whose role claim says which
profile to fetch with the user. Answers stay the same; only the work behind them shrinks."""

from __future__ import annotations

import django_filters
import pytest
from django import forms
from django.http import QueryDict
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from fitnesspr.api.filters import FilterBackend, FilterSet
from programs.models import Exercise
from tests.api.conftest import bearer
from tests.factories.programs import OwnExerciseFactory
from tests.factories.progress import WorkoutLogFactory

pytestmark = pytest.mark.django_db


class Probe(FilterSet):
    """Filters whose absence reads differently: a checkbox absent is False (it filters),
    a range is read from two parameters of other names."""

    unilateral = django_filters.BooleanFilter(
        field_name="is_unilateral", widget=forms.CheckboxInput
    )
    made = django_filters.DateFromToRangeFilter(field_name="created_at")

    class Meta:
        model = Exercise
        fields = ["unilateral", "made"]


class Plain(FilterSet):
    category = django_filters.CharFilter()

    class Meta:
        model = Exercise
        fields = ["category"]


class View:
    def __init__(self, filterset_class: type) -> None:
        self.filterset_class = filterset_class


class Request:
    def __init__(self, query: str) -> None:
        self.query_params = QueryDict(query)


def filtered(filterset_class: type, query: str, monkeypatch) -> tuple[list[int], bool]:
    """The ids the backend leaves, and whether it built the filter set."""
    built = []
    original = filterset_class.__init__

    def spy(self, *args, **kwargs):
        built.append(True)
        original(self, *args, **kwargs)

    monkeypatch.setattr(filterset_class, "__init__", spy)
    rows = FilterBackend().filter_queryset(
        Request(query), Exercise.objects.order_by("pk"), View(filterset_class)
    )
    return [row.pk for row in rows], bool(built)


def test_a_filter_set_no_parameter_names_is_not_built(monkeypatch):
    everything = list(Exercise.objects.order_by("pk").values_list("pk", flat=True))
    assert filtered(Plain, "", monkeypatch) == (everything, False)
    assert filtered(Plain, "page=2&per_page=5", monkeypatch) == (everything, False)
    assert filtered(Plain, "category=nope", monkeypatch) == ([], True)


def test_a_filter_read_from_absence_or_other_names_counts_as_given(trainer, monkeypatch):
    one_sided = OwnExerciseFactory(trainer=trainer, is_unilateral=True)
    ids, built = filtered(Probe, "", monkeypatch)  # the checkbox: absent is False
    assert built
    assert one_sided.pk not in ids
    ids, built = filtered(Probe, "made_after=2000-01-01", monkeypatch)
    assert built


def test_a_bearer_token_with_or_without_a_role_gets_the_same_answer(
    trainer, client_, django_assert_num_queries
):
    with_role = bearer(trainer.user)  # tokens_for: the role claim joins the trainer only
    without = APIClient()
    without.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(trainer.user)}")
    with django_assert_num_queries(2):  # the user with their profile, the page
        answer = with_role.get("/api/v1/clients/")
    with django_assert_num_queries(2):
        again = without.get("/api/v1/clients/")
    assert answer.status_code == again.status_code == 200
    assert answer.json() == again.json()


def test_a_clients_token_joins_the_client_and_their_trainer(client_, django_assert_num_queries):
    WorkoutLogFactory(client=client_)
    api = bearer(client_.user)
    api.get("/api/v1/progress/workout-logs/")
    with django_assert_num_queries(3):  # the user with client and trainer, the page, sets
        answer = api.get("/api/v1/progress/workout-logs/")
    assert answer.status_code == 200
    assert len(answer.json()["data"]) == 1


def test_a_token_whose_role_is_out_of_date_still_finds_the_profile(trainer):
    token = AccessToken.for_user(trainer.user)
    token["role"] = "client"  # the user is a trainer: the actor fetches the profile itself
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    assert api.get("/api/v1/clients/").status_code == 200
