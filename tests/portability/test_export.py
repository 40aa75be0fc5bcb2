"""A trainer's export: every kind they own is in the ZIP (JSON, CSVs, photo files),
nothing of another trainer's and no client's PIN; built by the background task exactly
once; asked for and downloaded on the dashboard."""

from __future__ import annotations

import csv
import io

import pytest
from django.urls import reverse

from clients.models import Client
from portability.kinds import FORMAT, FORMAT_VERSION, KINDS
from portability.models import DataExport, ExportStatus
from portability.services import exports
from portability.services.exports import data_export_build, data_export_request
from portability.tasks import build_data_export
from progress.models import ProgressPhoto
from tests.factories.core import ClientFactory, TrainerFactory
from tests.factories.progress import BodyMeasurementFactory
from tests.portability.conftest import kind_records, read_zip

pytestmark = pytest.mark.django_db

CSV_KINDS = {"clients", "workout_sets", "measurements", "invoices", "payments", "diary_entries"}


def built(trainer, django_capture_on_commit_callbacks) -> DataExport:
    with django_capture_on_commit_callbacks(execute=True):
        export = data_export_request(trainer=trainer)
    export.refresh_from_db()
    return export


def test_every_kind_is_in_the_zip_with_its_csv_and_the_manifest_counts(
    rich_trainer, django_capture_on_commit_callbacks
):
    export = built(rich_trainer, django_capture_on_commit_callbacks)

    assert export.status == ExportStatus.READY
    archive = read_zip(export.file.read())
    names = set(archive.namelist())
    manifest = kind_records(archive, "manifest")
    assert manifest["format"] == FORMAT
    assert manifest["format_version"] == FORMAT_VERSION
    assert manifest["exported_at"]
    for kind in KINDS:
        records = kind_records(archive, kind.name)
        assert records, f"{kind.name} is empty in the rich fixture"
        assert manifest["counts"][kind.name] == len(records) == export.counts[kind.name]
        assert [r["id"] for r in records] == list(range(1, len(records) + 1))
    assert {n[:-4] for n in names if n.endswith(".csv")} == CSV_KINDS
    profile = kind_records(archive, "profile")
    assert profile["business_name"] == rich_trainer.business_name
    assert export.size_bytes == export.file.size


def test_csv_rows_match_the_json_records(rich_trainer):
    buffer = io.BytesIO()
    exports.archive_write(trainer=rich_trainer, target=buffer)
    archive = read_zip(buffer.getvalue())

    for name in CSV_KINDS:
        rows = list(csv.DictReader(io.StringIO(archive.read(f"{name}.csv").decode())))
        records = kind_records(archive, name)
        assert [int(row["id"]) for row in rows] == [r["id"] for r in records]
    clients = list(csv.DictReader(io.StringIO(archive.read("clients.csv").decode())))
    assert {row["email"] for row in clients} == set(
        rich_trainer.clients.values_list("user__email", flat=True)
    )


def test_no_pin_or_sign_in_state_leaves_and_references_are_local(rich_trainer):
    buffer = io.BytesIO()
    exports.archive_write(trainer=rich_trainer, target=buffer)
    archive = read_zip(buffer.getvalue())

    clients = kind_records(archive, "clients")
    assert all("pin_hash" not in c and "failed_pin_attempts" not in c for c in clients)
    hashes = Client.objects.filter(trainer=rich_trainer).values_list("pin_hash", flat=True)
    every_file = b"".join(archive.read(n) for n in archive.namelist() if n.endswith(".json"))
    assert not any(h.encode() in every_file for h in hashes if h)

    sets = kind_records(archive, "workout_sets")
    exercise_refs = [s["exercise"] for s in sets]
    assert {"library": "Barbell Back Squat"} in exercise_refs
    own = kind_records(archive, "exercises")
    assert own[0]["name"] == "Sled push"
    assert own[0]["primary_muscles"]
    assert 1 in exercise_refs  # the own exercise by its export-local id
    replies = kind_records(archive, "replies")
    assert {r["author"] for r in replies} <= {"trainer"} | {f"client:{c['id']}" for c in clients}


def test_photo_files_travel_with_their_records(rich_trainer):
    buffer = io.BytesIO()
    exports.archive_write(trainer=rich_trainer, target=buffer)
    archive = read_zip(buffer.getvalue())

    photos = kind_records(archive, "photos")
    stored = ProgressPhoto.objects.filter(client__trainer=rich_trainer).order_by("pk")
    assert len(photos) == stored.count() == 2
    for record, photo in zip(photos, stored, strict=True):
        assert record["image"].startswith(f"photos/{record['id']}/")
        assert archive.read(record["image"]) == photo.image.read()
    assert photos[0]["check_in"] is not None


def test_custom_measurements_are_keyed_by_export_local_ids(rich_trainer):
    buffer = io.BytesIO()
    exports.archive_write(trainer=rich_trainer, target=buffer)
    archive = read_zip(buffer.getvalue())

    customs = kind_records(archive, "custom_measurements")
    forearm = next(c for c in customs if c["name"] == "Forearm")
    values = [m["custom_cm"] for m in kind_records(archive, "measurements") if m["custom_cm"]]
    assert {str(forearm["id"]): "16.5"} in values
    local_ids = {str(c["id"]) for c in customs}
    assert all(set(v) <= local_ids for v in values)


