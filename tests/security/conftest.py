"""The world of two tenants the authorization matrix and the fuzzer act on."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.db import transaction

from tests.security.world import World, build_world, fingerprint


@pytest.fixture(scope="module")
def _module_media(tmp_path_factory) -> str:
    return str(tmp_path_factory.mktemp("matrix-private-media"))


@pytest.fixture(autouse=True)
def _private_media(settings, _module_media) -> None:
    """The world's photos are stored once for the module: every test reads the same folder."""
    settings.PRIVATE_MEDIA_ROOT = _module_media


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, _module_media) -> Iterator[World]:
    """Built once per module inside a transaction that is rolled back at the end; each
    test runs in a savepoint within it, so an owner's delete never leaks into the next."""
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(PRIVATE_MEDIA_ROOT=_module_media):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            built = build_world()
            built.a_as_built = fingerprint(built.a)
            yield built
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
