"""A browser signed in as the trainer (alice), for the program pages."""

from __future__ import annotations

import pytest


@pytest.fixture
def alice(client, trainer):
    client.force_login(trainer.user)
    return client
