from __future__ import annotations

import re

import pytest

from tests.factories.core import DEFAULT_PIN, ClientFactory

PIN_RE = re.compile(r'id="new-pin"[^>]*>(\d{6,8})<')


def shown_pin(html: str) -> str | None:
    match = PIN_RE.search(html)
    return match.group(1) if match else None


@pytest.fixture
def trainer_client(client, trainer):
    """The test browser, signed in as alice (the trainer)."""
    client.force_login(trainer.user)
    return client


@pytest.fixture
def carol(trainer):
    """Alice's client, PIN DEFAULT_PIN."""
    return ClientFactory(
        trainer=trainer,
        user__email="carol@example.com",
        user__first_name="Carol",
        user__last_name="Jones",
        pin=DEFAULT_PIN,
    )
