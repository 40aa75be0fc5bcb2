"""Every admin page opens for staff, walking admin.site._registry so a newly registered
model is covered without touching this file; and the admin keeps the tenancy rule for
a non-superuser."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group, Permission
from django.db import models
from django.test import RequestFactory
from django.urls import reverse
from rest_framework_simplejwt.tokens import RefreshToken

from fitnesspr.models import User
from programs.models import Exercise, Program
from tests.factories.billing import StripeEventFactory
from tests.factories.programs import (
    EquipmentFactory,
    ExerciseFactory,
    MuscleGroupFactory,
    ProgramFactory,
)
from tests.models.test_tenancy import CASES

REGISTERED = [
    pytest.param(model, model_admin, id=model._meta.label)
    for model, model_admin in sorted(admin.site._registry.items(), key=lambda i: i[0]._meta.label)
]


@pytest.fixture
def every_model_has_a_row(trainer, client_, staff):
    for case in CASES:
        case.make(trainer, client_)
    MuscleGroupFactory()
    EquipmentFactory()
    StripeEventFactory()
    Group.objects.create(name="Support")
    RefreshToken.for_user(trainer.user).blacklist()  # an outstanding and a blacklisted token


def _url(model: type[models.Model], view: str, *args: object) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.mark.parametrize(("model", "model_admin"), REGISTERED)
def test_every_admin_page_opens_for_staff(client, staff, every_model_has_a_row, model, model_admin):
    client.force_login(staff)

    assert client.get(_url(model, "changelist")).status_code == 200
    assert client.get(_url(model, "changelist"), {"q": "x"}).status_code == 200

    request = RequestFactory().get("/")
    request.user = staff
    add = client.get(_url(model, "add"))
    assert add.status_code == (200 if model_admin.has_add_permission(request) else 403)

    row = model._default_manager.first()
    assert row is not None, f"create a {model.__name__} in every_model_has_a_row"
    assert client.get(_url(model, "change", row.pk)).status_code == 200


def test_the_client_admin_never_shows_the_pin_hash(client, staff, client_):
    client.force_login(staff)
    page = client.get(_url(type(client_), "change", client_.pk)).content.decode()
    assert client_.pin_hash not in page
    assert "pin_hash" not in page


def test_staff_can_add_a_user_by_email(client, staff):
    client.force_login(staff)
    response = client.post(
        _url(User, "add"),
        {
            "email": "New.Coach@Example.com",
            "first_name": "New",
            "last_name": "Coach",
            "role": "trainer",
            "usable_password": "true",
            "password1": "a-long-enough-passphrase-42",
            "password2": "a-long-enough-passphrase-42",
        },
    )
    assert response.status_code == 302
    assert User.objects.get(email="new.coach@example.com").check_password(
        "a-long-enough-passphrase-42"
    )


@pytest.fixture
def staff_trainer(trainer):
    """A trainer given admin access without superuser rights: the admin must scope them."""
    trainer.user.is_staff = True
    trainer.user.save()
    trainer.user.user_permissions.set(
        Permission.objects.filter(
            codename__in=["view_program", "change_program", "view_exercise", "change_exercise"]
        )
    )
    return trainer


def test_a_non_superuser_sees_only_their_own_rows(client, staff_trainer, outsider):
    ProgramFactory(trainer=staff_trainer, name="Alice's strength block")
    theirs = ProgramFactory(trainer=outsider, name="Bob's secret block")
    client.force_login(staff_trainer.user)

    page = client.get(_url(Program, "changelist")).content.decode()
    assert "Alice&#x27;s strength block" in page
    assert "Bob" not in page
    # Someone else's row doesn't exist for them: the admin redirects with "doesn't exist".
    assert client.get(_url(Program, "change", theirs.pk)).status_code == 302


def test_a_non_superuser_reads_the_global_library_but_changes_only_their_own(client, staff_trainer):
    global_row = ExerciseFactory(name="Deadlift")
    own = ExerciseFactory(name="Landmine press", trainer=staff_trainer)
    model_admin = admin.site._registry[Exercise]
    request = RequestFactory().get("/")
    request.user = staff_trainer.user

    library = set(Exercise.objects.filter(trainer__isnull=True))  # incl. the seeded library
    assert global_row in library
    assert set(model_admin.get_queryset(request)) == {own, *library}
    assert model_admin.has_change_permission(request, own)
    assert not model_admin.has_change_permission(request, global_row)
    assert not model_admin.has_delete_permission(request, global_row)
