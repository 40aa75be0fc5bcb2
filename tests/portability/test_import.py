"""Imports refuse anything wrong as a whole: nothing is written, no file is left behind,
and the trainer is told why. Only a fresh account takes an import."""

from __future__ import annotations

import html
import io
import json
import os
import zipfile

import pytest
from django.conf import settings
from django.urls import reverse

from clients.models import Client
from portability.models import DataImport, ImportStatus
from portability.services.imports import NOT_FRESH, data_import_run
from programs.models import Program
from tests.api.conftest import bearer
from tests.factories.core import ClientFactory, TrainerFactory
from tests.portability.conftest import read_zip
from tests.portability.test_round_trip import export_bytes, move_away

pytestmark = pytest.mark.django_db


@pytest.fixture
def exported(rich_trainer) -> bytes:
    content = export_bytes(rich_trainer)
    move_away(rich_trainer)
    return content


@pytest.fixture
def fresh(db):
    return TrainerFactory(business_name="Fresh Start")


def rewrite(content: bytes, name: str, change) -> bytes:
    """The export with one file changed by `change(parsed JSON)`."""
    archive = read_zip(content)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as copy:
        for member in archive.namelist():
            data = archive.read(member)
            if member == name:
                data = json.dumps(change(json.loads(data))).encode()
            copy.writestr(member, data)
    return out.getvalue()


def private_files() -> set[str]:
    found = set()
    for folder, _dirs, files in os.walk(settings.PRIVATE_MEDIA_ROOT):
        found |= {os.path.join(folder, f) for f in files}
    return found


def assert_nothing_written(trainer) -> DataImport:
    trainer.refresh_from_db()
    assert trainer.business_name == "Fresh Start"
    assert not Client.objects.filter(trainer=trainer).exists()
    assert not Program.objects.filter(trainer=trainer).exists()
    attempt = DataImport.objects.get(trainer=trainer)
    assert attempt.status == ImportStatus.REFUSED
    assert attempt.error
    return attempt


def set_field(kind_index: int, name: str, value):
    def change(records):
        records[kind_index][name] = value
        return records

    return change


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (b"not a zip at all", "isn't a ZIP"),
        (b"PK\x03\x04broken", "isn't a ZIP"),
    ],
)
def test_a_file_that_is_not_a_zip_is_refused(fresh, upload, message):
    result = data_import_run(trainer=fresh, upload=io.BytesIO(upload))
    assert message in result.error
    assert_nothing_written(fresh)


def test_a_zip_without_a_manifest_is_refused(fresh):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("clients.json", "[]")
    result = data_import_run(trainer=fresh, upload=io.BytesIO(out.getvalue()))
    assert "manifest.json" in result.error
    assert_nothing_written(fresh)


def test_an_unknown_format_version_is_refused(fresh, exported):
    def bump(manifest):
        manifest["format_version"] = 99
        return manifest

    result = data_import_run(
        trainer=fresh, upload=io.BytesIO(rewrite(exported, "manifest.json", bump))
    )
    assert "format version 99" in result.error
    assert_nothing_written(fresh)


@pytest.mark.parametrize(
    ("name", "change", "message"),
    [
        ("workout_sets.json", set_field(0, "workout_log", 9999), "isn't in the export"),
        ("workout_sets.json", set_field(0, "exercise", {"library": "Moon squat"}), "no Moon squat"),
        ("replies.json", set_field(0, "author", "client:77"), "isn't in the export"),
        ("measurements.json", set_field(0, "weight_kg", "heavy"), "measurements.json: record 1"),
        ("photos.json", set_field(0, "image", "photos/1/missing.jpg"), "isn't in the ZIP"),
        ("clients.json", set_field(0, "pin_hash", "x"), "unexpected or missing fields"),
        ("exercises.json", set_field(0, "primary_muscles", ["wings"]), "library doesn't have"),
    ],
)
def test_a_forged_record_is_refused_and_nothing_is_written(fresh, exported, name, change, message):
    result = data_import_run(trainer=fresh, upload=io.BytesIO(rewrite(exported, name, change)))
    assert message in result.error, result.error
    assert_nothing_written(fresh)


def test_data_the_database_refuses_rolls_everything_back_and_deletes_the_photos(fresh, exported):
    before = private_files()

    def one_stripe_payment_twice(records):
        # Each record is fine alone; the database records a Stripe payment once.
        # Payments come last, so every photo file is saved by then.
        records[-1]["refund_of"] = None
        records[-1]["kind"] = "payment"
        records[-1]["stripe_payment_intent_id"] = "pi_same"
        records[0]["stripe_payment_intent_id"] = "pi_same"
        return records

    forged = rewrite(exported, "payments.json", one_stripe_payment_twice)

    result = data_import_run(trainer=fresh, upload=io.BytesIO(forged))

    assert "nothing was imported" in result.error
    assert_nothing_written(fresh)
    assert private_files() == before


