"""Role checks for API views, read off the request's actor. They answer "may this kind
of user call this endpoint?" (403 when not); WHICH rows a user reaches is the tenancy
scope's job (`for_actor`), so another trainer's object is a 404, never a 403."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from fitnesspr.actor import actor_of


class RolePermission(BasePermission):
    """Base of the role checks; the schema lists 403 for views that use one."""

    def has_permission(self, request: Request, view: Any) -> bool:
        raise NotImplementedError


class IsTrainer(RolePermission):
    message = "Only trainers can use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return actor_of(request).is_trainer


class IsClient(RolePermission):
    message = "Only clients can use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return actor_of(request).is_client


class IsTrainerOrReadOnlyClient(RolePermission):
    """Trainers read and write; their clients may only read (what for_actor scopes them to)."""

    message = "Clients can only read this resource."

    def has_permission(self, request: Request, view: Any) -> bool:
        actor = actor_of(request)
        return actor.is_trainer or (actor.is_client and request.method in SAFE_METHODS)


class IsTrainerOrClient(RolePermission):
    message = "Only trainers and clients can use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        actor = actor_of(request)
        return actor.is_trainer or actor.is_client


class IsClientOrReadOnlyTrainer(RolePermission):
    """Clients write their own records (a workout log is the client's own account of
    what they did); their trainer reads them but never writes them."""

    message = "Only the client records this; trainers can read it."

    def has_permission(self, request: Request, view: Any) -> bool:
        actor = actor_of(request)
        return actor.is_client or (actor.is_trainer and request.method in SAFE_METHODS)
