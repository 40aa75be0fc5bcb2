"""Importing a client list from CSV: a preview with the problems of each row, then the
valid rows created in one go, each client with a PIN and the welcome email; the same
through the API with dry_run."""

from __future__ import annotations

import html
import io

import pytest
from django.urls import reverse

from clients.models import Client
from clients.services.imports import client_csv_import, client_csv_read
from tests.api.conftest import bearer
from tests.factories.core import ClientFactory

pytestmark = pytest.mark.django_db

GOOD_AND_BAD = (
    b"First name,Last name,Email,Phone,Date of birth\n"
    b"Nia,Park,nia@example.com,0700 000 001,1990-04-21\n"
    b"Sam,Lee,sam@,,\n"
    b",Nobody,nobody@example.com,,\n"
    b"Nia,Again,NIA@example.com,,\n"
    b"Carl,Taken,carol@example.com,,\n"
    b"Dee,Day,dee@example.com,,21/04/1990\n"
    b"Ola,Oak,ola@example.com,,\n"
)


def test_the_preview_gives_each_row_its_problems(client_):
    rows = client_csv_read(data=GOOD_AND_BAD)

    problems = {row.line: " ".join(row.errors) for row in rows}
    assert problems[2] == ""
    assert "isn't an email address" in problems[3]
    assert "first name is missing" in problems[4]
    assert "earlier row" in problems[5]
    assert "already has an account" in problems[6]  # carol@example.com is client_
    assert "isn't a date" in problems[7]
    assert problems[8] == ""
    assert Client.objects.count() == 1  # the preview writes nothing


def test_confirm_creates_the_valid_rows_with_pins_and_welcome_emails(trainer, client_):
    made, skipped = client_csv_import(trainer=trainer, data=GOOD_AND_BAD, email_pin=True)

    assert sorted(c.email for c, _pin in made) == ["nia@example.com", "ola@example.com"]
    assert all(len(pin) >= 6 for _c, pin in made)
    assert [row.line for row in skipped] == [3, 4, 5, 6, 7]
    nia = Client.objects.get(user__email="nia@example.com")
    assert nia.trainer == trainer
    assert str(nia.date_of_birth) == "1990-04-21"
    assert nia.phone == "0700 000 001"
    from trainers.models import OutboundEmail

    welcomes = OutboundEmail.objects.filter(
        kind="welcome", to_email__in=["nia@example.com", "ola@example.com"]
    )
    assert welcomes.count() == 2
    pins = {c.email: pin for c, pin in made}
    assert pins["nia@example.com"] in welcomes.get(to_email="nia@example.com").text_body


def test_a_name_column_is_split_and_a_file_without_email_is_refused(trainer):
    rows = client_csv_read(data=b"Name,E-mail\nAda Lovelace,ada@example.com\n")
    assert (rows[0].first_name, rows[0].last_name) == ("Ada", "Lovelace")

    from clients.services.imports import CsvRefused

    with pytest.raises(CsvRefused, match="email column"):
        client_csv_read(data=b"Name,Phone\nAda,1\n")
    with pytest.raises(CsvRefused, match="empty"):
        client_csv_read(data=b"")


class TestDashboard:
    def upload(self, client, content: bytes, name: str = "clients.csv"):
        file = io.BytesIO(content)
        file.name = name
        return client.post(reverse("clients:csv_import"), {"file": file})

    def test_the_client_list_links_to_the_import(self, client, trainer):
        client.force_login(trainer.user)
        page = client.get(reverse("progress:client_list")).content.decode()
        assert "Import from CSV" in page

    def test_preview_then_confirm(self, client, trainer, client_):
        client.force_login(trainer.user)
        preview = self.upload(client, GOOD_AND_BAD)
        body = html.unescape(preview.content.decode())
        assert preview.status_code == 200
        assert "2 clients will be added" in body
        assert "sam@ isn't an email address" in body
        assert "no-store" in preview["Cache-Control"]
        assert Client.objects.count() == 1

        done = client.post(reverse("clients:csv_confirm"), {"email_pin": ""})
        body = done.content.decode()
        assert "2 clients added" in body
        assert "no-store" in done["Cache-Control"]
        assert Client.objects.filter(trainer=trainer).count() == 3
        nia = Client.objects.get(user__email="nia@example.com")
        assert reverse("progress:client", args=[nia.pk]) in body

        again = client.post(reverse("clients:csv_confirm"), {})
        assert again.status_code == 302  # the preview is used once
        assert Client.objects.filter(trainer=trainer).count() == 3

    def test_a_file_that_is_not_csv_is_a_form_error(self, client, trainer):
        client.force_login(trainer.user)
        answer = self.upload(client, b"\x89PNG\x00\x00binary", name="photo.png")
        assert answer.status_code == 400
        assert "email column" in answer.content.decode() or "isn" in answer.content.decode()
        assert not Client.objects.exists()

    def test_a_client_cannot_import(self, client, client_):
        client.force_login(client_.user)
        assert self.upload(client, GOOD_AND_BAD).status_code == 403


class TestApi:
    def post(self, user, content: bytes, **fields):
        file = io.BytesIO(content)
        file.name = "clients.csv"
        return bearer(user).post(
            "/api/v1/clients/import/", {"file": file, **fields}, format="multipart"
        )

    def test_dry_run_previews_and_writes_nothing(self, trainer, client_):
        answer = self.post(trainer.user, GOOD_AND_BAD, dry_run="true")
        assert answer.status_code == 200
        data = answer.json()["data"]
        assert data["valid"] == 2
        assert data["invalid"] == 5
        assert data["rows"][1]["problems"] == ["sam@ isn't an email address."]
        assert Client.objects.count() == 1

    def test_without_dry_run_it_creates_201_with_pins(self, trainer, client_):
        answer = self.post(trainer.user, GOOD_AND_BAD, dry_run="false")
        assert answer.status_code == 201
        body = answer.json()
        assert len(body["data"]["created"]) == 2
        assert body["data"]["created"][0]["pin"]
        assert len(body["data"]["skipped"]) == 5
        assert "no-store" in answer["Cache-Control"]
        assert Client.objects.filter(trainer=trainer).count() == 3

    def test_a_bad_file_is_400_in_the_envelope(self, trainer):
        answer = self.post(trainer.user, b"Name\nAda\n", dry_run="false")
        assert answer.status_code == 400
        assert answer.json()["error"]["code"] == "VALIDATION_ERROR"
        assert not Client.objects.exists()

    def test_a_client_is_refused_403(self, client_):
        assert self.post(client_.user, GOOD_AND_BAD).status_code == 403

    def test_another_trainers_client_email_counts_as_taken(self, trainer, outsider):
        ClientFactory(trainer=outsider, user__email="ola@example.com")
        data = self.post(trainer.user, GOOD_AND_BAD).json()["data"]
        ola = next(row for row in data["rows"] if row["email"] == "ola@example.com")
        assert ola["problems"] == ["ola@example.com already has an account here."]
