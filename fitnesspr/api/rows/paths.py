"""Where a field's value is on a model instance: a path of attributes DRF would read
the same way (no method called on the way, a foreign key read off its column)."""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from rest_framework import fields, relations


def _model_of(model: type[Model] | None, attrs: tuple[str, ...]) -> type[Model] | None:
    """The model reached by following `attrs` from `model` (None: not a relation)."""
    for attr in attrs:
        if model is None:
            return None
        try:
            related = model._meta.get_field(attr).related_model
        except FieldDoesNotExist:
            return None
        model = related if isinstance(related, type) else None
    return model


def plain_path(model: type[Model] | None, attrs: tuple[str, ...]) -> bool:
    """Can `attrs` be read with getattr alone? DRF calls a method it meets on the way,
    so a path ending on a model's method is left to the field."""
    owner = _model_of(model, attrs[:-1])
    if owner is None:
        return len(attrs) == 1 and model is None
    found = getattr(owner, attrs[-1], None)
    return not callable(found) or isinstance(found, type)


def pk_path(model: type[Model] | None, attrs: tuple[str, ...]) -> tuple[str, ...] | None:
    """For a related field written as the related row's id: the path to the foreign key's
    column on the row (`client` → `client_id`), as DRF's pk-only shortcut reads it."""
    owner = _model_of(model, attrs[:-1])
    if owner is None:
        return None
    try:
        field = owner._meta.get_field(attrs[-1])
    except FieldDoesNotExist:
        return None
    if not (field.many_to_one or field.one_to_one) or not field.concrete:
        return None
    return (*attrs[:-1], field.attname)  # type: ignore[attr-defined]


#: how DRF's own fields find their value (a field with another way is left to itself)
DRF_READS = (
    fields.Field.get_attribute,
    relations.RelatedField.get_attribute,
    relations.ManyRelatedField.get_attribute,
)


MODEL_FIELD_READ = fields.ModelField.get_attribute


def getter(path: tuple[str, ...]) -> Callable[[Any], Any]:
    return attrgetter(".".join(path))
