"""Assertions for constraint tests: the database itself refuses the row, and the
refusal comes from the constraint under test (not, say, a NOT NULL)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction


@contextmanager
def check_fails(constraint: str) -> Iterator[None]:
    with pytest.raises(IntegrityError) as exc, transaction.atomic():
        yield
    assert constraint in str(exc.value).lower()


@contextmanager
def unique_fails() -> Iterator[None]:
    # SQLite doesn't name the index in its message, PostgreSQL does; both say "unique".
    with pytest.raises(IntegrityError) as exc, transaction.atomic():
        yield
    assert "unique" in str(exc.value).lower()


def clean_errors(instance: models.Model, **kwargs: object) -> dict[str, list[str]]:
    """The full_clean() errors by field ({} when valid)."""
    try:
        instance.full_clean(**kwargs)  # type: ignore[arg-type]
    except ValidationError as exc:
        return exc.message_dict
    return {}


def non_field_errors(instance: models.Model) -> list[str]:
    return clean_errors(instance).get(NON_FIELD_ERRORS, [])
