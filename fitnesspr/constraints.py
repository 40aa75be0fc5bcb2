"""Builders so a model states each range rule once for forms and once for the database.

Field validators give a form or serializer a message next to the field; the matching
CheckConstraint keeps rows written by any other path (bulk updates, raw SQL, a buggy
service) just as honest.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

Number = int | Decimal


def between(low: Number, high: Number) -> list[Any]:
    return [MinValueValidator(low), MaxValueValidator(high)]


def range_check(
    field: str, low: Number, high: Number, *, name: str, nullable: bool = False
) -> models.CheckConstraint:
    condition = models.Q(**{f"{field}__gte": low, f"{field}__lte": high})
    if nullable:
        condition |= models.Q(**{f"{field}__isnull": True})
    return models.CheckConstraint(
        condition=condition,
        name=name,
        violation_error_message=f"{field.replace('_', ' ')} must be between {low} and {high}.",
    )


def choices_check(field: str, choices: Iterable[str], *, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=models.Q(**{f"{field}__in": list(choices)}),
        name=name,
        violation_error_message=f"Unknown {field.replace('_', ' ')}.",
    )


def not_blank(field: str, *, name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=~models.Q(**{field: ""}),
        name=name,
        violation_error_message=f"{field.replace('_', ' ').capitalize()} can't be blank.",
    )
