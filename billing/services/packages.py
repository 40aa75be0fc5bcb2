"""What a trainer sells. Prices are in the trainer's currency; a package that has been
invoiced is archived (no longer offered), never deleted, so old invoices keep saying
what was sold."""

from __future__ import annotations

from typing import Any, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import RestrictedError

from billing.models import Package, PackageInterval
from fitnesspr.errors import ConflictError
from trainers.models import Trainer


class PackageChanges(TypedDict, total=False):
    """What `package_update` may change; any subset."""

    name: str
    description: str
    price_minor: int
    interval: str
    sessions_included: int | None
    is_active: bool


def _name_taken(name: str) -> ConflictError:
    return ConflictError(f"You already have a package called “{name}”.", field="name")


def _check_name_free(*, trainer_id: int, name: str, exclude_pk: int | None = None) -> None:
    taken = Package.objects.filter(trainer_id=trainer_id, name__iexact=name)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise _name_taken(name)


def _save(package: Package) -> Package:
    package.name = package.name.strip()
    package.description = package.description.strip()
    package.full_clean(exclude=["trainer"], validate_constraints=False)
    _check_name_free(trainer_id=package.trainer_id, name=package.name, exclude_pk=package.pk)
    try:
        with transaction.atomic():
            package.save()
    except IntegrityError as exc:  # a concurrent save took the name
        raise _name_taken(package.name) from exc
    return package


@transaction.atomic
def package_create(
    *,
    trainer: Trainer,
    name: str,
    price_minor: int,
    description: str = "",
    interval: str = PackageInterval.ONE_OFF,
    sessions_included: int | None = None,
) -> Package:
    """A new package priced in the trainer's currency; names are unique per trainer,
    ignoring case."""
    if not name.strip():
        raise ValidationError({"name": "Give the package a name."})
    package = Package(
        trainer=trainer,
        name=name,
        description=description,
        price_minor=price_minor,
        currency=trainer.currency,
        interval=interval,
        sessions_included=sessions_included,
    )
    return _save(package)


@transaction.atomic
def package_update(*, package: Package, **changes: Unpack[PackageChanges]) -> Package:
    """Change a package. Invoices already written keep their own copy of the name and
    price, so they don't change with it."""
    fields: dict[str, Any] = dict(changes)
    if "name" in fields and not str(fields["name"]).strip():
        raise ValidationError({"name": "Give the package a name."})
    for field, value in fields.items():
        setattr(package, field, value)
    return _save(package)


@transaction.atomic
def package_delete(*, package: Package) -> None:
    """Delete a package that was never invoiced; one that was is archived instead."""
    if package.invoice_lines.exists():
        raise ConflictError(in_use_message(package.name))
    try:
        package.delete()
    except RestrictedError as exc:  # invoiced since we looked
        raise ConflictError(in_use_message(package.name)) from exc


def in_use_message(name: str) -> str:
    return f"“{name}” is on invoices, so it can't be deleted. Archive it to stop offering it."
