from __future__ import annotations

from typing import Any

from django.core.validators import MaxLengthValidator
from django.db.models import Model, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from fitnesspr.actor import actor_for_user, actor_of
from fitnesspr.dates import validate_birth_date, validate_date_in_window
from fitnesspr.tenancy import scope_of

#: extra_kwargs for a decimal field: a JSON number (e.g. 62.5), not a string
NUMBER = {"coerce_to_string": False}


# The queryset is only known per request, so the schema can't infer the id type: it is an id.
@extend_schema_field(OpenApiTypes.INT)
class ScopedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key in a request body, accepted only within the caller's scope.

    The choices are the model's rows the caller's actor may read (`for_actor`), the same
    rule the viewsets use, so someone else's id is rejected exactly like an id that does
    not exist (it never confirms that the row is there)."""

    def __init__(self, model: type[Model], **kwargs: Any) -> None:
        self.scoped_model = model
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        request = self.context.get("request")
        actor = actor_of(request) if request is not None else actor_for_user(None)
        return scope_of(self.scoped_model).for_actor(actor)


class WindowDateField(serializers.DateField):
    """A date in a request body or query, bounded to the window every form uses."""

    default_validators = [validate_date_in_window]


class BirthDateField(serializers.DateField):
    default_validators = [validate_birth_date]


class CappedListSerializer(serializers.ListSerializer):  # type: ignore[type-arg]
    """A nested list with a most-items bound that also reaches the schema (`maxItems`):
    the bound alone is enforced by DRF but not documented."""

    def get_validators(self) -> list[Any]:
        validators = list(super().get_validators())
        most = getattr(self, "max_length", None)  # set by ListSerializer, untyped in the stubs
        if most is not None:
            validators.append(MaxLengthValidator(most))
        return validators


def nested_list(
    child: serializers.BaseSerializer[Any], *, max_items: int, **kwargs: Any
) -> CappedListSerializer:
    """`Child(many=True)` with at most `max_items` rows."""
    return CappedListSerializer(child=child, max_length=max_items, **kwargs)


# OpenAPI's `format: time` means HH:MM:SS with a UTC offset; this field answers "07:00".
@extend_schema_field(
    {"type": "string", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$", "example": "07:00"}
)
class HourMinuteField(serializers.TimeField):
    """A time of day as HH:MM (24-hour), in and out."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%H:%M", **kwargs)
