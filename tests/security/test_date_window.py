"""Every date a user can type is bounded to 2000-2100 (birth dates: 1900 to yesterday):
the test walks every date field of every form, filter and serializer in the project, so a
date field added later without the bound fails here."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Iterator
from datetime import date
from typing import Any

import django_filters
import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.test import Client
from rest_framework import serializers

from fitnesspr.dates import WINDOW_MESSAGE
from programs.models import Program, ProgramAssignment
from tests.api.conftest import bearer
from tests.factories.core import ClientFactory

APPS = ("fitnesspr", "trainers", "clients", "programs", "nutrition", "progress", "billing")
#: not code a user reaches: migrations, commands, settings modules, WSGI/ASGI/Celery entry points
SKIPPED = (".migrations", ".management", ".settings", ".wsgi", ".asgi", ".celery")
EXTREMES = ("0001-01-01", "9999-12-31", "1899-12-31")


def _import_everything() -> None:
    for app in APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, f"{app}."):
            if any(part in info.name for part in SKIPPED):
                continue
            importlib.import_module(info.name)


def _subclasses(cls: type) -> Iterator[type]:
    for sub in cls.__subclasses__():
        yield sub
        yield from _subclasses(sub)


def _ours(cls: type) -> bool:
    return cls.__module__.split(".")[0] in APPS


def _form_date_fields() -> Iterator[tuple[str, forms.DateField]]:
    for form in {c for c in _subclasses(forms.BaseForm) if _ours(c)}:
        for name, field in getattr(form, "base_fields", {}).items():
            if isinstance(field, forms.DateField) and not field.disabled:
                yield f"{form.__module__}.{form.__name__}.{name}", field


def _filter_date_fields() -> Iterator[tuple[str, forms.DateField]]:
    for filterset in {c for c in _subclasses(django_filters.FilterSet) if _ours(c)}:
        for name, flt in filterset.base_filters.items():
            if isinstance(flt, django_filters.DateFilter):
                field = flt.field
                yield f"{filterset.__module__}.{filterset.__name__}.{name}", field


def _serializer_fields(serializer: Any) -> dict[str, Any]:
    try:
        return dict(serializer.fields)
    except Exception:  # a serializer needing a context to list its fields: declared ones
        return dict(serializer._declared_fields)


def _serializer_date_fields() -> Iterator[tuple[str, serializers.DateField]]:
    for cls in {c for c in _subclasses(serializers.BaseSerializer) if _ours(c)}:
        try:
            instance = cls()
        except Exception:
            continue
        for name, field in _serializer_fields(instance).items():
            if isinstance(field, serializers.DateField) and not field.read_only:
                yield f"{cls.__module__}.{cls.__name__}.{name}", field


def _all_date_fields() -> list[tuple[str, Any]]:
    _import_everything()
    found = [*_form_date_fields(), *_filter_date_fields(), *_serializer_date_fields()]
    return sorted(found, key=lambda item: item[0])


@pytest.mark.django_db
def test_the_walk_finds_the_date_fields_we_know():
    names = {name for name, _ in _all_date_fields()}
    assert "programs.forms.programs.AssignForm.start_date" in names or any(
        "start_date" in name for name in names
    )
    assert any("date_of_birth" in name for name in names)
    assert len(names) > 20


@pytest.mark.django_db
def test_every_date_field_refuses_the_extremes():
    accepted = []
    for name, field in _all_date_fields():
        for value in EXTREMES:
            try:
                if isinstance(field, forms.Field):
                    field.clean(value)
                else:
                    field.run_validation(value)
            except (ValidationError, serializers.ValidationError):
                continue
            accepted.append(f"{name}={value}")
    assert accepted == []


# ---------- assigning a program on 9999-12-31 ----------


@pytest.fixture
def assignable(trainer, client_):
    from tests.progress.test_portal_training import assign_program

    other = ClientFactory(trainer=trainer)
    assignment, _ = assign_program(other, start=trainer.today(), name="Base block")
    return assignment.source_program


def _pages_still_answer(trainer, client_) -> None:
    portal = Client()
    portal.force_login(client_.user)
    for url in ("/portal/", "/portal/training/"):
        assert portal.get(url).status_code == 200, url
    dashboard = Client()
    dashboard.force_login(trainer.user)
    assert dashboard.get(f"/dashboard/clients/{client_.pk}/").status_code == 200
    api = bearer(client_.user)
    assert api.get("/api/v1/progress/today/").status_code == 200
    assert bearer(trainer.user).get("/api/v1/programs/assignments/").status_code == 200


@pytest.mark.parametrize("far", ["9999-12-31", "0001-01-01", "2101-01-01"])
def test_a_far_start_date_is_refused_on_the_page_and_nothing_is_written(
    trainer, client_, assignable, far
):
    before = Program.objects.count()
    browser = Client()
    browser.force_login(trainer.user)

    page = browser.post(
        f"/dashboard/programs/{assignable.pk}/assign/",
        {"clients": [client_.pk], "start_date": far},
    )
    other = browser.post(
        f"/dashboard/clients/{client_.pk}/assign-program/",
        {"program": assignable.pk, "start_date": far},
    )

    assert page.status_code == other.status_code == 200
    assert WINDOW_MESSAGE in page.text
    assert WINDOW_MESSAGE in other.text
    assert not ProgramAssignment.objects.filter(client=client_).exists()
    assert Program.objects.count() == before
    _pages_still_answer(trainer, client_)


@pytest.mark.parametrize("far", ["9999-12-31", "0001-01-01"])
def test_a_far_start_date_is_refused_by_the_api_and_nothing_is_written(
    trainer, client_, assignable, far
):
    before = Program.objects.count()

    response = bearer(trainer.user).post(
        f"/api/v1/programs/{assignable.pk}/assign/",
        {"clients": [client_.pk], "start_date": far},
        format="json",
    )

    assert response.status_code == 400
    details = response.json()["error"]["details"]
    assert {"field": "start_date", "message": WINDOW_MESSAGE} in [
        {"field": d.get("field"), "message": d["message"]} for d in details
    ]
    assert not ProgramAssignment.objects.filter(client=client_).exists()
    assert Program.objects.count() == before
    _pages_still_answer(trainer, client_)


def test_a_stored_far_date_cannot_break_the_pages(trainer, client_, assignable):
    """Rows stored before the bound existed (or by hand in SQL) stop at the calendar's
    ends instead of overflowing."""
    from programs.services.assignments import program_assign

    assignment = program_assign(program=assignable, client=client_, start_date=trainer.today())
    ProgramAssignment.objects.filter(pk=assignment.pk).update(start_date=date(9999, 12, 31))

    _pages_still_answer(trainer, client_)

    ProgramAssignment.objects.filter(pk=assignment.pk).update(start_date=date(1, 1, 1))
    _pages_still_answer(trainer, client_)


def test_birth_dates_are_in_the_past_and_after_1900():
    from fitnesspr.dates import validate_birth_date

    validate_birth_date(date(1990, 4, 12))
    for wrong in (date(1899, 12, 31), date(2999, 1, 1)):
        with pytest.raises(ValidationError):
            validate_birth_date(wrong)