def test_another_trainers_rows_are_never_in_the_export(rich_trainer):
    other = TrainerFactory(business_name="Bob Fitness")
    zed = ClientFactory(trainer=other, user__email="zed@example.com", user__first_name="Zed")
    BodyMeasurementFactory(client=zed, notes="zed-secret-note")
    buffer = io.BytesIO()

    exports.archive_write(trainer=rich_trainer, target=buffer)

    archive = read_zip(buffer.getvalue())
    content = b"".join(archive.read(n) for n in archive.namelist())
    assert b"zed@example.com" not in content
    assert b"zed-secret-note" not in content


def test_the_task_builds_a_pending_export_once(rich_trainer, monkeypatch):
    export = DataExport.objects.create(trainer=rich_trainer)
    build_data_export(export.pk)
    export.refresh_from_db()
    first_file = export.file.name
    assert export.status == ExportStatus.READY

    calls = []
    monkeypatch.setattr(exports, "archive_write", lambda **kw: calls.append(kw))
    build_data_export(export.pk)  # a redelivered task: the row is built already

    export.refresh_from_db()
    assert calls == []
    assert export.file.name == first_file


def test_a_build_that_breaks_marks_the_export_failed(trainer, monkeypatch):
    def broken(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(exports, "archive_write", broken)
    export = DataExport.objects.create(trainer=trainer)

    build_data_export(export.pk)

    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED
    assert "could not be built" in export.error
    assert not export.file


def test_asking_twice_while_preparing_gives_the_same_export(trainer):
    first = data_export_request(trainer=trainer)
    second = data_export_request(trainer=trainer)
    assert first.pk == second.pk
    assert DataExport.objects.filter(trainer=trainer).count() == 1


def test_the_build_skips_a_row_that_is_not_pending(trainer):
    export = DataExport.objects.create(trainer=trainer, status=ExportStatus.FAILED)
    data_export_build(export_id=export.pk)
    export.refresh_from_db()
    assert export.status == ExportStatus.FAILED


class TestDashboard:
    def test_settings_offers_the_export(self, client, trainer):
        client.force_login(trainer.user)
        page = client.get(reverse("trainers:settings")).content.decode()
        assert "<title>Settings · FitnessPr</title>" in page
        assert page.count("<h2>Your data</h2>") == 1
        assert "Export all my data" in page
        assert f'hx-get="{reverse("portability:export_panel")}"' in page

    def test_the_data_page_reads_in_few_queries(
        self, client, trainer, django_assert_max_num_queries
    ):
        for _ in range(8):
            DataExport.objects.create(trainer=trainer, status=ExportStatus.FAILED, error="x")
        client.force_login(trainer.user)
        with django_assert_max_num_queries(40):
            page = client.get(reverse("portability:data"))
        assert page.status_code == 200

    def test_preparing_then_download(self, client, trainer, django_capture_on_commit_callbacks):
        client.force_login(trainer.user)
        with django_capture_on_commit_callbacks(execute=False):
            panel = client.post(reverse("portability:export_request"), HTTP_HX_REQUEST="true")
        body = panel.content.decode()
        assert "Preparing your export" in body
        assert 'hx-trigger="every 2s"' in body
        assert "no-store" in panel["Cache-Control"]

        export = DataExport.objects.get(trainer=trainer)
        data_export_build(export_id=export.pk)
        panel = client.get(reverse("portability:export_panel"))
        body = panel.content.decode()
        assert "Download the export" in body
        assert "every 2s" not in body

        download = client.get(reverse("portability:export_download", args=[export.pk]))
        assert download.status_code == 200
        assert download["Content-Type"] == "application/zip"
        assert "attachment" in download["Content-Disposition"]
        archive = read_zip(b"".join(download.streaming_content))
        assert "manifest.json" in archive.namelist()

    def test_without_htmx_the_request_goes_back_to_the_page(self, client, trainer):
        client.force_login(trainer.user)
        answer = client.post(reverse("portability:export_request"))
        assert answer.status_code == 302
        assert answer["Location"] == reverse("portability:data")
        assert client.get(reverse("portability:data")).status_code == 200

    def test_someone_elses_export_is_a_404(self, client, trainer, outsider, client_):
        export = DataExport.objects.create(trainer=trainer)
        data_export_build(export_id=export.pk)
        url = reverse("portability:export_download", args=[export.pk])
        client.force_login(outsider.user)
        assert client.get(url).status_code == 404
        client.force_login(client_.user)
        assert client.get(url).status_code == 404
        client.logout()
        assert client.get(url).status_code == 302

    def test_a_client_cannot_ask_for_an_export(self, client, client_):
        client.force_login(client_.user)
        assert client.post(reverse("portability:export_request")).status_code == 403
        assert not DataExport.objects.exists()


def test_a_new_export_replaces_the_earlier_one_and_its_file(
    trainer, django_capture_on_commit_callbacks
):
    first = DataExport.objects.create(trainer=trainer)
    data_export_build(export_id=first.pk)
    first.refresh_from_db()
    old_file = first.file.name
    assert first.file.storage.exists(old_file)

    second = DataExport.objects.create(trainer=trainer)
    with django_capture_on_commit_callbacks(execute=True):
        data_export_build(export_id=second.pk)

    assert list(DataExport.objects.filter(trainer=trainer)) == [second]
    assert not first.file.storage.exists(old_file)
