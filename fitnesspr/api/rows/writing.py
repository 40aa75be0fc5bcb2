"""How DRF writes a field's value, worked out once per field: the same conversion
without DRF's per-call lookups (its settings, the decimal context, the time zone)."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from django.conf import settings
from django.utils import timezone
from rest_framework import ISO_8601, fields, relations, serializers
from rest_framework.settings import api_settings


def same_writing(field: fields.Field, base: type[fields.Field]) -> bool:
    """The field writes a value exactly as `base` does (no override in a subclass)."""
    return isinstance(field, base) and type(field).to_representation is base.to_representation


def _decimal(field: fields.DecimalField) -> Callable[[Any], Any] | None:
    coerce = getattr(field, "coerce_to_string", api_settings.COERCE_DECIMAL_TO_STRING)
    if coerce or field.normalize_output or field.decimal_places is None:
        return None
    # DecimalField.quantize copies the thread's context for every value; gunicorn's sync
    # workers never change it, so one copy made here gives the same result.
    context = decimal.getcontext().copy()
    if field.max_digits is not None:
        context.prec = field.max_digits
    exponent = decimal.Decimal(".1") ** field.decimal_places
    rounding = field.rounding

    def quantize(value: Any) -> Any:
        if not isinstance(value, decimal.Decimal):
            value = decimal.Decimal(str(value).strip())
        return value.quantize(exponent, rounding=rounding, context=context)

    return quantize


def datetime_writer(field: fields.DateTimeField) -> Callable[[Any, Any], Any] | None:
    """DRF's ISO writing of an aware datetime in the current time zone, with the zone
    looked up once per list (`request_zone`) instead of for every value; anything else (a naive
    or out-of-range value, a field with its own zone) is left to the field."""
    if not same_writing(field, fields.DateTimeField):
        return None
    output = getattr(field, "format", api_settings.DATETIME_FORMAT)
    own_ways = (
        type(field).enforce_timezone is not fields.DateTimeField.enforce_timezone
        or type(field).default_timezone is not fields.DateTimeField.default_timezone
    )
    if output is None or output.lower() != ISO_8601 or own_ways or hasattr(field, "timezone"):
        return None
    write = field.to_representation

    def iso(value: Any, zone: Any) -> Any:
        if zone is None or type(value) is not datetime or value.utcoffset() is None:
            return write(value)
        try:
            text = value.astimezone(zone).isoformat()
        except OverflowError:
            return write(value)  # DRF's "overflow" error
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return iso


def request_zone() -> Any:
    """The time zone DateTimeField writes in for this request (its `default_timezone`)."""
    return timezone.get_current_timezone() if settings.USE_TZ else None


def converter(field: fields.Field) -> Callable[[Any], Any] | bool | None:
    """How DRF writes a (not None) value of this field: a function, None for "as it
    is", or False when the field itself must (it is not a plain value field)."""
    if isinstance(field, serializers.BaseSerializer | relations.RelatedField):
        return False
    if isinstance(field, relations.ManyRelatedField | fields.SerializerMethodField):
        return False
    if same_writing(field, fields.IntegerField):
        return int
    if same_writing(field, fields.BigIntegerField):
        coerce = getattr(field, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING)
        return str if coerce else int
    if same_writing(field, fields.CharField):  # also EmailField, URLField, SlugField
        return str
    if same_writing(field, fields.BooleanField):
        write = field.to_representation
        return lambda value: value if value is True or value is False else write(value)
    if same_writing(field, fields.ChoiceField):
        choices = field.choice_strings_to_values  # type: ignore[attr-defined]
        return lambda value: value if value == "" else choices.get(str(value), value)
    if same_writing(field, fields.DateField):
        output = getattr(field, "format", api_settings.DATE_FORMAT)
        if output is not None and output.lower() == ISO_8601:
            write = field.to_representation
            return lambda value: value.isoformat() if type(value) is date else write(value)
    if same_writing(field, fields.DecimalField):
        quantize = _decimal(field)  # type: ignore[arg-type]
        if quantize is not None:
            return quantize
    if same_writing(field, fields.ReadOnlyField):
        return None
    if same_writing(field, fields.JSONField) and not field.binary:  # type: ignore[attr-defined]
        return None
    # Plain value fields (DateTimeField, ListField, ours) read nothing but the value:
    # the field built with the plan writes it, at the time of the request (time zone).
    return field.to_representation
