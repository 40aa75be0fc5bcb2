"""Progress photos: only real JPEG/PNG/WebP images get in, re-encoded without metadata
and upright; the files live where no URL reaches them and are served only to the
client, their trainer and staff, never to be kept by a shared cache."""

from __future__ import annotations

import datetime as dt
import html
import re
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from PIL import Image
from rest_framework.test import APIClient

from progress.models import ProgressPhoto
from progress.services.photos import photo_add, photo_delete
from tests.api.conftest import bearer
from tests.factories.core import ClientFactory, TrainerFactory
from tests.progress import images

pytestmark = pytest.mark.django_db


@pytest.fixture
def today(client_):
    return client_.trainer.today()


def add(client_, data, *, name="photo.jpg", today=None, pose="front"):
    return photo_add(
        client=client_,
        upload=images.RawUpload(data, name),
        pose=pose,
        taken_on=today or client_.trainer.today(),
        uploaded_by=client_.user,
    )


def stored_files() -> list[Path]:
    root = Path(settings.PRIVATE_MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()]


# ---------- what gets in ----------


@pytest.mark.parametrize(("fmt", "name"), [("JPEG", "a.jpg"), ("PNG", "b.png"), ("WEBP", "c.webp")])
def test_jpeg_png_and_webp_are_stored_as_fresh_jpegs_with_a_thumbnail(client_, fmt, name):
    photo = add(client_, images.image_bytes(fmt, size=(3000, 1500)), name=name)

    with photo.image.open("rb") as f, Image.open(f) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (2400, 1200)  # downscaled to the longest side's cap
    with photo.thumbnail.open("rb") as f, Image.open(f) as thumb:
        assert max(thumb.size) == 480
    assert (photo.width, photo.height) == (2400, 1200)
    assert len(stored_files()) == 2


def test_exif_is_gone_and_the_orientation_honoured(client_):
    photo = add(client_, images.jpeg_with_location(orientation=6))

    for field in (photo.image, photo.thumbnail):
        with field.open("rb") as f, Image.open(f) as stored:
            assert dict(stored.getexif()) == {}
            assert "exif" not in stored.info
            assert not stored.getexif().get_ifd(images.GPS_IFD)
    data = Path(photo.image.path).read_bytes()
    assert b"PhoneMaker" not in data
    assert b"Exif" not in data
    with Image.open(BytesIO(data)) as stored:
        # the phone was on its side: the wide 60x40 picture is stored upright, 40x60,
        # and its red half (the left, as shot) is now on top
        assert stored.size == (40, 60)
        top = stored.convert("RGB").getpixel((20, 5))
        bottom = stored.convert("RGB").getpixel((20, 55))
        assert top[0] > 200
        assert top[1] < 80  # red
        assert min(bottom) > 200  # white


def test_a_transparent_png_lands_on_white(client_):
    photo = add(client_, images.image_bytes("PNG", mode="RGBA", color=(0, 0, 0, 0)), name="t.png")
    with photo.image.open("rb") as f, Image.open(f) as stored:
        assert stored.convert("RGB").getpixel((5, 5)) > (240, 240, 240)


# ---------- what doesn't, and nothing is stored ----------

BAD_FILES = [
    pytest.param(images.SVG, "photo.svg", "isn't a photo we can use", id="svg"),
    pytest.param(images.SVG, "photo.jpg", "isn't a photo we can use", id="svg-named-jpg"),
    pytest.param(images.HTML, "photo.jpg", "isn't a photo we can use", id="html"),
    pytest.param(images.PDF, "photo.jpg", "isn't a photo we can use", id="pdf"),
    pytest.param(
        images.polyglot_jpeg_html(), "photo.jpg", "holds more than a photo", id="jpeg+html"
    ),
    pytest.param(images.polyglot_jpeg_zip(), "photo.jpg", "holds more than a photo", id="jpeg+zip"),
    pytest.param(
        images.polyglot_png_script(), "photo.png", "holds more than a photo", id="png+script"
    ),
    pytest.param(images.truncated_jpeg(), "photo.jpg", "incomplete or damaged", id="truncated"),
    pytest.param(images.image_bytes("GIF"), "photo.gif", "isn't a photo we can use", id="gif"),
    pytest.param(b"", "photo.jpg", "empty", id="empty"),
]


