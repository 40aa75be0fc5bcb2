"""Base viewsets every API resource builds on.

`get_queryset()` is `model.objects.for_user(request.user)`: the one tenancy rule, so a
list shows only the caller's rows and someone else's object is a 404 on every verb.
Writes go through services: `perform_create`/`perform_update`/`perform_destroy` must be
overridden (ModelSerializer.save() would bypass the business rules)."""

from __future__ import annotations

from typing import Any, ClassVar

from django.db.models import Model, QuerySet
from rest_framework import mixins, viewsets
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer


class ScopedGenericViewSet(viewsets.GenericViewSet[Any]):
    model: ClassVar[type[Model]]
    #: the envelope's "message" per action on success, e.g. {"create": "Client added."}
    success_messages: ClassVar[dict[str, str]] = {}
    # Ids are integers: anything else is a path that does not exist (a 404).
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self) -> QuerySet[Any]:
        queryset = self.model.objects.for_user(self.request.user)  # type: ignore[attr-defined]
        return self.scope_queryset(queryset)

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """Hook for select_related/ordering; never for filtering by owner."""
        return queryset

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        message = self.success_messages.get(self.action or "")
        if message and response.status_code < 400:
            response.message = message  # type: ignore[attr-defined]  # read by the renderer
        return super().finalize_response(request, response, *args, **kwargs)


class ScopedReadOnlyViewSet(mixins.RetrieveModelMixin, mixins.ListModelMixin, ScopedGenericViewSet):
    pass


class ScopedModelViewSet(
    mixins.CreateModelMixin,
    mixins.RetrieveModelMixin,
    mixins.UpdateModelMixin,
    mixins.DestroyModelMixin,
    mixins.ListModelMixin,
    ScopedGenericViewSet,
):
    def perform_create(self, serializer: BaseSerializer[Any]) -> None:
        raise NotImplementedError(f"{type(self).__name__} must create through a service.")

    def perform_update(self, serializer: BaseSerializer[Any]) -> None:
        raise NotImplementedError(f"{type(self).__name__} must update through a service.")

    def perform_destroy(self, instance: Any) -> None:
        raise NotImplementedError(f"{type(self).__name__} must delete through a service.")
