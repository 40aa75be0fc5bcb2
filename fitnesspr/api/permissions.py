"""Role checks for API views. They answer "may this kind of user call this endpoint?"
(403 when not); WHICH rows a user reaches is the queryset's job (for_user), so another
trainer's object is a 404, never a 403."""

from __future__ import annotations

from typing import Any

from rest_framework.permissions import SAFE_METHODS, BasePermission
from rest_framework.request import Request

from fitnesspr.models import Role


def _active(user: Any) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def is_trainer(user: Any) -> bool:
    return _active(user) and user.role == Role.TRAINER and hasattr(user, "trainer_profile")


def is_client(user: Any) -> bool:
    return _active(user) and user.role == Role.CLIENT and hasattr(user, "client_profile")


class RolePermission(BasePermission):
    """Base of the role checks; the schema lists 403 for views that use one."""

    def has_permission(self, request: Request, view: Any) -> bool:
        raise NotImplementedError


class IsTrainer(RolePermission):
    message = "Only trainers can use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_trainer(request.user)


class IsClient(RolePermission):
    message = "Only clients can use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_client(request.user)


class IsTrainerOrReadOnlyClient(RolePermission):
    """Trainers read and write; their clients may only read (what for_user scopes them to)."""

    message = "Clients can only read this resource."

    def has_permission(self, request: Request, view: Any) -> bool:
        if is_trainer(request.user):
            return True
        return is_client(request.user) and request.method in SAFE_METHODS


class IsTrainerOrClient(RolePermission):
    message = "Only trainers and clients can use this endpoint."

    def has_permission(self, request: Request, view: Any) -> bool:
        return is_trainer(request.user) or is_client(request.user)
