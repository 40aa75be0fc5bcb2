"""Exports through the API: 202 and the envelope, following the export, the file, and
nobody else reaching it."""

from __future__ import annotations

import pytest

from portability.models import DataExport
from tests.api.conftest import bearer
from tests.portability.conftest import read_zip

pytestmark = pytest.mark.django_db


def test_ask_follow_and_download(trainer, django_capture_on_commit_callbacks):
    api = bearer(trainer.user)
    with django_capture_on_commit_callbacks(execute=True):
        asked = api.post("/api/v1/exports/")
    assert asked.status_code == 202
    body = asked.json()
    assert body["success"] is True
    assert body["data"]["status"] == "pending"
    assert body["message"]

    pk = body["data"]["id"]
    followed = api.get(f"/api/v1/exports/{pk}/").json()["data"]
    assert followed["status"] == "ready"
    assert followed["file_url"] == f"/api/v1/exports/{pk}/file/"
    assert followed["counts"]["clients"] == 0

    download = api.get(followed["file_url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/zip"
    assert "no-store" in download["Cache-Control"]
    assert "manifest.json" in read_zip(b"".join(download.streaming_content)).namelist()


def test_the_file_of_an_export_not_ready_is_a_404(trainer):
    export = DataExport.objects.create(trainer=trainer)
    answer = bearer(trainer.user).get(f"/api/v1/exports/{export.pk}/file/")
    assert answer.status_code == 404
    assert answer.json()["success"] is False


def test_another_trainer_gets_404_and_a_client_403(trainer, outsider, client_):
    export = DataExport.objects.create(trainer=trainer)
    outsider_api = bearer(outsider.user)
    assert outsider_api.get(f"/api/v1/exports/{export.pk}/").status_code == 404
    assert outsider_api.get(f"/api/v1/exports/{export.pk}/file/").status_code == 404

    client_api = bearer(client_.user)
    refused = client_api.post("/api/v1/exports/")
    assert refused.status_code == 403
    assert refused.json()["error"]["code"]
    assert client_api.get(f"/api/v1/exports/{export.pk}/").status_code == 403
    assert DataExport.objects.count() == 1


def test_signed_out_is_401():
    from rest_framework.test import APIClient

    assert APIClient().post("/api/v1/exports/").status_code == 401