@pytest.mark.parametrize(("data", "name", "message"), BAD_FILES)
def test_a_file_that_is_not_only_a_jpeg_png_or_webp_is_refused(client_, data, name, message):
    with pytest.raises(ValidationError) as refused:
        add(client_, data, name=name)

    assert message in " ".join(refused.value.message_dict["image"])
    assert not ProgressPhoto.objects.exists()
    assert stored_files() == []


def test_a_decompression_bomb_is_refused_before_decoding(client_):
    with pytest.raises(ValidationError) as refused:
        add(client_, images.huge_png(20000), name="big.png")

    assert "too many pixels" in refused.value.message_dict["image"][0]
    assert stored_files() == []


def test_an_image_over_the_pixel_cap_is_refused(client_, settings):
    settings.PHOTO_MAX_MEGAPIXELS = 1
    with pytest.raises(ValidationError) as refused:
        add(client_, images.image_bytes("PNG", size=(1200, 1000)), name="wide.png")
    assert "over 1 megapixels" in refused.value.message_dict["image"][0]


def test_a_file_over_the_size_cap_is_refused_unread(client_, settings):
    settings.PHOTO_MAX_UPLOAD_MB = 1
    data = images.image_bytes() + b"\0" * (1024 * 1024)

    with pytest.raises(ValidationError) as refused:
        add(client_, data)

    assert refused.value.message_dict["image"] == ["This photo is over 1 MB: choose a smaller one."]
    assert stored_files() == []


@pytest.mark.parametrize("name", ["../../etc/passwd.jpg", "..\\win.jpg", "a\x00.jpg", "x\nb.jpg"])
def test_a_file_name_that_tries_a_path_or_hides_characters_is_refused(client_, name):
    with pytest.raises(ValidationError) as refused:
        add(client_, images.image_bytes(), name=name)

    assert "file name can't be used" in refused.value.message_dict["image"][0]
    assert stored_files() == []


@pytest.mark.parametrize(
    "name", ["../../../../tmp/evil.jpg", "..\\..\\evil.jpg", "..", "../", "evil\x00.jpg"]
)
def test_over_http_a_name_with_a_path_never_reaches_the_disk(client, client_, today, name):
    # Django's upload parser drops the directory part and control characters of a name
    # before our code runs; what is left is never used for storage (names are random).
    client.force_login(client_.user)
    body = images.multipart(
        {"pose": "front", "taken_on": today.isoformat()},
        file_field="image",
        filename=name,
        data=images.image_bytes(),
    )
    response = client.generic(
        "POST",
        "/portal/progress/photos/new/",
        body,
        content_type=f"multipart/form-data; boundary={images.BOUNDARY}",
    )

    root = Path(settings.PRIVATE_MEDIA_ROOT).resolve()
    assert all(p.resolve().is_relative_to(root / "progress") for p in stored_files())
    assert not Path("/tmp/evil.jpg").exists()
    if name in ("..", "../"):  # nothing left of the name: no file was sent
        assert response.status_code == 200
        assert "Choose a photo to upload." in response.text
        assert stored_files() == []
    else:
        assert response.status_code == 302
        photo = ProgressPhoto.objects.get()
        assert re.fullmatch(r"progress/[0-9a-f]{20}/[0-9a-f]{32}\.jpg", photo.image.name)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (images.SVG, "isn't a photo we can use"),
        (images.polyglot_jpeg_html(), "holds more than a photo"),
        (images.truncated_jpeg(), "incomplete or damaged"),
    ],
)
def test_the_portal_form_says_why_a_file_was_refused(client, client_, today, data, message):
    client.force_login(client_.user)
    response = client.post(
        "/portal/progress/photos/new/",
        {"image": images.upload(data), "pose": "front", "taken_on": today.isoformat()},
    )
    assert response.status_code == 200
    assert message in html.unescape(response.text)
    assert 'aria-invalid="true"' in response.text
    assert stored_files() == []


