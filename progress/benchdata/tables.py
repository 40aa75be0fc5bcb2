"""Bulk writing of rows the caller builds as plain tuples (no model instances: the
largest table has tens of millions of rows). Columns the caller doesn't give take the
field's default, worked out once per table."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from typing import Any

from django.db import connection, models
from django.utils import timezone

BATCH = 5000


class TableWriter:
    """Writes rows of one model. `fields` name the attributes each row tuple holds, in
    order (`client_id`, not `client`); every other concrete field gets its default."""

    def __init__(self, model: type[models.Model], fields: Sequence[str]) -> None:
        self.model = model
        self.fields = list(fields)
        by_attname = {field.attname: field for field in model._meta.concrete_fields}
        unknown = set(self.fields) - set(by_attname)
        if unknown:
            raise ValueError(f"{model.__name__} has no {sorted(unknown)}")
        now = timezone.now()
        self.rest: dict[str, Any] = {}
        for attname, field in by_attname.items():
            if attname in self.fields or isinstance(field, models.GeneratedField):
                continue
            if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
                self.rest[attname] = now
            elif field.has_default() or field.null:
                self.rest[attname] = field.get_default()
            elif isinstance(field, (models.CharField, models.TextField)):
                self.rest[attname] = ""
            else:
                raise ValueError(f"{model.__name__}.{attname} needs a value")
        self.written = 0

    def write(self, rows: Iterable[tuple[Any, ...]]) -> int:
        if connection.vendor == "postgresql":
            self._copy(rows)
        else:
            self._bulk_create(rows)
        return self.written

    def _copy(self, rows: Iterable[tuple[Any, ...]]) -> None:
        by_attname = {field.attname: field for field in self.model._meta.concrete_fields}
        names = [*self.fields, *self.rest]
        columns = ", ".join(connection.ops.quote_name(str(by_attname[n].column)) for n in names)
        tail = tuple(
            json.dumps(value) if isinstance(by_attname[name], models.JSONField) else value
            for name, value in self.rest.items()
        )
        table = connection.ops.quote_name(self.model._meta.db_table)
        raw = connection.connection
        assert raw is not None
        with raw.cursor() as cursor, cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row + tail)
                self.written += 1

    def _bulk_create(self, rows: Iterable[tuple[Any, ...]]) -> None:
        batch: list[models.Model] = []
        for row in rows:
            batch.append(self.model(**dict(zip(self.fields, row, strict=True)), **self.rest))
            if len(batch) == BATCH:
                self._flush(batch)
        self._flush(batch)

    def _flush(self, batch: list[models.Model]) -> None:
        self.model._default_manager.bulk_create(batch)  # type: ignore[attr-defined]
        self.written += len(batch)
        batch.clear()


def next_id(model: type[models.Model]) -> int:
    """The first free primary key of the table (rows are written with their ids)."""
    last = model._default_manager.aggregate(last=models.Max("pk"))["last"]  # type: ignore[attr-defined]
    return (last or 0) + 1


def reset_sequences(models_written: Iterable[type[models.Model]]) -> None:
    """After rows were written with explicit ids, the next insert must not collide."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        for model in models_written:
            table = model._meta.db_table
            column = str(model._meta.pk.column)  # type: ignore[union-attr]
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence(%s, %s), "  # noqa: S608
                f"COALESCE((SELECT MAX({connection.ops.quote_name(column)}) "
                f"FROM {connection.ops.quote_name(table)}), 1))",
                [table, column],
            )


class IndexesDeferred:
    """Drops a big table's secondary indexes (and unique constraints) while it is loaded
    and builds them again after: one sort per index instead of millions of inserts into
    each. Inside the load's transaction, so a failure leaves them as they were."""

    def __init__(self, model: type[models.Model]) -> None:
        self.table = model._meta.db_table
        self.statements: list[str] = []

    def __enter__(self) -> None:
        if connection.vendor != "postgresql":
            return
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
                "WHERE conrelid = %s::regclass AND contype = 'u'",
                [self.table],
            )
            table = connection.ops.quote_name(self.table)
            for name, definition in cursor.fetchall():
                quoted = connection.ops.quote_name(name)
                cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quoted}")
                self.statements.append(f"ALTER TABLE {table} ADD CONSTRAINT {quoted} {definition}")
            cursor.execute(
                "SELECT i.relname, pg_get_indexdef(i.oid) FROM pg_index x "
                "JOIN pg_class i ON i.oid = x.indexrelid "
                "WHERE x.indrelid = %s::regclass AND NOT x.indisprimary",
                [self.table],
            )
            for name, definition in cursor.fetchall():
                cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
                self.statements.append(definition)

    def __exit__(self, *exc: object) -> None:
        if exc[0] is not None or not self.statements:
            return
        with connection.cursor() as cursor:
            # PostgreSQL builds no index on a table with foreign-key checks still queued
            # (Django's are deferred to the commit): run them now, then defer again.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for statement in self.statements:
                cursor.execute(statement)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
