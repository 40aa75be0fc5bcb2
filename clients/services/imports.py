"""A client list from a spreadsheet (CSV): read and checked row by row for a preview
(what each row will become, or why it can't), then the valid rows created in one
transaction, each client with their own PIN as when added by hand."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction

from clients.models import Client
from fitnesspr.dates import validate_birth_date
from fitnesspr.models import User
from trainers.models import Trainer

MAX_ROWS = 1000
MAX_BYTES = 1024 * 1024
#: header names a spreadsheet may use for each column (compared in lower case)
COLUMNS = {
    "first_name": ("first_name", "first name", "firstname", "given name"),
    "last_name": ("last_name", "last name", "lastname", "surname", "family name"),
    "name": ("name", "full name"),
    "email": ("email", "e-mail", "email address"),
    "phone": ("phone", "phone number", "mobile"),
    "date_of_birth": ("date_of_birth", "date of birth", "birthday", "dob"),
    "goals": ("goals", "goal"),
    "notes": ("notes", "note"),
}


class CsvRefused(ValueError):
    """The file as a whole can't be read (not CSV, no email column, too many rows)."""


@dataclass
class CsvRow:
    line: int
    first_name: str = ""
    last_name: str = ""
    email: str = ""
    phone: str = ""
    date_of_birth: date | None = None
    goals: str = ""
    notes: str = ""
    errors: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _decode(data: bytes) -> str:
    if len(data) > MAX_BYTES:
        raise CsvRefused("The file is larger than 1 MB; split it into smaller files.")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise CsvRefused("This file isn't text: save the spreadsheet as CSV.")


def _columns(header: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for position, title in enumerate(header):
        title = title.strip().lower()
        for name, aliases in COLUMNS.items():
            if title in aliases and name not in found:
                found[name] = position
    if "email" not in found:
        raise CsvRefused("The first row must name the columns, with at least an email column.")
    if "first_name" not in found and "name" not in found:
        raise CsvRefused("The first row must name a first name (or name) column.")
    return found


def _row(line: int, cells: list[str], columns: dict[str, int]) -> CsvRow:
    def cell(name: str) -> str:
        position = columns.get(name)
        return cells[position].strip() if position is not None and position < len(cells) else ""

    row = CsvRow(
        line=line,
        first_name=cell("first_name"),
        last_name=cell("last_name"),
        email=cell("email").lower(),
        phone=cell("phone")[:32],
        goals=cell("goals"),
        notes=cell("notes"),
    )
    if not row.first_name and cell("name"):
        row.first_name, _, row.last_name = cell("name").partition(" ")
        row.last_name = row.last_name.strip()
    if not row.first_name:
        row.errors.append("The first name is missing.")
    if len(row.first_name) > 150 or len(row.last_name) > 150:
        row.errors.append("The name is longer than 150 characters.")
    if not row.email:
        row.errors.append("The email is missing.")
    else:
        try:
            validate_email(row.email)
        except ValidationError:
            row.errors.append(f"{row.email} isn't an email address.")
    born = cell("date_of_birth")
    if born:
        try:
            row.date_of_birth = date.fromisoformat(born)
        except ValueError:
            row.errors.append(f"The date of birth {born} isn't a date like 1990-04-21.")
        else:
            try:
                validate_birth_date(row.date_of_birth)
            except ValidationError as exc:
                row.errors.extend(exc.messages)
    return row


def client_csv_read(*, data: bytes) -> list[CsvRow]:
    """Every row of the file with its problems (a duplicate, an email that already has
    an account here, a missing name…); CsvRefused when the file can't be read at all."""
    text = _decode(data)
    try:
        lines = list(csv.reader(io.StringIO(text)))
    except csv.Error:
        raise CsvRefused("This file isn't CSV: save the spreadsheet as CSV.") from None
    lines = [cells for cells in lines if any(c.strip() for c in cells)]
    if not lines:
        raise CsvRefused("The file is empty.")
    columns = _columns(lines[0])
    if len(lines) - 1 > MAX_ROWS:
        raise CsvRefused(f"The file has more than {MAX_ROWS} clients; split it.")
    rows = [_row(n, cells, columns) for n, cells in enumerate(lines[1:], start=2)]
    emails = [r.email for r in rows if r.email]
    taken = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    seen: set[str] = set()
    for row in rows:
        if not row.email:
            continue
        if row.email in seen:
            row.errors.append(f"{row.email} is on an earlier row too.")
        elif row.email in taken:
            row.errors.append(f"{row.email} already has an account here.")
        seen.add(row.email)
    if not rows:
        raise CsvRefused("The file has no clients under its header row.")
    return rows


@transaction.atomic
def client_csv_import(
    *, trainer: Trainer, data: bytes, email_pin: bool = False
) -> tuple[list[tuple[Client, str]], list[CsvRow]]:
    """Create a client (and PIN) for every valid row, all in one transaction; rows with
    problems are left out and returned. The welcome email goes to each new client, with
    their PIN when `email_pin`."""
    from clients.services import client_create

    rows = client_csv_read(data=data)
    made = [
        client_create(
            trainer=trainer,
            first_name=row.first_name,
            last_name=row.last_name,
            email=row.email,
            phone=row.phone,
            date_of_birth=row.date_of_birth,
            goals=row.goals,
            notes=row.notes,
            email_pin=email_pin,
        )
        for row in rows
        if row.ok
    ]
    return made, [row for row in rows if not row.ok]
