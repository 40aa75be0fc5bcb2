from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read
from portability.models import DataExport, DataImport

RECENT = 5


def data_export_get(*, actor: Actor, pk: Any) -> DataExport:
    """An export the actor may read (the trainer's own, or staff); anyone else's is a 404."""
    return get_for_read(DataExport.objects.all(), actor=actor, pk=pk)


def data_export_list(*, actor: Actor) -> QuerySet[DataExport]:
    return DataExport.objects.for_actor(actor)[:RECENT]


def data_import_list(*, actor: Actor) -> QuerySet[DataImport]:
    return DataImport.objects.for_actor(actor)[:RECENT]
