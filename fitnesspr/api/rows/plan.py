"""A serializer's row plan and the list serializer that writes with it (see the package)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import Enum
from functools import partial
from typing import Any

from django.db.models import Model
from django.db.models.manager import BaseManager
from rest_framework import fields, relations, serializers
from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject

from fitnesspr.api.rows.paths import DRF_READS, MODEL_FIELD_READ, getter, pk_path, plain_path
from fitnesspr.api.rows.writing import converter, datetime_writer, request_zone, same_writing


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
        if same_writing(field, fields.ModelField) and type(field).get_attribute is MODEL_FIELD_READ:
            return Column(name, Kind.ROW, convert=field.to_representation)
        if field.source == "*" or not attrs or type(field).get_attribute not in DRF_READS:
            return Column(name, Kind.FIELD)
        if isinstance(field, serializers.ListSerializer):
            child = type(field.child)
            own = type(field).to_representation is serializers.ListSerializer.to_representation
            plan = row_plan(child) if own or isinstance(field, RowListSerializer) else None
            if plan is None or not plain_path(model, attrs):
                return Column(name, Kind.FIELD)
            return Column(name, Kind.NESTED, read=getter(attrs), key=key, nested=plan)
        if isinstance(field, relations.ManyRelatedField):
            relation = field.child_relation
            if not plain_path(model, attrs) or not self._related_object(relation):
                return Column(name, Kind.FIELD)
            return Column(name, Kind.MANY, read=getter(attrs), convert=relation.to_representation)
        if isinstance(field, relations.RelatedField):
            path = pk_path(model, attrs) if self._pk_only(field) else None
            if path is None:
                return Column(name, Kind.FIELD)
            return Column(name, Kind.VALUE, read=getter(path), key=key)
        if not plain_path(model, attrs):
            return Column(name, Kind.FIELD)
        iso = datetime_writer(field) if isinstance(field, fields.DateTimeField) else None
        if iso is not None:
            return Column(name, Kind.VALUE, read=getter(attrs), key=key, convert=iso, zoned=True)
        convert = converter(field)
        if convert is False:
            return Column(name, Kind.FIELD)
        return Column(name, Kind.VALUE, read=getter(attrs), key=key, convert=convert)  # type: ignore[arg-type]

    @staticmethod
    def _pk_only(field: relations.RelatedField) -> bool:
        return (
            same_writing(field, relations.PrimaryKeyRelatedField) and field.pk_field is None  # type: ignore[attr-defined]
        )

    @staticmethod
    def _related_object(relation: relations.RelatedField) -> bool:
        """The related object alone makes the value (its id, a slug), no request needed."""
        return RowPlan._pk_only(relation) or same_writing(relation, relations.SlugRelatedField)

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
        zone = request_zone()
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
        zone = zone if zone is not None else request_zone()
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
