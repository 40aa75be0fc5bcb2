"""Writing an export: the rows an actor owns, kind by kind, into an open ZIP file as
JSON (and CSV for the tabular kinds), with the photo files beside them.

References become export-local ids (see `portability.kinds`); the local ids of every
kind are worked out before any record is written, so any reference resolves whatever
the order rows were made in."""

from __future__ import annotations

import csv
import io
import json
import tempfile
import uuid
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from pathlib import PurePosixPath
from typing import Any

from django.db import models
from django.utils import timezone

from fitnesspr.actor import Actor
from fitnesspr.tenancy import scope_of
from portability.kinds import (
    KIND_OF_MODEL,
    NATURAL_KEYS,
    Kind,
    app_version,
    is_file_field,
    is_user_field,
    owned_rows,
)

CHUNK = 2000


class ExportError(Exception):
    """The data can't be written as it stands (a reference to a row outside the export)."""


def plain(value: Any) -> Any:
    """A field value as JSON: dates and times in ISO 8601, decimals as strings (exact)."""
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, timedelta):
        return value.total_seconds()
    return value


def csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return value


@dataclass
class ExportWriter:
    """One export into `archive`. `strict`: every reference must resolve inside the
    export (a trainer's export, which an import reads back); otherwise a reference to a
    kind left out names the row by natural key or is null (a client's own download)."""

    archive: zipfile.ZipFile
    actor: Actor
    kinds: tuple[Kind, ...]
    strict: bool = True
    #: kind name → {pk: export-local id}
    local: dict[str, dict[int, int]] = field(default_factory=dict)
    #: user id → "trainer" / "client:<local id>"
    people: dict[int, str] = field(default_factory=dict)
    #: model → {pk: {"library"|"own": natural key}}
    natural: dict[type[models.Model], dict[int, dict[str, Any]]] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    #: (name in the archive, storage, stored name) of files still to copy
    files: list[tuple[str, Any, str]] = field(default_factory=list)

    def write(self) -> dict[str, int]:
        for kind in self.kinds:
            pks = owned_rows(kind, self.actor).values_list("pk", flat=True)
            self.local[kind.name] = {pk: n for n, pk in enumerate(pks.iterator(CHUNK), 1)}
        self._load_people()
        self._load_natural_keys()
        for kind in self.kinds:
            self.counts[kind.name] = self._write_kind(kind)
            self._copy_files()
        return self.counts

    # -- references -------------------------------------------------------------------

    def _load_people(self) -> None:
        trainer = self.actor.trainer
        if trainer is not None:
            self.people[trainer.user_id] = "trainer"
        clients = self.local.get("clients")
        if clients:
            from clients.models import Client

            users = Client.objects.filter(pk__in=clients).values_list("pk", "user_id")
            for pk, user_id in users:
                self.people[user_id] = f"client:{clients[pk]}"
        elif self.actor.client is not None:
            self.people[self.actor.client.user_id] = "client"

    def _load_natural_keys(self) -> None:
        for model, key_of in NATURAL_KEYS.items():
            rows = scope_of(model).for_actor(self.actor)
            if model.__name__ == "FoodPortion":
                rows = rows.select_related("food")
            keys: dict[int, dict[str, Any]] = {}
            for row in rows.iterator(CHUNK):
                owner = row.food.trainer_id if model.__name__ == "FoodPortion" else row.trainer_id
                keys[row.pk] = {"library" if owner is None else "own": key_of(row)}
            self.natural[model] = keys

    def ref(self, model: type[models.Model], pk: int | None, *, what: str) -> Any:
        if pk is None:
            return None
        kind = KIND_OF_MODEL.get(model)
        if kind is not None and pk in self.local.get(kind.name, {}):
            return self.local[kind.name][pk]
        key = self.natural.get(model, {}).get(pk)
        if key is not None and ("library" in key or not self.strict):
            return key
        if self.strict:
            raise ExportError(f"{what} refers to a row that isn't part of the export.")
        return None

    def person(self, user_id: int | None) -> str | None:
        if user_id is None:
            return None
        return self.people.get(user_id)

    # -- records ----------------------------------------------------------------------

    def _rows(self, kind: Kind) -> Any:
        rows = owned_rows(kind, self.actor)
        if kind.name == "clients":
            rows = rows.select_related("user")
        m2m = [f.name for f in kind.many_to_many()]
        if m2m:
            rows = rows.prefetch_related(*m2m)
        return rows.iterator(CHUNK)

    def record(self, kind: Kind, row: Any) -> dict[str, Any]:
        local = self.local[kind.name][row.pk]
        out: dict[str, Any] = {"id": local}
        for f in kind.fields():
            what = f"{kind.name} {local} ({f.name})"
            if is_file_field(f):
                out[f.name] = self._copy_file(kind, local, f, getattr(row, f.name))
            elif is_user_field(f):
                out[f.name] = self.person(getattr(row, f.attname))
            elif f.is_relation:
                out[f.name] = self.ref(f.related_model, getattr(row, f.attname), what=what)  # type: ignore[arg-type]
            else:
                out[f.name] = plain(f.value_from_object(row))
        for f in kind.many_to_many():
            out[f.name] = sorted(related.slug for related in getattr(row, f.name).all())
        if kind.name == "clients":
            for name in ("email", "first_name", "last_name"):
                out[name] = getattr(row.user, name)
        if kind.name == "measurements":
            out["custom_cm"] = self._custom_cm(out["custom_cm"])
        return out

    def _custom_cm(self, values: dict[str, Any]) -> dict[str, Any]:
        """Values of the client's own measurements are keyed by the measurement's id."""
        mapping = self.local.get("custom_measurements", {})
        return {str(mapping.get(int(key), key)): value for key, value in sorted(values.items())}

    def _copy_file(self, kind: Kind, local: int, f: models.Field[Any, Any], stored: Any) -> str:
        """The file's name in the archive; its bytes are copied once the kind's JSON is
        closed (a ZIP takes one entry at a time)."""
        if not stored or not stored.storage.exists(stored.name):
            return ""
        suffix = PurePosixPath(stored.name).suffix.lower() or ".bin"
        name = f"{kind.name}/{local}/{f.name}{suffix}"
        self.files.append((name, stored.storage, stored.name))
        return name

    def _copy_files(self) -> None:
        for name, storage, stored_name in self.files:
            with (
                storage.open(stored_name, "rb") as source,
                self.archive.open(name, "w", force_zip64=True) as target,
            ):
                while chunk := source.read(1024 * 1024):
                    target.write(chunk)
        self.files.clear()

    def _write_kind(self, kind: Kind) -> int:
        """Stream the kind's JSON into the archive (one record a line, so a diff of two
        exports reads well) while its CSV, if any, gathers in a temporary file."""
        count = 0
        columns: list[str] = ["id", *(f.name for f in kind.fields())]
        with tempfile.TemporaryFile("w+", encoding="utf-8", newline="") as spool:
            table = csv.writer(spool)
            with self.archive.open(kind.filename, "w", force_zip64=True) as raw:
                text = io.TextIOWrapper(raw, encoding="utf-8")
                text.write("[")
                for row in self._rows(kind):
                    record = self.record(kind, row)
                    line = json.dumps(record, ensure_ascii=False)
                    text.write(("\n" if count == 0 else ",\n") + line)
                    if kind.csv:
                        if count == 0:
                            columns = list(record)
                            table.writerow(columns)
                        table.writerow([csv_cell(record[c]) for c in columns])
                    count += 1
                text.write("\n]\n" if count else "]\n")
                text.flush()
                text.detach()
            if kind.csv:
                if count == 0:
                    table.writerow(columns)
                self._add_spool(f"{kind.name}.csv", spool)
        return count

    def _add_spool(self, name: str, spool: Any) -> None:
        spool.flush()
        spool.seek(0)
        with self.archive.open(name, "w", force_zip64=True) as target:
            while chunk := spool.read(1024 * 1024):
                target.write(chunk.encode("utf-8"))


def write_json(archive: zipfile.ZipFile, name: str, value: Any) -> None:
    archive.writestr(name, json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def manifest(*, format_name: str, format_version: int, counts: dict[str, int]) -> dict[str, Any]:
    return {
        "format": format_name,
        "format_version": format_version,
        "app_version": app_version(),
        "exported_at": timezone.now().isoformat(),
        "counts": counts,
    }
