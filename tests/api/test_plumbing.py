"""The building blocks later endpoints use: scoped FK fields, role permissions, the base
viewset's tenancy rule."""

from __future__ import annotations

import pytest
from rest_framework import serializers
from rest_framework.test import APIRequestFactory, force_authenticate

from clients.models import Client
from fitnesspr.api.fields import ScopedPrimaryKeyRelatedField
from fitnesspr.api.permissions import IsClient, IsTrainer, IsTrainerOrReadOnlyClient
from fitnesspr.api.viewsets import ScopedModelViewSet
from tests.factories.core import StaffFactory

pytestmark = pytest.mark.django_db


class NoteSerializer(serializers.Serializer):
    client = ScopedPrimaryKeyRelatedField(model=Client)


def _request(user, method: str = "post"):
    request = getattr(APIRequestFactory(), method)("/")
    request.user = user
    return request


def test_scoped_fk_accepts_my_own_client(trainer, client_):
    serializer = NoteSerializer(
        data={"client": client_.pk}, context={"request": _request(trainer.user)}
    )

    assert serializer.is_valid(), serializer.errors
    assert serializer.validated_data["client"] == client_


def test_scoped_fk_treats_someone_elses_id_like_a_missing_one(outsider, client_):
    context = {"request": _request(outsider.user)}
    foreign = NoteSerializer(data={"client": client_.pk}, context=context)
    missing = NoteSerializer(data={"client": 987654}, context=context)

    assert not foreign.is_valid()
    assert not missing.is_valid()
    assert foreign.errors["client"][0].code == missing.errors["client"][0].code == "does_not_exist"
    assert str(foreign.errors["client"][0]).replace(str(client_.pk), "N") == str(
        missing.errors["client"][0]
    ).replace("987654", "N")


def test_scoped_fk_refuses_everything_without_a_request(client_):
    assert not NoteSerializer(data={"client": client_.pk}).is_valid()


class _View:
    pass


@pytest.mark.parametrize(
    ("who", "method", "trainer_ok", "client_ok", "mixed_ok"),
    [
        ("trainer", "get", True, False, True),
        ("trainer", "post", True, False, True),
        ("client", "get", False, True, True),
        ("client", "post", False, True, False),
        ("staff", "get", False, False, False),
    ],
)
def test_role_permissions(trainer, client_, who, method, trainer_ok, client_ok, mixed_ok):
    user = {"trainer": trainer.user, "client": client_.user, "staff": StaffFactory()}[who]
    request = _request(user, method)

    assert IsTrainer().has_permission(request, _View()) is trainer_ok
    assert IsClient().has_permission(request, _View()) is client_ok
    assert IsTrainerOrReadOnlyClient().has_permission(request, _View()) is mixed_ok


def test_an_inactive_trainer_has_no_role(trainer):
    trainer.user.is_active = False

    assert IsTrainer().has_permission(_request(trainer.user), _View()) is False


class RawClientSerializer(serializers.ModelSerializer):
    class Meta:
        model = Client
        fields = ["id", "goals"]


class NaiveViewSet(ScopedModelViewSet):
    """Forgot to route writes through a service."""

    model = Client
    serializer_class = RawClientSerializer
    permission_classes = [IsTrainer]


def test_base_viewset_scopes_reads_and_refuses_writes_that_skip_services(
    trainer, outsider, client_
):
    factory = APIRequestFactory()
    listing = NaiveViewSet.as_view({"get": "list"})
    patch = NaiveViewSet.as_view({"patch": "partial_update"})

    def call(view, user, request, **kwargs):
        force_authenticate(request, user=user)
        return view(request, **kwargs)

    mine = call(listing, trainer.user, factory.get("/"))
    theirs = call(listing, outsider.user, factory.get("/"))
    assert [row["id"] for row in mine.data["data"]] == [client_.pk]
    assert theirs.data["data"] == []
    response = call(
        patch, trainer.user, factory.patch("/", {"goals": "x"}, format="json"), pk=client_.pk
    )
    assert response.status_code == 500
    client_.refresh_from_db()
    assert client_.goals != "x"
