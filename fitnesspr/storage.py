"""Private files: stored where no URL reaches them, read only through a view that checks
who is asking (progress photos). On local disk (the default) the folder is
PRIVATE_MEDIA_ROOT, which sits outside MEDIA_ROOT: in development `fitnesspr.urls` serves
everything under MEDIA_ROOT at MEDIA_URL, and in production a web server may, so nothing
private may live there; the view sends the bytes itself. On S3 (MEDIA_STORAGE=s3) the
objects are private and the view, once it has checked access, redirects to a signed URL
that expires in PRIVATE_MEDIA_URL_SECONDS."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.core.signals import setting_changed
from django.db.models.fields.files import FieldFile
from django.dispatch import receiver
from django.http import FileResponse, Http404, HttpResponseBase, HttpResponseRedirect
from django.utils.cache import patch_cache_control
from django.utils.deconstruct import deconstructible
from django.utils.functional import LazyObject, empty

from fitnesspr.tenancy import NOT_FOUND

PRIVATE_STORAGE_ALIAS = "private"


@deconstructible(path="fitnesspr.storage.PrivateFileStorage")
class PrivateFileStorage(FileSystemStorage):
    """A FileSystemStorage under PRIVATE_MEDIA_ROOT with no public URL at all."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs.pop("base_url", None)
        self._private_location = kwargs.get("location")
        super().__init__(**kwargs)

    @property
    def base_location(self) -> str:  # type: ignore[override]
        # Read on every use (not cached), so tests can point it at a temporary folder.
        return str(self._private_location or settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self) -> str:  # type: ignore[override]
        return os.path.abspath(self.base_location)

    def url(self, name: str | None) -> str:
        raise ValueError("Private files have no URL; serve them through a view that checks access.")


class _PrivateStorage(LazyObject):
    """STORAGES["private"], looked up on first use (a model field keeps this object from
    import time; the setting decides, at run time, whether it is a folder or a bucket)."""

    def _setup(self) -> None:
        self._wrapped = storages[PRIVATE_STORAGE_ALIAS]


_private = _PrivateStorage()


@receiver(setting_changed)
def _forget_private_storage(*, setting: str, **kwargs: Any) -> None:
    if setting == "STORAGES":  # tests that switch to S3 and back
        _private._wrapped = empty  # type: ignore[assignment]


def private_storage() -> Storage:
    """The storage of private files (a model field's `storage=`): STORAGES["private"]."""
    return _private  # type: ignore[return-value]


def _signs_urls(storage: Storage) -> bool:
    return bool(getattr(storage, "querystring_auth", False))


def private_file_response(
    stored: FieldFile,
    *,
    content_type: str,
    filename: str,
    cache_seconds: int | None = 3600,
    attachment: bool = False,
) -> HttpResponseBase:
    """Hand a private file to a caller the view has already checked. From a bucket: a
    redirect to a signed URL that soon expires (never cached, so no stale link is
    replayed). From disk: the bytes, cacheable by the browser only (`cache_seconds`;
    None = never stored). A file that is gone is a 404. `attachment` makes browsers
    download it rather than show it."""
    disposition = f'{"attachment" if attachment else "inline"}; filename="{filename}"'
    if _signs_urls(stored.storage):
        signed = stored.storage.url(  # type: ignore[call-arg]
            stored.name,
            parameters={
                "ResponseContentType": content_type,
                "ResponseContentDisposition": disposition,
            },
        )
        redirect = HttpResponseRedirect(signed)
        patch_cache_control(redirect, private=True, no_store=True)
        return redirect
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404(NOT_FOUND) from None
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = disposition
    response["Cross-Origin-Resource-Policy"] = "same-origin"
    if cache_seconds is None:
        patch_cache_control(response, private=True, no_store=True)
    else:
        patch_cache_control(response, private=True, max_age=cache_seconds)
    return response
