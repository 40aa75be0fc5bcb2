from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


# The queryset is only known per request, so the schema can't infer the id type: it is an id.
@extend_schema_field(OpenApiTypes.INT)
class ScopedPrimaryKeyRelatedField(serializers.PrimaryKeyRelatedField):
    """A foreign key in a request body, accepted only within the caller's scope.

    The choices are `model.objects.for_user(request.user)`, the same rule the viewsets use,
    so someone else's id is rejected exactly like an id that does not exist (it never
    confirms that the row is there)."""

    def __init__(self, model: type[Model], **kwargs: Any) -> None:
        self.scoped_model = model
        super().__init__(**kwargs)

    def get_queryset(self) -> QuerySet[Any]:
        request = self.context.get("request")
        user = getattr(request, "user", None)
        return self.scoped_model.objects.for_user(user)  # type: ignore[attr-defined, no-any-return]
