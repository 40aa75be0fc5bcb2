"""Read-only lists without DRF's machinery per row and per field.

DRF writes a list row by row and field by field: for each field `get_attribute`, the None
check and `to_representation`, and a nested serializer per nested row. On a page of 20
workout logs with 20 sets each that is some 5,000 field calls, most of the request's CPU.

A `RowPlan` is worked out once per serializer class from the serializer's own fields, so
the keys, their order and the schema stay the serializer's: for each readable field,
where its value is read (an attribute path on a model instance, or a key of a `values()`
row) and how DRF would write it (a decimal quantized the same way, a date in ISO format,
a related object as its id...). A field the plan has no shortcut for is written by the
field itself; a `SerializerMethodField` calls the serializer's method, with the request's
context. `RowListSerializer` (a serializer's `Meta.list_serializer_class`) writes lists
with the plan; detail, create and update responses keep the serializer as it is. A view
may fetch a nested list or a to-many field for the whole page itself, in one query of
`values()` rows, and give it in the context (`GIVEN`) instead of one model row each.
`tests/api/test_row_lists.py` compares both on varied data."""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
from functools import partial
from operator import attrgetter
from typing import Any

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from django.db.models.manager import BaseManager
from django.utils import timezone
from rest_framework import ISO_8601, fields, relations, serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject
from rest_framework.settings import api_settings


class Kind(Enum):
    VALUE = "value"  # read the value, write it with `convert` (None stays None)
    MANY = "many"  # a to-many relation: each related object through `convert`
    NESTED = "nested"  # a nested list serializer: each row through `nested`
    METHOD = "method"  # a SerializerMethodField: the serializer's method
    ROW = "row"  # a ModelField: the field writes the whole row (its own get_attribute)
    FIELD = "field"  # no shortcut: the request's own field does it all, as DRF would


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: Kind
    read: Callable[[Any], Any] | None = None  # from a model instance
    key: str = ""  # in a values() row
    convert: Callable[..., Any] | None = None  # None: the value as it is
    zoned: bool = False  # `convert` also takes the request's time zone
    nested: RowPlan | None = None
    method: str = ""


def _same(field: fields.Field, base: type[fields.Field]) -> bool:
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


def _datetime(field: fields.DateTimeField) -> Callable[[Any, Any], Any] | None:
    """DRF's ISO writing of an aware datetime in the current time zone, with the zone
    looked up once per list (`_zone`) instead of for every value; anything else (a naive
    or out-of-range value, a field with its own zone) is left to the field."""
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


def _zone() -> Any:
    """The time zone DateTimeField writes in for this request (its `default_timezone`)."""
    return timezone.get_current_timezone() if settings.USE_TZ else None


def _converter(field: fields.Field) -> Callable[[Any], Any] | bool | None:
    """How DRF writes a (not None) value of this field: a function, None for "as it
    is", or False when the field itself must (it is not a plain value field)."""
    if isinstance(field, serializers.BaseSerializer | relations.RelatedField):
        return False
    if isinstance(field, relations.ManyRelatedField | fields.SerializerMethodField):
        return False
    if _same(field, fields.IntegerField):
        return int
    if _same(field, fields.BigIntegerField):
        coerce = getattr(field, "coerce_to_string", api_settings.COERCE_BIGINT_TO_STRING)
        return str if coerce else int
    if _same(field, fields.CharField):  # also EmailField, URLField, SlugField
        return str
    if _same(field, fields.BooleanField):
        write = field.to_representation
        return lambda value: value if value is True or value is False else write(value)
    if _same(field, fields.ChoiceField):
        choices = field.choice_strings_to_values  # type: ignore[attr-defined]
        return lambda value: value if value == "" else choices.get(str(value), value)
    if _same(field, fields.DateField):
        output = getattr(field, "format", api_settings.DATE_FORMAT)
        if output is not None and output.lower() == ISO_8601:
            write = field.to_representation
            return lambda value: value.isoformat() if type(value) is date else write(value)
    if _same(field, fields.DecimalField):
        quantize = _decimal(field)  # type: ignore[arg-type]
        if quantize is not None:
            return quantize
    if _same(field, fields.ReadOnlyField):
        return None
    if _same(field, fields.JSONField) and not field.binary:  # type: ignore[attr-defined]
        return None
    # Plain value fields (DateTimeField, ListField, ours) read nothing but the value:
    # the field built with the plan writes it, at the time of the request (time zone).
    return field.to_representation


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


