"""A client downloads their own data from the portal (and the API): only their rows,
never another client's, and trainers use their own export instead."""

from __future__ import annotations

import pytest
from django.urls import reverse

from portability.kinds import CLIENT_FORMAT, CLIENT_KINDS
from tests.api.conftest import bearer
from tests.portability.conftest import kind_records, read_zip

pytestmark = pytest.mark.django_db


@pytest.fixture
def anna(rich_trainer):
    return rich_trainer.clients.order_by("pk").first()


@pytest.fixture
def ben(rich_trainer):
    return rich_trainer.clients.order_by("pk")[1]


def download(client, who):
    client.force_login(who.user)
    answer = client.get(reverse("portability:portal_my_data"))
    assert answer.status_code == 200
    assert answer["Content-Type"] == "application/zip"
    assert "no-store" in answer["Cache-Control"]
    return read_zip(b"".join(answer.streaming_content))


def test_the_account_page_offers_the_download(client, anna):
    client.force_login(anna.user)
    page = client.get(reverse("portability:portal_account")).content.decode()
    assert "Download my data" in page
    home = client.get(reverse("progress:portal_home")).content.decode()
    assert reverse("portability:portal_account") in home


def test_the_zip_holds_the_clients_own_rows_of_every_kind(client, anna):
    archive = download(client, anna)

    manifest = kind_records(archive, "manifest")
    assert manifest["format"] == CLIENT_FORMAT
    assert kind_records(archive, "profile")["email"] == anna.email
    for kind in CLIENT_KINDS:
        assert manifest["counts"][kind.name] == len(kind_records(archive, kind.name))
    assert len(kind_records(archive, "measurements")) == anna.body_measurements.count()
    assert len(kind_records(archive, "workout_sets")) > 0
    photos = kind_records(archive, "photos")
    assert len(photos) == 2
    assert archive.read(photos[0]["image"])
    for name in ("workout_sets.csv", "measurements.csv", "invoices.csv", "diary_entries.csv"):
        assert name in archive.namelist()
    assert "clients.json" not in archive.namelist()
    assert "programs.json" not in archive.namelist()


def test_only_their_own_rows(client, anna, ben):
    theirs = download(client, ben)
    content = b"".join(theirs.read(n) for n in theirs.namelist())

    assert anna.email.encode() not in content
    assert len(kind_records(theirs, "measurements")) == ben.body_measurements.count()
    assert len(kind_records(theirs, "photos")) == 0
    for invoice in kind_records(theirs, "invoices"):
        assert invoice["client"] is None  # the client's own rows need no client reference
    assert len(kind_records(theirs, "invoices")) == ben.invoices.exclude(status="draft").count()


def test_trainers_and_strangers_cannot_use_it(client, rich_trainer):
    url = reverse("portability:portal_my_data")
    assert client.get(url).status_code == 302
    client.force_login(rich_trainer.user)
    assert client.get(url).status_code == 403


def test_the_api_gives_a_client_their_zip_and_refuses_a_trainer(anna, rich_trainer):
    answer = bearer(anna.user).get("/api/v1/my-data/")
    assert answer.status_code == 200
    archive = read_zip(b"".join(answer.streaming_content))
    assert kind_records(archive, "profile")["email"] == anna.email

    refused = bearer(rich_trainer.user).get("/api/v1/my-data/")
    assert refused.status_code == 403
    assert refused.json()["success"] is False
