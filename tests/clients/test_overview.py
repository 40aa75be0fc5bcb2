"""The dashboard home's head counts and newest clients, read in one query."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from clients.models import Client, ClientStatus
from clients.selectors import client_overview
from tests.factories.core import ClientFactory

pytestmark = pytest.mark.django_db


def newest_first(*clients: Client) -> None:
    """Give the clients creation times a minute apart, the first the newest."""
    now = timezone.now()
    for minutes, client in enumerate(clients):
        Client.objects.filter(pk=client.pk).update(created_at=now - timedelta(minutes=minutes))


def test_counts_and_the_newest_clients_not_archived(trainer, outsider):
    archived = ClientFactory(trainer=trainer, status=ClientStatus.ARCHIVED)
    paused = ClientFactory(trainer=trainer, status=ClientStatus.PAUSED)
    locked = ClientFactory(trainer=trainer, locked_until=timezone.now() + timedelta(minutes=5))
    active = ClientFactory.create_batch(5, trainer=trainer)
    unlocked = ClientFactory(trainer=trainer, locked_until=timezone.now() - timedelta(minutes=5))
    ClientFactory.create_batch(2, trainer=outsider)
    newest_first(archived, paused, locked, *active, unlocked)

    counts, recent = client_overview(trainer=trainer)

    assert counts == {"total": 9, "active": 7, "paused": 1, "archived": 1, "locked": 1}
    assert recent == [paused, locked, *active[:3]]


def test_fewer_than_five_clients_and_archived_ones(trainer):
    kept = ClientFactory(trainer=trainer)
    gone = ClientFactory.create_batch(5, trainer=trainer, status=ClientStatus.ARCHIVED)
    newest_first(*gone, kept)

    counts, recent = client_overview(trainer=trainer)

    assert (counts["total"], counts["archived"]) == (6, 5)
    assert recent == [kept]


def test_no_client_yet(trainer, django_assert_num_queries):
    with django_assert_num_queries(1):
        counts, recent = client_overview(trainer=trainer)
    assert counts == {"total": 0, "active": 0, "paused": 0, "archived": 0, "locked": 0}
    assert recent == []
