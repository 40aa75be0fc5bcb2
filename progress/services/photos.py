"""Progress photos: what comes in is checked and re-encoded before anything is stored.

An upload is accepted only if Pillow recognises JPEG, PNG or WebP in its content (the
name and the declared type are never trusted), it is within the size and pixel caps
(decompression bombs are refused before decoding), it decodes completely (a truncated
file is refused), and it holds nothing but the image (markup, a script, a PDF or an
archive riding along is refused). What is stored is a fresh JPEG of the pixels, turned
upright by its EXIF orientation and written without any metadata (no location), plus a
thumbnail, both under random names in the private storage."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from io import BytesIO
from typing import Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image, ImageOps, UnidentifiedImageError

from clients.models import Client
from fitnesspr.models import User
from fitnesspr.units import format_number
from progress.models import CheckIn, PhotoPose, ProgressPhoto
from progress.services.body import check_day

FORMATS = ("JPEG", "PNG", "WEBP")
#: signs of a file that is more than an image: a web page, a script, a PDF
FOREIGN_MARKERS = (
    b"<script",
    b"<html",
    b"<svg",
    b"<body",
    b"<iframe",
    b"<!doctype",
    b"<?php",
    b"javascript:",
    b"%pdf-",
)
#: a zip (or jar, docx...) ends with this record in its last 64 KiB
ZIP_END = b"PK\x05\x06"
ZIP_TAIL = 65_557
MAX_EDGE = 2400  # stored photos are downscaled to this longest side
THUMB_EDGE = 480
QUALITY = 85
MAX_NAME = 255

NOT_AN_IMAGE = "This file isn't a photo we can use: upload a JPEG, PNG or WebP image."
NOT_ONLY_AN_IMAGE = (
    "This file holds more than a photo (web page, script or document content), so it "
    "can't be used. Export the photo again as a JPEG, PNG or WebP."
)
DAMAGED = "This photo is incomplete or damaged: the upload may have been cut short. Try again."
BAD_NAME = "That file name can't be used: rename the photo (letters, digits, dashes) and retry."


class Upload(Protocol):
    """What a form or the API hands over: Django's UploadedFile."""

    name: str | None
    size: int | None

    def read(self, size: int = ...) -> bytes: ...


@dataclass(frozen=True)
class CleanPhoto:
    """A checked upload, re-encoded and ready to store (nothing written yet)."""

    image: bytes
    thumbnail: bytes
    width: int
    height: int


def max_bytes() -> int:
    return int(settings.PHOTO_MAX_UPLOAD_MB) * 1024 * 1024


def max_pixels() -> int:
    return int(settings.PHOTO_MAX_MEGAPIXELS) * 1_000_000


def _refuse(message: str) -> ValidationError:
    return ValidationError({"image": message})


def _check_name(name: str | None) -> None:
    """Upload names are never used for storage; a name that tries a path, or carries
    control characters, is refused outright all the same."""
    if not name:
        return
    bad = (
        "/" in name
        or "\\" in name
        or ".." in name
        or len(name) > MAX_NAME
        or any(ord(ch) < 32 or ord(ch) == 127 for ch in name)
    )
    if bad:
        raise _refuse(BAD_NAME)


def _read(upload: Upload) -> bytes:
    limit = max_bytes()
    if upload.size is not None and upload.size > limit:
        raise _refuse(
            f"This photo is over {settings.PHOTO_MAX_UPLOAD_MB} MB: choose a smaller one."
        )
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise _refuse(
            f"This photo is over {settings.PHOTO_MAX_UPLOAD_MB} MB: choose a smaller one."
        )
    if not data:
        raise _refuse("This file is empty: choose a photo.")
    return data


def _too_big() -> ValidationError:
    megapixels = format_number(settings.PHOTO_MAX_MEGAPIXELS)
    return _refuse(f"This image has too many pixels (over {megapixels} megapixels): resize it.")


def _foreign(data: bytes) -> bool:
    """Does the file carry more than an image (a polyglot)?"""
    lowered = data.lower()
    return any(marker in lowered for marker in FOREIGN_MARKERS) or ZIP_END in data[-ZIP_TAIL:]


def _decode(data: bytes) -> Image.Image:
    with warnings.catch_warnings():
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            image = Image.open(BytesIO(data), formats=FORMATS)
        except (Image.DecompressionBombError, Image.DecompressionBombWarning):
            raise _too_big() from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
            raise _refuse(NOT_AN_IMAGE) from None
        if _foreign(data):
            raise _refuse(NOT_ONLY_AN_IMAGE)
        if image.width * image.height > max_pixels():
            raise _too_big()
        try:
            image.load()
        except (OSError, SyntaxError, ValueError, EOFError):
            raise _refuse(DAMAGED) from None
    return image


def _upright_rgb(image: Image.Image) -> Image.Image:
    """The pixels as the camera meant them (EXIF orientation applied), on white where
    the image was transparent."""
    turned = ImageOps.exif_transpose(image)
    if turned.mode in ("RGBA", "LA", "PA") or "transparency" in turned.info:
        rgba = turned.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    return turned.convert("RGB")


