"""Signed-in browsers for the progress pages: the trainer (alice) and her client carol,
and today on the trainer's calendar."""

from __future__ import annotations

import pytest


@pytest.fixture
def alice(client, trainer):
    client.force_login(trainer.user)
    return client


@pytest.fixture
def carol_browser(client, client_):
    client.force_login(client_.user)
    return client


@pytest.fixture
def today(trainer):
    return trainer.today()
