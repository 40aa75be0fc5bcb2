"""Media on S3-compatible storage (MEDIA_STORAGE=s3): public uploads in the bucket,
private files (progress photos) behind signed URLs that expire in minutes, handed out
only after the access check; local disk stays the default. No network: the storages
point at an endpoint that does not exist, and signing a URL needs none."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.files.storage import FileSystemStorage, default_storage

from fitnesspr.storage import PrivateFileStorage, private_storage
from progress.models import ProgressPhoto
from tests.api.conftest import bearer

ROOT = Path(__file__).resolve().parent.parent
ENDPOINT = "http://s3.fitnesspr.invalid:9000"
S3_ENV = {
    "MEDIA_STORAGE": "s3",
    "AWS_STORAGE_BUCKET_NAME": "fitnesspr-media",
    "AWS_S3_ENDPOINT_URL": ENDPOINT,
    "AWS_S3_REGION_NAME": "eu-west-1",
    "AWS_ACCESS_KEY_ID": "test-access-key",
    "AWS_SECRET_ACCESS_KEY": "test-secret-key",
}
PRINT_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({"storages": settings.STORAGES, "img": settings.SECURE_CSP["img-src"]}))
"""


def boot(**env: str) -> dict:
    """The settings a process started with this environment gets."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("AWS_") and key != "MEDIA_STORAGE"
    }
    environment.update(DJANGO_SETTINGS_MODULE="fitnesspr.settings.base", **env)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTINGS],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def s3_storages() -> dict:
    return boot(**S3_ENV)["storages"]


@pytest.fixture
def on_s3(settings, s3_storages):
    settings.STORAGES = {**settings.STORAGES, **{k: s3_storages[k] for k in ("default", "private")}}


def test_local_disk_is_the_default():
    assert isinstance(private_storage(), PrivateFileStorage)
    assert isinstance(default_storage, FileSystemStorage)
    booted = boot()
    assert booted["storages"]["private"]["BACKEND"] == "fitnesspr.storage.PrivateFileStorage"
    assert booted["storages"]["default"]["BACKEND"].endswith("FileSystemStorage")


def test_s3_settings_keep_private_files_private(s3_storages):
    public, private = s3_storages["default"], s3_storages["private"]

    assert public["BACKEND"] == private["BACKEND"] == "storages.backends.s3.S3Storage"
    assert public["OPTIONS"]["querystring_auth"] is False
    assert private["OPTIONS"]["querystring_auth"] is True
    assert private["OPTIONS"]["querystring_expire"] == 300
    assert private["OPTIONS"]["default_acl"] == "private"
    assert private["OPTIONS"]["location"] != public["OPTIONS"]["location"]
    assert private["OPTIONS"]["endpoint_url"] == ENDPOINT
    # pages may show images redirected to the bucket (the CSP allows its origin)
    assert ENDPOINT in boot(**S3_ENV)["img"]


def test_a_bucket_name_alone_switches_to_s3():
    booted = boot(AWS_STORAGE_BUCKET_NAME="fitnesspr-media")
    assert booted["storages"]["private"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert "https://fitnesspr-media.s3.amazonaws.com" in booted["img"]


def test_the_private_storage_signs_short_lived_urls(on_s3):
    url = urlsplit(private_storage().url("progress/1/front.jpg"))
    query = parse_qs(url.query)

    assert f"{url.scheme}://{url.netloc}" == ENDPOINT
    assert url.path == "/fitnesspr-media/private/progress/1/front.jpg"
    assert query["X-Amz-Expires"] == ["300"]
    assert query["X-Amz-Signature"]


@pytest.fixture
def photo_on_s3(on_s3, client_):
    # The row only: saving the bytes would need the (absent) S3 server.
    return ProgressPhoto.objects.create(
        client=client_, image="progress/1/front.jpg", pose="front", taken_on=dt.date(2026, 3, 2)
    )


@pytest.mark.django_db
def test_the_photo_page_redirects_its_owner_to_a_signed_url(client, trainer, photo_on_s3):
    client.force_login(trainer.user)

    response = client.get(f"/photos/{photo_on_s3.pk}/photo.jpg")

    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert f"{target.scheme}://{target.netloc}" == ENDPOINT
    query = parse_qs(target.query)
    assert query["X-Amz-Expires"] == ["300"]
    assert query["response-content-disposition"] == [
        'inline; filename="progress-2026-03-02-front.jpg"'
    ]
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]


@pytest.mark.django_db
def test_another_trainer_gets_a_404_not_a_signed_url(client, outsider, photo_on_s3):
    client.force_login(outsider.user)

    response = client.get(f"/photos/{photo_on_s3.pk}/photo.jpg")

    assert response.status_code == 404
    assert "X-Amz" not in response.get("Location", "")


@pytest.mark.django_db
def test_the_api_redirects_the_client_and_refuses_another_trainer(client_, outsider, photo_on_s3):
    path = f"/api/v1/progress/photos/{photo_on_s3.pk}/image/"

    mine = bearer(client_.user).get(path)
    assert mine.status_code == 302
    assert "X-Amz-Signature=" in mine["Location"]
    assert bearer(outsider.user).get(path).status_code == 404
