"""The one place each owned model is scoped to the person asking.

Every owned model's queryset subclasses one of these and sets the lookup path from the
row to its trainer (and to its client, where a client may read the row). HTML views,
API viewsets, the admin for non-superusers and Celery tasks all go through
`for_user`, `for_trainer` or `for_client`; nothing else filters by owner by hand.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.db import models

if TYPE_CHECKING:
    from clients.models import Client
    from trainers.models import Trainer


class TrainerScopedQuerySet(models.QuerySet[Any]):
    #: lookup from the row to its Trainer, e.g. "trainer" or "client__trainer"
    trainer_path: str = "trainer"
    #: lookup from the row to the Client allowed to read it; None = clients never read it
    client_path: str | None = None

    def for_trainer(self, trainer: Trainer) -> Self:
        return self.filter(**{self.trainer_path: trainer})

    def for_client(self, client: Client) -> Self:
        if self.client_path is None:
            return self.none()
        return self.filter(**{self.client_path: client})

    def for_user(self, user: Any) -> Self:
        """Rows `user` may read: all for staff, own for a trainer, own for a client."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_superuser or user.role == "staff":
            return self.all()
        if user.role == "trainer":
            trainer = getattr(user, "trainer_profile", None)
            return self.for_trainer(trainer) if trainer else self.none()
        if user.role == "client":
            client = getattr(user, "client_profile", None)
            return self.for_client(client) if client else self.none()
        return self.none()


class LibraryQuerySet(TrainerScopedQuerySet):
    """Shared libraries (exercises, foods): global rows (trainer null) are read by all,
    changed by staff only; a trainer's own rows follow the usual rule."""

    def for_trainer(self, trainer: Trainer) -> Self:
        return self.filter(models.Q(trainer__isnull=True) | models.Q(trainer=trainer))

    def for_client(self, client: Client) -> Self:
        return self.filter(models.Q(trainer__isnull=True) | models.Q(trainer_id=client.trainer_id))

    def editable_by(self, user: Any) -> Self:
        """Rows `user` may change: everything for staff, only their own for a trainer."""
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return self.none()
        if user.is_superuser or user.role == "staff":
            return self.all()
        trainer = getattr(user, "trainer_profile", None)
        if user.role == "trainer" and trainer:
            return self.filter(trainer=trainer)
        return self.none()