def _plain_path(model: type[Model] | None, attrs: tuple[str, ...]) -> bool:
    """Can `attrs` be read with getattr alone? DRF calls a method it meets on the way,
    so a path ending on a model's method is left to the field."""
    owner = _model_of(model, attrs[:-1])
    if owner is None:
        return len(attrs) == 1 and model is None
    found = getattr(owner, attrs[-1], None)
    return not callable(found) or isinstance(found, type)


def _pk_path(model: type[Model] | None, attrs: tuple[str, ...]) -> tuple[str, ...] | None:
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
_READS = (
    fields.Field.get_attribute,
    relations.RelatedField.get_attribute,
    relations.ManyRelatedField.get_attribute,
)


_MODEL_FIELD_READ = fields.ModelField.get_attribute


def _getter(path: tuple[str, ...]) -> Callable[[Any], Any]:
    return attrgetter(".".join(path))


class RowPlan:
    """How one serializer class writes a row, worked out once (see the module)."""

    def __init__(self, serializer_class: type[serializers.Serializer[Any]]) -> None:
        model = getattr(getattr(serializer_class, "Meta", None), "model", None)
        self.serializer_class = serializer_class
        self.columns = [
            self._column(name, field, model)
            for name, field in serializer_class().fields.items()
            if not field.write_only
        ]

    def _column(self, name: str, field: fields.Field, model: type[Model] | None) -> Column:
        attrs = tuple(field.source_attrs)
        key = "__".join(attrs)
        if isinstance(field, fields.SerializerMethodField):
            return Column(name, Kind.METHOD, method=field.method_name)  # type: ignore[attr-defined]
        if _same(field, fields.ModelField) and type(field).get_attribute is _MODEL_FIELD_READ:
            return Column(name, Kind.ROW, convert=field.to_representation)
        if field.source == "*" or not attrs or type(field).get_attribute not in _READS:
            return Column(name, Kind.FIELD)
        if isinstance(field, serializers.ListSerializer):
            child = type(field.child)
            own = type(field).to_representation is serializers.ListSerializer.to_representation
            plan = row_plan(child) if own or isinstance(field, RowListSerializer) else None
            if plan is None or not _plain_path(model, attrs):
                return Column(name, Kind.FIELD)
            return Column(name, Kind.NESTED, read=_getter(attrs), key=key, nested=plan)
        if isinstance(field, relations.ManyRelatedField):
            relation = field.child_relation
            if not _plain_path(model, attrs) or not self._related_object(relation):
                return Column(name, Kind.FIELD)
            return Column(name, Kind.MANY, read=_getter(attrs), convert=relation.to_representation)
        if isinstance(field, relations.RelatedField):
            path = _pk_path(model, attrs) if self._pk_only(field) else None
            if path is None:
                return Column(name, Kind.FIELD)
            return Column(name, Kind.VALUE, read=_getter(path), key=key)
        if not _plain_path(model, attrs):
            return Column(name, Kind.FIELD)
        if _same(field, fields.DateTimeField) and (iso := _datetime(field)) is not None:  # type: ignore[arg-type]
            return Column(name, Kind.VALUE, read=_getter(attrs), key=key, convert=iso, zoned=True)
        convert = _converter(field)
        if convert is False:
            return Column(name, Kind.FIELD)
        return Column(name, Kind.VALUE, read=_getter(attrs), key=key, convert=convert)  # type: ignore[arg-type]

    @staticmethod
    def _pk_only(field: relations.RelatedField) -> bool:
        return (
            _same(field, relations.PrimaryKeyRelatedField) and field.pk_field is None  # type: ignore[attr-defined]
        )

    @staticmethod
    def _related_object(relation: relations.RelatedField) -> bool:
        """The related object alone makes the value (its id, a slug), no request needed."""
        return RowPlan._pk_only(relation) or _same(relation, relations.SlugRelatedField)

    @property
    def keys(self) -> list[str]:
        """What `values()` must fetch for `values`."""
        return [column.key for column in self.columns]

    def objects(
        self,
        serializer: serializers.Serializer[Any],
        rows: Iterable[Any],
        *,
        given: Mapping[str, Mapping[Any, list[Any]]] | None = None,
    ) -> list[Any]:
        """Model instances written as `serializer` (the request's) would write them.
        `given`: lists the view fetched itself, by field and row id (see `GIVEN`)."""
        hosts: dict[type, Any] = {self.serializer_class: serializer}
        zone = _zone()
        return [self._object(serializer, hosts, row, given or {}, zone) for row in rows]

    def _object(
        self,
        serializer: Any,
        hosts: dict[type, Any],
        row: Any,
        given: Mapping[str, Mapping[Any, list[Any]]],
        zone: Any,
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for column in self.columns:
            kind = column.kind
            if column.name in given:
                rows = given[column.name][row.pk]
                if kind is Kind.MANY:
                    out[column.name] = list(rows)
                    continue
                assert column.nested is not None, column.name
                out[column.name] = column.nested.values(rows, zone=zone)
                continue
            if kind is Kind.METHOD:
                out[column.name] = getattr(serializer, column.method)(row)
                continue
            if kind is Kind.FIELD:
                self._by_field(serializer, column.name, row, out)
                continue
            if kind is Kind.ROW:
                out[column.name] = column.convert(row)  # type: ignore[misc]
                continue
            try:
                value = column.read(row)  # type: ignore[misc]
            except AttributeError:  # a missing row on the way (DRF: null, default, left out)
                self._by_field(serializer, column.name, row, out)
                continue
            if kind is Kind.MANY and getattr(row, "pk", 0) is None:
                value = []  # an unsaved row has no relations yet (as DRF answers)
            if value is None:
                out[column.name] = None
            elif kind is Kind.VALUE:
                convert = column.convert
                if convert is None:
                    out[column.name] = value
                else:
                    out[column.name] = convert(value, zone) if column.zoned else convert(value)
            elif kind is Kind.MANY:
                items = value.all() if hasattr(value, "all") else value
                out[column.name] = [column.convert(item) for item in items]  # type: ignore[misc]
            else:
                plan = column.nested
                assert plan is not None
                host = hosts.get(plan.serializer_class)
                if host is None:  # its method fields read the request's context too
                    host = plan.serializer_class(context=serializer.context)
                    hosts[plan.serializer_class] = host
                items = value.all() if isinstance(value, BaseManager) else value
                out[column.name] = [plan._object(host, hosts, item, {}, zone) for item in items]
        return out

    @staticmethod
    def _by_field(serializer: Any, name: str, row: Any, out: dict[str, Any]) -> None:
        """What DRF's Serializer.to_representation does for one field."""
        field = serializer.fields[name]
        try:
            attribute = field.get_attribute(row)
        except SkipField:
            return
        value = attribute.pk if isinstance(attribute, PKOnlyObject) else attribute
        out[name] = None if value is None else field.to_representation(attribute)

    def values(
        self, rows: Iterable[Mapping[str, Any]], *, zone: Any = None
    ) -> list[dict[str, Any]]:
        """`values()` rows (keys: each field's source with `__`, a related field's id
        under its own name) written as the serializer writes the model instances."""
        for column in self.columns:
            if column.kind is not Kind.VALUE:
                raise TypeError(f"{column.name}: a values() row can't feed this field")
        zone = zone if zone is not None else _zone()
        spec = [
            (column.name, column.key, partial(column.convert, zone=zone))
            if column.zoned and column.convert is not None
            else (column.name, column.key, column.convert)
            for column in self.columns
        ]
        return [
            {
                name: value if (value := row[key]) is None or convert is None else convert(value)
                for name, key, convert in spec
            }
            for row in rows
        ]


#: the context key of what a list's view fetched itself for the page, by field and row
#: id: a nested list as `values()` rows (keys: `RowPlan.keys` of its serializer), or a
#: to-many field's values as the field writes them (ids, slugs)
GIVEN = "given_rows"

_plans: dict[type, RowPlan | None] = {}


def row_plan(serializer_class: type[Any]) -> RowPlan | None:
    """The class's plan, made on first use; None for a serializer that writes its rows
    its own way (an overridden `to_representation`)."""
    if serializer_class not in _plans:
        plain = serializer_class.to_representation is serializers.Serializer.to_representation
        _plans[serializer_class] = RowPlan(serializer_class) if plain else None
    return _plans[serializer_class]


class RowListSerializer(serializers.ListSerializer):  # type: ignore[type-arg]
    """`Meta.list_serializer_class` of a serializer whose lists are written by its plan."""

    def to_representation(self, data: Any) -> list[Any]:
        plan = row_plan(type(self.child))
        if plan is None:
            return super().to_representation(data)
        rows = data.all() if isinstance(data, BaseManager) else data
        given = self.context.get(GIVEN, {})
        return plan.objects(self.child, rows, given=given)  # type: ignore[arg-type]