def test_a_photo_date_in_the_future_or_before_birth_is_refused(client_, today):
    client_.date_of_birth = dt.date(1990, 5, 1)
    client_.save()
    for day, message in [
        (today + dt.timedelta(days=1), "in the future"),
        (dt.date(1990, 4, 30), "before the client's date of birth"),
    ]:
        with pytest.raises(ValidationError) as refused:
            add(client_, images.image_bytes(), today=day)
        assert message in refused.value.message_dict["taken_on"][0]
    assert stored_files() == []


# ---------- where the files live and who gets them ----------


def test_files_are_outside_media_root_and_have_no_public_url(client_):
    photo = add(client_, images.image_bytes())

    path = Path(photo.image.path).resolve()
    assert not path.is_relative_to(Path(settings.MEDIA_ROOT).resolve())
    assert path.is_relative_to(Path(settings.PRIVATE_MEDIA_ROOT).resolve())
    with pytest.raises(ValueError, match="no URL"):
        _ = photo.image.url


@pytest.fixture
def photo(client_):
    return add(client_, images.image_bytes())


def photo_url(photo, variant="photo"):
    return f"/photos/{photo.pk}/{variant}.jpg"


@pytest.mark.parametrize("variant", ["photo", "thumb"])
def test_the_client_their_trainer_and_staff_get_the_photo_privately(
    client, client_, trainer, staff, photo, variant
):
    for user in (client_.user, trainer.user, staff):
        client.force_login(user)
        response = client.get(photo_url(photo, variant))
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert "private" in response["Cache-Control"]
        assert response["X-Content-Type-Options"] == "nosniff"
        body = b"".join(response.streaming_content)
        assert Image.open(BytesIO(body)).format == "JPEG"


def test_another_trainer_and_another_client_get_a_404(client, photo, outsider, trainer):
    sibling = ClientFactory(trainer=trainer)  # same trainer, another client
    stranger = ClientFactory(trainer=outsider)
    for user in (outsider.user, sibling.user, stranger.user):
        client.force_login(user)
        assert client.get(photo_url(photo)).status_code == 404
        assert client.get(photo_url(photo, "thumb")).status_code == 404


def test_an_anonymous_visitor_is_sent_to_sign_in(client, photo):
    response = client.get(photo_url(photo))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_unknown_variants_and_ids_are_404(client, client_, photo):
    client.force_login(client_.user)
    assert client.get(f"/photos/{photo.pk}/original.jpg").status_code == 404
    assert client.get("/photos/999999/photo.jpg").status_code == 404


def test_the_api_serves_the_files_to_the_same_people(client_, trainer, outsider, photo):
    url = f"/api/v1/progress/photos/{photo.pk}/image/"
    for user, status in [(client_.user, 200), (trainer.user, 200), (outsider.user, 404)]:
        response = bearer(user).get(url)
        assert response.status_code == status
    response = bearer(client_.user).get(f"/api/v1/progress/photos/{photo.pk}/thumbnail/")
    assert "private" in response["Cache-Control"]
    assert APIClient().get(url).status_code == 401


def test_deleting_a_photo_removes_its_files(client_, photo, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        photo_delete(photo=photo)
    assert stored_files() == []


def test_the_client_decides_whether_photos_go_in_reports(client, client_):
    client.force_login(client_.user)
    client.post("/portal/progress/photos/consent/", {"photos_in_reports": "on"})
    assert client_.progress_settings.photos_in_reports is True
    client.post("/portal/progress/photos/consent/", {})
    client_.progress_settings.refresh_from_db()
    assert client_.progress_settings.photos_in_reports is False


def test_trainers_of_other_clients_cannot_upload_for_them(client, client_, today):
    outsider = TrainerFactory()
    client.force_login(outsider.user)
    response = client.post(
        f"/dashboard/clients/{client_.pk}/progress/photos/",
        {"image": images.upload(images.image_bytes()), "pose": "front", "taken_on": str(today)},
    )
    assert response.status_code == 404
    assert stored_files() == []
