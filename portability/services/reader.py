"""Reading an export back: the archive is opened with caps (size, number of files,
compression ratio: no zip bomb gets decompressed), and every record is checked — known
fields, values of the right type, references that resolve inside the export or to the
shared library — before anything is written."""

from __future__ import annotations

import json
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from fitnesspr.models import User
from portability.kinds import (
    CLIENT_USER_FIELDS,
    FORMAT,
    FORMAT_VERSION,
    KIND_OF_MODEL,
    KINDS,
    NATURAL_KEYS,
    PROFILE_FIELDS,
    Kind,
    is_file_field,
    is_user_field,
)
from trainers.models import Trainer

#: the most problems listed in one refusal (the first ones are what matters)
MAX_PROBLEMS = 20
#: a member that decompresses to more than this many times its stored size is a bomb
MAX_RATIO = 200


class ImportRefused(Exception):
    """The archive can't be imported; `problems` says why, in plain words."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass
class ExportContents:
    """A checked export: the records of every kind, and the archive for its files."""

    archive: zipfile.ZipFile
    manifest: dict[str, Any]
    profile: dict[str, Any]
    records: dict[str, list[dict[str, Any]]] = field(default_factory=dict)


def _caps() -> tuple[int, int]:
    return (
        settings.IMPORT_MAX_UNCOMPRESSED_MB * 1024 * 1024,
        settings.IMPORT_MAX_FILES,
    )


def open_archive(upload: IO[bytes]) -> zipfile.ZipFile:
    try:
        archive = zipfile.ZipFile(upload)
    except (zipfile.BadZipFile, OSError, ValueError):
        raise ImportRefused(["This file isn't a ZIP export from FitnessPr."]) from None
    max_bytes, max_files = _caps()
    members = archive.infolist()
    if len(members) > max_files:
        raise ImportRefused([f"The ZIP holds more than {max_files} files."])
    total = sum(m.file_size for m in members)
    if total > max_bytes:
        raise ImportRefused(
            [f"The ZIP unpacks to more than {settings.IMPORT_MAX_UNCOMPRESSED_MB} MB."]
        )
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise ImportRefused([f"{member.filename} is compressed suspiciously far."])
        if member.filename.startswith("/") or ".." in member.filename.split("/"):
            raise ImportRefused([f"{member.filename} isn't a name an export uses."])
    return archive


def _read_json(archive: zipfile.ZipFile, name: str) -> Any:
    try:
        raw = archive.read(name)
    except KeyError:
        raise ImportRefused([f"The export has no {name}."]) from None
    except (zipfile.BadZipFile, OSError, ValueError, NotImplementedError):
        raise ImportRefused([f"{name} in the ZIP is damaged."]) from None
    try:
        return json.loads(raw)
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ImportRefused([f"{name} isn't valid JSON."]) from None


def library_keys() -> dict[type[models.Model], dict[str, int]]:
    """The shared library's rows by natural key (lower case, as the database compares)."""
    keys: dict[type[models.Model], dict[str, int]] = {}
    for model, key_of in NATURAL_KEYS.items():
        if model.__name__ == "Recipe":
            continue  # recipes are never shared
        if model.__name__ == "FoodPortion":
            rows: Any = model._default_manager.filter(food__trainer__isnull=True).select_related(
                "food"
            )
        else:
            rows = model._default_manager.filter(trainer__isnull=True)
        keys[model] = {natural(key_of(row)): row.pk for row in rows.iterator(2000)}
    return keys


def natural(key: Any) -> str:
    return json.dumps(key, ensure_ascii=False).lower()


def slug_models(kind: Kind) -> dict[str, dict[str, int]]:
    return {
        f.name: dict(f.related_model._default_manager.values_list("slug", "pk"))  # type: ignore[union-attr]
        for f in kind.many_to_many()
    }