def test_a_zip_bomb_is_refused_before_unpacking(fresh, exported, settings):
    settings.IMPORT_MAX_UNCOMPRESSED_MB = 1
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b"{" + b" " * (5 * 1024 * 1024) + b"}")
    result = data_import_run(trainer=fresh, upload=io.BytesIO(out.getvalue()))
    assert "more than 1 MB" in result.error
    assert_nothing_written(fresh)


def test_a_highly_compressed_member_is_refused(fresh):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", b"0" * (20 * 1024 * 1024))
    result = data_import_run(trainer=fresh, upload=io.BytesIO(out.getvalue()))
    assert "compressed suspiciously" in result.error
    assert_nothing_written(fresh)


def test_too_many_files_is_refused(fresh, settings):
    settings.IMPORT_MAX_FILES = 3
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for n in range(4):
            archive.writestr(f"f{n}.json", "[]")
    result = data_import_run(trainer=fresh, upload=io.BytesIO(out.getvalue()))
    assert "more than 3 files" in result.error
    assert_nothing_written(fresh)


def test_a_client_email_already_here_is_refused(fresh, rich_trainer):
    content = export_bytes(rich_trainer)  # the clients are still here
    result = data_import_run(trainer=fresh, upload=io.BytesIO(content))
    assert "already have an account here" in result.error
    assert_nothing_written(fresh)


def test_an_account_with_clients_is_not_fresh(trainer, exported):
    ClientFactory(trainer=trainer)
    result = data_import_run(trainer=trainer, upload=io.BytesIO(exported))
    assert result.error == NOT_FRESH
    assert Client.objects.filter(trainer=trainer).count() == 1


class TestDashboard:
    def test_upload_shows_what_came_in_and_the_pin_notice(self, client, fresh, exported):
        client.force_login(fresh.user)
        page = client.get(reverse("portability:data"))
        assert "Import an export" in page.content.decode()

        upload = io.BytesIO(exported)
        upload.name = "export.zip"
        answer = client.post(reverse("portability:import_upload"), {"archive": upload})

        body = answer.content.decode()
        assert answer.status_code == 200
        assert "Your export is imported" in body
        assert "Clients: 4" in body
        assert "new PINs" in body
        assert Client.objects.filter(trainer=fresh).count() == 4

    def test_the_imported_exercises_and_foods_show_in_the_cached_libraries(
        self, client, fresh, exported
    ):
        client.force_login(fresh.user)
        exercises = ("/dashboard/exercises/", {"owner": "mine"})
        foods = ("/dashboard/nutrition/foods/", {"owner": "mine"})
        assert "Sled push" not in client.get(*exercises).content.decode()
        assert "House granola" not in client.get(*foods).content.decode()

        result = data_import_run(trainer=fresh, upload=io.BytesIO(exported))

        assert result.status == ImportStatus.DONE
        assert "Sled push" in client.get(*exercises).content.decode()  # bulk rows bumped
        assert "House granola" in client.get(*foods).content.decode()

    def test_a_refused_upload_says_why(self, client, fresh):
        client.force_login(fresh.user)
        upload = io.BytesIO(b"nope")
        upload.name = "export.zip"
        answer = client.post(reverse("portability:import_upload"), {"archive": upload})
        body = html.unescape(answer.content.decode())
        assert answer.status_code == 400
        assert "wasn't imported" in body
        assert "isn't a ZIP" in body

    def test_no_file_is_a_form_error(self, client, fresh):
        client.force_login(fresh.user)
        answer = client.post(reverse("portability:import_upload"), {})
        assert answer.status_code == 400
        assert "This field is required" in answer.content.decode()

    def test_an_account_in_use_is_told_to_start_fresh(self, client, trainer, client_):
        client.force_login(trainer.user)
        page = client.get(reverse("portability:data")).content.decode()
        assert "fresh account only" in page


class TestApi:
    def test_import_201(self, fresh, exported):
        upload = io.BytesIO(exported)
        upload.name = "export.zip"
        answer = bearer(fresh.user).post("/api/v1/imports/", {"file": upload}, format="multipart")
        assert answer.status_code == 201
        body = answer.json()
        assert body["success"] is True
        assert body["data"]["counts"]["clients"] == 4
        assert "PINs" in body["message"]

    def test_refused_400_with_details(self, fresh):
        upload = io.BytesIO(b"nope")
        upload.name = "export.zip"
        answer = bearer(fresh.user).post("/api/v1/imports/", {"file": upload}, format="multipart")
        assert answer.status_code == 400
        error = answer.json()["error"]
        assert error["code"] == "IMPORT_REFUSED"
        assert error["details"][0]["field"] == "file"

    def test_not_fresh_409(self, trainer, client_, exported):
        upload = io.BytesIO(exported)
        upload.name = "export.zip"
        answer = bearer(trainer.user).post("/api/v1/imports/", {"file": upload}, format="multipart")
        assert answer.status_code == 409
        assert answer.json()["error"]["code"] == "CONFLICT"

    def test_no_file_400_and_a_client_403(self, fresh, client_):
        assert (
            bearer(fresh.user).post("/api/v1/imports/", {}, format="multipart").status_code == 400
        )
        answer = bearer(client_.user).post("/api/v1/imports/", {}, format="multipart")
        assert answer.status_code == 403
