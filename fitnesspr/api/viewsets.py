"""Base viewsets every API resource builds on.

`get_queryset()` is `model.objects.for_actor(actor)`: the one tenancy rule, so a list
shows only the caller's rows and someone else's object is a 404 on every verb.
`get_object()` uses the same read and write getters as the HTML pages
(`fitnesspr.tenancy`): a row the caller may read but not change is a 403 on a write.
Writes go through services: `perform_create`/`perform_update`/`perform_destroy` must be
overridden (ModelSerializer.save() would bypass the business rules)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from django.db.models import Model, QuerySet
from rest_framework import mixins, viewsets
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.serializers import BaseSerializer
from rest_framework.views import APIView

from fitnesspr.actor import Actor, actor_of
from fitnesspr.api.rows import GIVEN
from fitnesspr.tenancy import get_for_read, get_for_write, scope_of

if TYPE_CHECKING:
    from clients.models import Client
    from trainers.models import Trainer


class ActorAPIView(APIView):
    """An API view that knows `self.actor`, and the trainer or client behind it."""

    @property
    def actor(self) -> Actor:
        return actor_of(self.request)

    @property
    def trainer(self) -> Trainer:
        """The signed-in trainer (views that use it let only trainers in)."""
        trainer = self.actor.trainer
        if trainer is None or not self.actor.is_trainer:
            raise PermissionDenied("Only trainers can use this endpoint.")
        return trainer

    @property
    def client(self) -> Client:
        """The signed-in client (views that use it let only clients in)."""
        client = self.actor.client
        if client is None:
            raise PermissionDenied("Only clients can use this endpoint.")
        return client


class ScopedGenericViewSet(ActorAPIView, viewsets.GenericViewSet[Any]):
    model: ClassVar[type[Model]]
    #: the envelope's "message" per action on success, e.g. {"create": "Client added."}
    success_messages: ClassVar[dict[str, str]] = {}
    # Ids are integers: anything else is a path that does not exist (a 404).
    lookup_value_regex = r"[0-9]+"

    def get_queryset(self) -> QuerySet[Any]:
        return self.scope_queryset(scope_of(self.model).for_actor(self.actor))

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        """Hook for select_related/ordering; never for filtering by owner."""
        return queryset

    def get_object(self) -> Any:
        pk = self.kwargs[self.lookup_url_kwarg or self.lookup_field]
        queryset = self.get_queryset()
        if self.request.method in SAFE_METHODS:
            obj = get_for_read(queryset, actor=self.actor, pk=pk)
        else:
            obj = get_for_write(queryset, actor=self.actor, pk=pk)
        self.check_object_permissions(self.request, obj)
        return obj

    def finalize_response(
        self, request: Request, response: Response, *args: Any, **kwargs: Any
    ) -> Response:
        message = self.success_messages.get(self.action or "")
        if message and response.status_code < 400:
            response.message = message  # type: ignore[attr-defined]  # read by the renderer
        return super().finalize_response(request, response, *args, **kwargs)


class PageRowsMixin:
    """A list whose view reads some of its rows' lists for the whole page at once, as
    `values()` rows in one query (`page_rows`), rather than a model row each: they reach
    the serializer's row plan in its context (`fitnesspr.api.rows.GIVEN`). Put it first
    among the bases, before the list mixin."""

    def page_rows(self, page: list[Any]) -> dict[str, dict[Any, list[Any]]]:
        """{field: {row id: its list}} for the rows of this page."""
        raise NotImplementedError

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        view: Any = self
        page = view.paginate_queryset(view.filter_queryset(view.get_queryset()))
        assert page is not None, "a list with page rows is paginated"
        context = {**view.get_serializer_context(), GIVEN: self.page_rows(page)}
        body = view.get_serializer_class()(page, many=True, context=context).data
        return view.get_paginated_response(body)  # type: ignore[no-any-return]


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