def _jpeg(image: Image.Image, edge: int) -> bytes:
    copy = image.copy()
    copy.thumbnail((edge, edge), Image.Resampling.LANCZOS)
    out = BytesIO()
    # No exif=, no xmp=, no comment: the stored file carries pixels only.
    copy.save(out, format="JPEG", quality=QUALITY, optimize=True, progressive=True)
    return out.getvalue()


def photo_clean(upload: Upload) -> CleanPhoto:
    """Check an upload and re-encode it (a ValidationError on `image` says why not)."""
    _check_name(upload.name)
    image = _upright_rgb(_decode(_read(upload)))
    stored = _jpeg(image, MAX_EDGE)
    with Image.open(BytesIO(stored)) as check:
        width, height = check.size
    return CleanPhoto(stored, _jpeg(image, THUMB_EDGE), width, height)


def _check_pose(pose: str) -> None:
    if pose not in PhotoPose.values:
        raise ValidationError({"pose": "Choose front, side, back or other."})


@dataclass(frozen=True)
class NewPhoto:
    """Where a batch of checked photos goes: whose, when, from whom, with which check-in."""

    client: Client
    taken_on: date
    uploaded_by: User | None
    check_in: CheckIn | None = None
    notes: str = ""


def _store(new: NewPhoto, pose: str, clean: CleanPhoto) -> ProgressPhoto:
    photo = ProgressPhoto(
        client=new.client,
        pose=pose,
        taken_on=new.taken_on,
        check_in=new.check_in,
        uploaded_by=new.uploaded_by,
        notes=new.notes,
        width=clean.width,
        height=clean.height,
    )
    photo.image.save("photo.jpg", ContentFile(clean.image), save=False)
    try:
        photo.thumbnail.save("thumb.jpg", ContentFile(clean.thumbnail), save=False)
        photo.full_clean(exclude=["client", "check_in", "uploaded_by"])
        photo.save()
    except BaseException:
        _remove_files(photo)
        raise
    return photo


def _store_all(new: NewPhoto, cleaned: Sequence[tuple[str, CleanPhoto]]) -> list[ProgressPhoto]:
    """Write checked photos; if one fails, the files already written go too."""
    stored: list[ProgressPhoto] = []
    try:
        for pose, clean in cleaned:
            stored.append(_store(new, pose, clean))
    except BaseException:
        for photo in stored:
            _remove_files(photo)
        raise
    return stored


def _remove_files(photo: ProgressPhoto) -> None:
    for field in (photo.image, photo.thumbnail):
        if field.name:
            field.storage.delete(field.name)


@transaction.atomic
def photo_add(
    *,
    client: Client,
    upload: Upload,
    pose: str,
    taken_on: date,
    uploaded_by: User | None,
    check_in: CheckIn | None = None,
    notes: str = "",
) -> ProgressPhoto:
    """Store one progress photo (the client's, or their trainer's upload for them)."""
    _check_pose(pose)
    check_day(client=client, day=taken_on, field="taken_on")
    new = NewPhoto(client, taken_on, uploaded_by, check_in, notes)
    return _store_all(new, [(pose, photo_clean(upload))])[0]


@transaction.atomic
def photos_add(
    *,
    client: Client,
    uploads: Sequence[tuple[str, Upload]],
    taken_on: date,
    uploaded_by: User | None,
    check_in: CheckIn | None = None,
) -> list[ProgressPhoto]:
    """Several photos (pose, upload) at once: all are checked before any is stored, so
    one bad file stores none. A refusal names the pose's field (`photo_front`...)."""
    check_day(client=client, day=taken_on, field="taken_on")
    cleaned = []
    for pose, upload in uploads:
        _check_pose(pose)
        try:
            cleaned.append((pose, photo_clean(upload)))
        except ValidationError as error:
            raise ValidationError({f"photo_{pose}": error.messages}) from error
    return _store_all(NewPhoto(client, taken_on, uploaded_by, check_in), cleaned)


@transaction.atomic
def photo_update(
    *,
    photo: ProgressPhoto,
    pose: str | None = None,
    taken_on: date | None = None,
    notes: str | None = None,
) -> ProgressPhoto:
    if pose is not None:
        _check_pose(pose)
        photo.pose = pose
    if taken_on is not None:
        check_day(client=photo.client, day=taken_on, field="taken_on")
        photo.taken_on = taken_on
    if notes is not None:
        photo.notes = notes
    photo.full_clean(exclude=["client", "check_in", "uploaded_by", "image", "thumbnail"])
    photo.save(update_fields=["pose", "taken_on", "notes"])
    return photo


@transaction.atomic
def photo_delete(*, photo: ProgressPhoto) -> None:
    """Delete the photo, and its files once the deletion is committed."""
    files = [(f.storage, f.name) for f in (photo.image, photo.thumbnail) if f.name]
    photo.delete()

    def remove_files() -> None:
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(remove_files)