@dataclass
class Checker:
    contents: ExportContents
    library: dict[type[models.Model], dict[str, int]]
    problems: list[str] = field(default_factory=list)
    ids: dict[str, set[int]] = field(default_factory=dict)

    def problem(self, text: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(text)

    def check(self) -> None:
        for kind in KINDS:
            records = self.contents.records[kind.name]
            self.ids[kind.name] = {r.get("id") for r in records if isinstance(r, dict)}  # type: ignore[misc]
        for kind in KINDS:
            self._check_kind(kind)
        if self.problems:
            raise ImportRefused(self.problems)

    def _check_kind(self, kind: Kind) -> None:
        records = self.contents.records[kind.name]
        fields = kind.fields()
        m2m = slug_models(kind)
        expected = {"id", *(f.name for f in fields), *m2m}
        if kind.name == "clients":
            expected |= set(CLIENT_USER_FIELDS)
        seen: set[int] = set()
        for position, record in enumerate(records, 1):
            if not isinstance(record, dict):
                self.problem(f"{kind.filename}: entry {position} isn't a record.")
                continue
            local = record.get("id")
            where = f"{kind.filename}: record {local}"
            if not isinstance(local, int) or isinstance(local, bool) or local in seen:
                self.problem(f"{kind.filename}: entry {position} has a missing or repeated id.")
                continue
            seen.add(local)
            if set(record) != expected:
                odd = sorted(set(record) ^ expected)
                self.problem(f"{where} has unexpected or missing fields: {', '.join(odd)}.")
                continue
            for f in fields:
                self._check_value(kind, f, record[f.name], where)
            for name, slugs in m2m.items():
                value = record[name]
                if not isinstance(value, list) or not all(s in slugs for s in value):
                    self.problem(f"{where} ({name}) names something the library doesn't have.")

    def _check_value(self, kind: Kind, f: models.Field[Any, Any], value: Any, where: str) -> None:
        where = f"{where} ({f.name})"
        if value is None:
            if not f.null and not is_file_field(f):
                self.problem(f"{where} can't be empty.")
            return
        if is_file_field(f):
            if value and value not in self.contents.archive.NameToInfo:
                self.problem(f"{where}: the file {value} isn't in the ZIP.")
            elif value and not value.startswith(f"{kind.name}/"):
                self.problem(f"{where}: the file {value} isn't where an export puts it.")
            return
        if is_user_field(f):
            valid = value == "trainer" or (
                isinstance(value, str)
                and value.startswith("client:")
                and value[7:].isdigit()
                and int(value[7:]) in self.ids["clients"]
            )
            if not valid:
                self.problem(f"{where} names someone who isn't in the export.")
            return
        if f.is_relation:
            self._check_reference(f, value, where)
            return
        try:
            f.run_validators(f.to_python(value))
        except (ValidationError, TypeError, ValueError) as exc:
            detail = " ".join(exc.messages) if isinstance(exc, ValidationError) else "bad value"
            self.problem(f"{where}: {detail}")

    def _check_reference(self, f: models.Field[Any, Any], value: Any, where: str) -> None:
        model = f.related_model
        kind = KIND_OF_MODEL.get(model)  # type: ignore[arg-type]
        if isinstance(value, int) and not isinstance(value, bool):
            if kind is None or value not in self.ids[kind.name]:
                self.problem(f"{where} refers to a row that isn't in the export.")
            return
        library = self.library.get(model)  # type: ignore[arg-type]
        if isinstance(value, dict) and set(value) == {"library"} and library is not None:
            if natural(value["library"]) not in library:
                self.problem(f"{where}: the library has no {value['library']}.")
            return
        self.problem(f"{where} isn't a reference an export makes.")


def read_export(upload: IO[bytes]) -> ExportContents:
    """Open and check an export; ImportRefused says everything wrong with it."""
    archive = open_archive(upload)
    manifest = _read_json(archive, "manifest.json")
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise ImportRefused(["This ZIP isn't a FitnessPr trainer export (no manifest)."])
    if manifest.get("format_version") != FORMAT_VERSION:
        raise ImportRefused(
            [
                f"This export is format version {manifest.get('format_version')!r}; this "
                f"installation reads version {FORMAT_VERSION}."
            ]
        )
    profile = _read_json(archive, "profile.json")
    if not isinstance(profile, dict) or not all(name in profile for name in PROFILE_FIELDS):
        raise ImportRefused(["profile.json isn't a trainer's profile."])
    contents = ExportContents(archive=archive, manifest=manifest, profile=profile)
    for kind in KINDS:
        records = _read_json(archive, kind.filename)
        if not isinstance(records, list):
            raise ImportRefused([f"{kind.filename} isn't a list of records."])
        contents.records[kind.name] = records
    _check_profile(profile)
    Checker(contents=contents, library=library_keys()).check()
    return contents


def _check_profile(profile: dict[str, Any]) -> None:
    problems = []
    for name in PROFILE_FIELDS:
        f = Trainer._meta.get_field(name)
        try:
            f.clean(f.to_python(profile[name]), None)  # type: ignore[union-attr]
        except ValidationError as exc:
            problems.append(f"profile.json ({name}): {' '.join(exc.messages)}")
    if problems:
        raise ImportRefused(problems)


def emails_taken(records: list[dict[str, Any]]) -> list[str]:
    emails = [str(r["email"]).strip().lower() for r in records]
    taken = User.objects.filter(email__in=emails).values_list("email", flat=True)
    repeated = {email for email, n in Counter(emails).items() if n > 1}
    return sorted({e.lower() for e in taken} | repeated)
