"""Private files: stored where no URL reaches them, read only through a view that checks
who is asking (progress photos). The folder is PRIVATE_MEDIA_ROOT, which sits outside
MEDIA_ROOT: in development `fitnesspr.urls` serves everything under MEDIA_ROOT at
MEDIA_URL, and in production a web server may, so nothing private may live there."""

from __future__ import annotations

import os
from typing import Any

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage, storages
from django.utils.deconstruct import deconstructible

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


def private_storage() -> Storage:
    """The storage of private files (a model field's `storage=`): STORAGES["private"]."""
    return storages[PRIVATE_STORAGE_ALIAS]
