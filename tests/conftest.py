from __future__ import annotations

import os
from collections.abc import Iterator

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.factories.core import ClientFactory, StaffFactory, TrainerFactory

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests share a committed database with a live server and flush it after
    each test (the seeded exercise library too): run them after everything else."""
    items.sort(key=lambda item: "tests/browser/" in str(item.path))


@pytest.fixture(autouse=True)
def _clean_cache() -> Iterator[None]:
    """Throttle counters and lockouts live in the cache: start every test empty."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path_factory) -> None:
    """Each test stores private files (progress photos) in its own empty folder."""
    settings.PRIVATE_MEDIA_ROOT = tmp_path_factory.mktemp("private-media")


@pytest.fixture
def trainer(db):  # the owner ("alice") in tenancy tests
    return TrainerFactory(business_name="Alice Strength", user__email="alice@example.com")


@pytest.fixture
def outsider(db):  # another trainer who must see none of alice's rows
    return TrainerFactory(business_name="Bob Fitness", user__email="bob@example.com")


@pytest.fixture
def client_(trainer):  # alice's client; `client` is pytest-django's test client
    return ClientFactory(trainer=trainer, user__email="carol@example.com", user__first_name="Carol")


@pytest.fixture
def staff(db):
    return StaffFactory(email="staff@example.com")


@pytest.fixture
def api() -> APIClient:
    return APIClient()
