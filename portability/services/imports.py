"""Importing an export into a fresh trainer account (no clients or programs yet), all
or nothing: the archive is checked whole first (`portability.services.reader`), then
every row is written in one transaction; any refusal leaves the account as it was.
Clients get new PINs (none is shown: the trainer resets each client's PIN to hand it
over)."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import Storage
from django.db import DatabaseError, IntegrityError, models, transaction

from clients.models import Client
from clients.services import client_create
from fitnesspr.versions import library_changed
from nutrition.selectors.foods import CACHE as food_cache
from portability.kinds import (
    KIND_OF_MODEL,
    KINDS,
    PROFILE_FIELDS,
    Kind,
    is_file_field,
    is_user_field,
    owned_rows,
    trainer_actor,
)
from portability.models import DataImport, ImportStatus
from portability.services.reader import (
    ExportContents,
    ImportRefused,
    emails_taken,
    library_keys,
    natural,
    read_export,
    slug_models,
)
from programs.selectors.exercises import CACHE as exercise_cache
from trainers.models import Trainer

logger = logging.getLogger(__name__)

NOT_FRESH = (
    "You can only import into a fresh account: this one already has clients, programs or "
    "other data. Sign up for a new trainer account and import there."
)
#: kinds a new account may already hold without counting as "not fresh"
SETTINGS_KINDS = {"billing_profile"}
BATCH = 1000


def account_is_fresh(trainer: Trainer) -> bool:
    actor = trainer_actor(trainer)
    return not any(
        owned_rows(kind, actor).exists() for kind in KINDS if kind.name not in SETTINGS_KINDS
    )


@dataclass
class Importer:
    trainer: Trainer
    contents: ExportContents
    library: dict[type[models.Model], dict[str, int]]
    #: kind name → {export-local id: new pk}
    new: dict[str, dict[int, int]] = field(default_factory=dict)
    client_users: dict[int, int] = field(default_factory=dict)
    saved_files: list[tuple[Storage, str]] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    def run(self) -> dict[str, int]:
        self._profile()
        for kind in KINDS:
            records = self.contents.records[kind.name]
            if kind.name == "clients":
                self._clients(kind, records)
            else:
                self._rows(kind, records)
            self.counts[kind.name] = len(records)
        return self.counts

    def _profile(self) -> None:
        profile = self.contents.profile
        for name in PROFILE_FIELDS:
            f = Trainer._meta.get_field(name)
            setattr(self.trainer, name, f.to_python(profile[name]))  # type: ignore[union-attr]
        self.trainer.save(update_fields=[*PROFILE_FIELDS, "updated_at"])

    def _clients(self, kind: Kind, records: list[dict[str, Any]]) -> None:
        made: list[Client] = []
        for record in records:
            client, _pin = client_create(  # a new PIN, never shown: the trainer resets it
                trainer=self.trainer,
                first_name=record["first_name"] or "Client",
                last_name=record["last_name"],
                email=record["email"],
                send_welcome=False,
            )
            if not record["first_name"]:
                client.user.first_name = ""
                client.user.save(update_fields=["first_name"])
            self._fill(kind, client, record)
            client.save()
            made.append(client)
            self.client_users[record["id"]] = client.user_id
        self._finish(kind, records, made)

    def _rows(self, kind: Kind, records: list[dict[str, Any]]) -> None:
        made = []
        for record in records:
            row = kind.model()
            for f in kind.model._meta.concrete_fields:
                if f.is_relation and f.related_model is Trainer:
                    setattr(row, f.attname, self.trainer.pk)
            self._fill(kind, row, record)
            made.append(row)
        created = kind.model._default_manager.bulk_create(made, batch_size=BATCH)
        self._finish(kind, records, created)

    def _fill(self, kind: Kind, row: Any, record: dict[str, Any]) -> None:
        for f in kind.fields():
            value = record[f.name]
            if is_file_field(f):
                setattr(row, f.attname, self._store_file(row, f, value) if value else "")
            elif is_user_field(f):
                setattr(row, f.attname, self._user(value))
            elif f.is_relation:
                target = KIND_OF_MODEL.get(f.related_model)  # type: ignore[arg-type]
                if target is kind:
                    setattr(row, f.attname, None)  # set once every row of the kind exists
                else:
                    setattr(row, f.attname, self._reference(f, value))
            else:
                setattr(row, f.attname, f.to_python(value))
        if kind.name == "measurements":
            mapping = self.new["custom_measurements"]
            row.custom_cm = {
                str(mapping[int(key)]): value for key, value in record["custom_cm"].items()
            }

    def _finish(self, kind: Kind, records: list[dict[str, Any]], rows: list[Any]) -> None:
        """Note the new ids, then put back what saving overwrote (timestamps) and the
        references of a kind to itself (a copy's source program, a refund's payment)."""
        self.new[kind.name] = {r["id"]: row.pk for r, row in zip(records, rows, strict=True)}
        later = [
            f
            for f in kind.fields()
            if (getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False))
            or (f.is_relation and KIND_OF_MODEL.get(f.related_model) is kind)  # type: ignore[arg-type]
        ]
        if later and rows:
            for record, row in zip(records, rows, strict=True):
                for f in later:
                    value = record[f.name]
                    if f.is_relation:
                        value = self.new[kind.name][value] if value is not None else None
                    else:
                        value = f.to_python(value)
                    setattr(row, f.attname, value)
            kind.model._default_manager.bulk_update(rows, [f.name for f in later], batch_size=BATCH)
        for name, slugs in slug_models(kind).items():
            m2m = kind.model._meta.get_field(name)
            through = m2m.remote_field.through  # type: ignore[union-attr]
            source = m2m.m2m_field_name()  # type: ignore[union-attr]
            target = m2m.m2m_reverse_field_name()  # type: ignore[union-attr]
            links = [
                through(**{f"{source}_id": row.pk, f"{target}_id": slugs[slug]})
                for record, row in zip(records, rows, strict=True)
                for slug in record[name]
            ]
            through._default_manager.bulk_create(links, batch_size=BATCH)

    def _reference(self, f: models.Field[Any, Any], value: Any) -> int | None:
        if value is None:
            return None
        if isinstance(value, dict):
            return self.library[f.related_model][natural(value["library"])]  # type: ignore[index]
        kind = KIND_OF_MODEL[f.related_model]  # type: ignore[index]
        return self.new[kind.name][value]

    def _user(self, value: str | None) -> int | None:
        if value is None:
            return None
        if value == "trainer":
            return self.trainer.user_id
        return self.client_users[int(value.removeprefix("client:"))]

    def _store_file(self, row: Any, f: models.Field[Any, Any], name: str) -> str:
        storage: Storage = f.storage  # type: ignore[attr-defined]
        data = self.contents.archive.read(name)
        filename = name.rsplit("/", 1)[-1]
        stored = storage.save(f.generate_filename(row, filename), ContentFile(data))  # type: ignore[attr-defined]
        self.saved_files.append((storage, stored))
        return stored


def _refuse(trainer: Trainer, filename: str, problems: list[str]) -> DataImport:
    return DataImport.objects.create(
        trainer=trainer,
        status=ImportStatus.REFUSED,
        filename=filename[:255],
        error="\n".join(problems),
    )


def data_import_run(*, trainer: Trainer, upload: IO[bytes], filename: str = "") -> DataImport:
    """Import an export into this (fresh) account, or refuse it whole. Either way the
    attempt is kept (a DataImport: done with counts, or refused with the reasons)."""
    if not account_is_fresh(trainer):
        return _refuse(trainer, filename, [NOT_FRESH])
    size = getattr(upload, "size", None)
    if size is not None and size > settings.IMPORT_MAX_UPLOAD_MB * 1024 * 1024:
        return _refuse(
            trainer, filename, [f"The file is larger than {settings.IMPORT_MAX_UPLOAD_MB} MB."]
        )
    try:
        contents = read_export(upload)
        taken = emails_taken(contents.records["clients"])
        if taken:
            raise ImportRefused(
                [f"These client emails already have an account here: {', '.join(taken[:10])}."]
            )
        importer = Importer(trainer=trainer, contents=contents, library=library_keys())
        done: DataImport | None = None
        try:
            with transaction.atomic():
                Trainer.objects.select_for_update().get(pk=trainer.pk)
                if not account_is_fresh(trainer):  # another import got here first
                    raise ImportRefused([NOT_FRESH])
                counts = importer.run()
                # rows written in bulk send no signals: the trainer's cached libraries
                # would not show their imported exercises and foods
                for library in (exercise_cache, food_cache):
                    library_changed(library, trainer_id=trainer.pk)
                done = DataImport.objects.create(
                    trainer=trainer,
                    status=ImportStatus.DONE,
                    filename=filename[:255],
                    counts=counts,
                )
            return done
        except (ValidationError, IntegrityError, DatabaseError, KeyError, ValueError) as exc:
            logger.warning("Import into trainer %s refused: %s", trainer.pk, exc)
            raise ImportRefused(
                [f"The export's data doesn't fit together, so nothing was imported ({exc})."]
            ) from exc
        finally:
            if done is None:  # rolled back: the photo files saved on the way go too
                for storage, name in importer.saved_files:
                    storage.delete(name)
    except ImportRefused as refused:
        trainer.refresh_from_db()
        return _refuse(trainer, filename, refused.problems)
