"""/readyz says "not ready" (503) until the database has every migration this code
expects, and names the missing ones; a deploy's release step (migrate) makes it ready."""

from __future__ import annotations

import pytest
from django.db.migrations.recorder import MigrationRecorder

from fitnesspr import health


@pytest.fixture(autouse=True)
def check_afresh(monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)


@pytest.mark.django_db
def test_ready_when_every_migration_is_applied(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json()["checks"]["migrations"] == "ok"


@pytest.mark.django_db
def test_not_ready_while_a_migration_is_unapplied_and_says_which(client):
    latest = MigrationRecorder.Migration.objects.filter(app="clients").order_by("-name").first()
    latest.delete()

    response = client.get("/readyz")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == "ok"
    assert f"clients.{latest.name}" in body["checks"]["migrations"]
