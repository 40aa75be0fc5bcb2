"""The one place each owned model is scoped to the person asking.

Every owned model's queryset subclasses one of these and sets the lookup path from the
row to its trainer (and to its client, where a client may read the row). Two rules per
model, both read off the actor (`fitnesspr.actor`):

- read: `for_actor(actor)` — staff see everything, a trainer their own rows, a client
  their own rows (`for_trainer` / `for_client` underneath);
- write: `writable_by(actor)` — staff everything, a trainer their own rows, a client only
  where the model says clients change their own rows (`client_may_write`).

`get_for_read` / `get_for_write` turn those rules into the answer a page or an endpoint
gives: someone else's row is a 404 (never a 403 that confirms it exists); a row the actor
may read but not change (a global library exercise, say) is a 403 with the model's
`read_only_message`. Every kind's selectors build their getters on these two, and the API
base viewset uses them too, so HTML pages, the API, the admin and tasks share one rule.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Self

from django.core.exceptions import PermissionDenied
from django.db import models
from django.http import Http404

from fitnesspr.actor import Actor, ActorKind, actor_for_user

if TYPE_CHECKING:
    from clients.models import Client
    from trainers.models import Trainer

NOT_FOUND = "Not found."


class TrainerScopedQuerySet(models.QuerySet[Any]):
    #: lookup from the row to its Trainer, e.g. "trainer" or "client__trainer"
    trainer_path: str = "trainer"
    #: lookup from the row to the Client allowed to read it; None = clients never read it
    client_path: str | None = None
    #: clients may change the rows they read (their own workout logs, say)
    client_may_write: bool = False
    #: the 403 message for a row the actor may read but not change
    read_only_message: str = "You can't change this."

    def for_trainer(self, trainer: Trainer) -> Self:
        return self.filter(**{self.trainer_path: trainer})

    def for_client(self, client: Client) -> Self:
        if self.client_path is None:
            return self.none()
        return self.filter(**{self.client_path: client})

    def for_actor(self, actor: Actor) -> Self:
        """Rows the actor may read."""
        if actor.kind is ActorKind.STAFF:
            return self.all()
        if actor.kind is ActorKind.TRAINER and actor.trainer is not None:
            return self.for_trainer(actor.trainer)
        if actor.kind is ActorKind.CLIENT and actor.client is not None:
            return self.for_client(actor.client)
        return self.none()

    def for_user(self, user: Any) -> Self:
        """`for_actor` for a bare user (a shell, a test); requests use `actor_of`."""
        return self.for_actor(actor_for_user(user))

    def writable_by(self, actor: Actor) -> Self:
        """Rows the actor may change."""
        if actor.kind is ActorKind.CLIENT and not self.client_may_write:
            return self.none()
        return self.for_actor(actor)


class LibraryQuerySet(TrainerScopedQuerySet):
    """Shared libraries (exercises, foods): global rows (trainer null) are read by all,
    changed by staff only; a trainer's own rows follow the usual rule."""

    def for_trainer(self, trainer: Trainer) -> Self:
        return self.filter(models.Q(trainer__isnull=True) | models.Q(trainer=trainer))

    def for_client(self, client: Client) -> Self:
        return self.filter(models.Q(trainer__isnull=True) | models.Q(trainer_id=client.trainer_id))

    @staticmethod
    def usable_by(row: Any, *, trainer_id: int | None) -> bool:
        """The read rule for one row already in hand (a model's clean()): a global row,
        or the trainer's own."""
        return row.trainer_id is None or row.trainer_id == trainer_id

    def writable_by(self, actor: Actor) -> Self:
        if actor.kind is ActorKind.STAFF:
            return self.all()
        if actor.kind is ActorKind.TRAINER and actor.trainer is not None:
            return self.filter(trainer=actor.trainer)
        return self.none()


def _scoped[M: models.Model](queryset: models.QuerySet[M]) -> TrainerScopedQuerySet:
    if not isinstance(queryset, TrainerScopedQuerySet):
        raise TypeError(f"{queryset.model.__name__} has no tenancy scope.")
    return queryset


def scope_of(model: type[models.Model]) -> TrainerScopedQuerySet:
    """All rows of an owned model, as its scoped queryset (for generic code: the API
    base viewset, scoped form fields, the admin)."""
    return _scoped(model._default_manager.all())


#: the largest id a database column holds (bigint); anything else is no row at all
MAX_ID = 2**63 - 1


def valid_id(value: Any) -> int:
    """`value` as a row id, or 404: ids from URLs and forms are whole numbers in range."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise Http404(NOT_FOUND) from None
    if not 0 < number <= MAX_ID:
        raise Http404(NOT_FOUND)
    return number


def get_for_read[M: models.Model](queryset: models.QuerySet[M], *, actor: Actor, pk: Any) -> M:
    """The row `pk` if the actor may read it, else 404."""
    pk = valid_id(pk)
    found: M | None = _scoped(queryset).for_actor(actor).filter(pk=pk).first()
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def get_for_write[M: models.Model](queryset: models.QuerySet[M], *, actor: Actor, pk: Any) -> M:
    """The row `pk` if the actor may change it; 404 if they may not even read it, 403 if
    they may read but not change it."""
    pk = valid_id(pk)
    scoped = _scoped(queryset)
    found: M | None = scoped.writable_by(actor).filter(pk=pk).first()
    if found is not None:
        return found
    if scoped.for_actor(actor).filter(pk=pk).exists():
        raise PermissionDenied(scoped.read_only_message)
    raise Http404(NOT_FOUND)


def check_writable[M: models.Model](obj: M, *, actor: Actor) -> M:
    """Refuse (403) a row already read through `for_actor` that the actor may not change;
    for code that fetched the row with its own prefetches."""
    scoped = scope_of(type(obj))
    if not scoped.writable_by(actor).filter(pk=obj.pk).exists():
        raise PermissionDenied(scoped.read_only_message)
    return obj
