"""Who is asking: the signed-in user resolved, once per request, into an actor.

An actor is staff (one definition, `is_staff_user`), a trainer with their `Trainer`, a
client with their `Client` (and that client's trainer), or nobody we serve (anonymous,
inactive, archived, or a login without its profile). Tenancy scopes, the HTML
decorators, the DRF permissions and viewsets, and the admin all read the actor; nothing
else looks at `user.role` or reaches for `user.trainer_profile`.

The profiles are reached through the reverse relations on `User`, so this core module
names no domain app at run time (the imports below are for type checkers only).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ObjectDoesNotExist

from fitnesspr.models import Role

if TYPE_CHECKING:
    from django.db.models import QuerySet
    from django.http import HttpRequest

    from clients.models import Client
    from trainers.models import Trainer

#: attribute on the request where the resolved actor is kept for the rest of the request
_CACHE_ATTR = "_fitnesspr_actor"


class ActorKind(StrEnum):
    NOBODY = "nobody"
    STAFF = "staff"
    TRAINER = "trainer"
    CLIENT = "client"


@dataclass(frozen=True, slots=True)
class Actor:
    user: Any
    kind: ActorKind
    #: the trainer themselves, or a client's trainer
    trainer: Trainer | None = None
    client: Client | None = None

    @property
    def trainer_id(self) -> int | None:
        """The trainer this actor works for: their own id, or their coach's."""
        return self.trainer.pk if self.trainer is not None else None

    @property
    def is_staff(self) -> bool:
        return self.kind is ActorKind.STAFF

    @property
    def is_trainer(self) -> bool:
        return self.kind is ActorKind.TRAINER

    @property
    def is_client(self) -> bool:
        return self.kind is ActorKind.CLIENT

    @property
    def is_nobody(self) -> bool:
        return self.kind is ActorKind.NOBODY


def is_staff_user(user: Any) -> bool:
    """The one definition of staff: a superuser, or a user whose role is staff. (Django's
    `is_staff` flag only opens the admin site; it grants no access to anyone's data.)"""
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and (user.is_superuser or user.role == Role.STAFF)
    )


#: a user's profiles and a client's trainer: everything `actor_for_user` reads
PROFILES = ("trainer_profile", "client_profile__trainer")


def users_with_profiles() -> QuerySet[Any]:
    """Users loaded with their trainer or client profile (and a client's trainer) in the
    same query: resolving such a user into an actor queries nothing more."""
    return get_user_model()._default_manager.select_related(*PROFILES)


def _trainer_of(user: Any) -> Trainer | None:
    try:
        trainer: Trainer = user.trainer_profile
    except ObjectDoesNotExist:
        return None
    return trainer


def _client_of(user: Any) -> Client | None:
    # One query for the client and their trainer; the user is the one we already hold,
    # and the client is cached on it as `user.client_profile` for whoever asks next.
    profile = user.__class__.client_profile.related  # (request.user is a lazy proxy)
    client: Client | None
    if profile.is_cached(user):
        client = profile.get_cached_value(user)
    else:
        client = (
            profile.related_model._default_manager.select_related("trainer")
            .filter(user=user)
            .first()
        )
        if client is not None:
            client.user = user
            profile.set_cached_value(user, client)
    if client is None or not client.has_portal_access:
        return None
    return client


def actor_for_user(user: Any) -> Actor:
    """Resolve a user (or AnonymousUser, or None) into an actor."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return Actor(user=user, kind=ActorKind.NOBODY)
    if is_staff_user(user):
        return Actor(user=user, kind=ActorKind.STAFF)
    if user.role == Role.TRAINER:
        trainer = _trainer_of(user)
        if trainer is not None:
            return Actor(user=user, kind=ActorKind.TRAINER, trainer=trainer)
    elif user.role == Role.CLIENT:
        client = _client_of(user)
        if client is not None:
            return Actor(user=user, kind=ActorKind.CLIENT, trainer=client.trainer, client=client)
    return Actor(user=user, kind=ActorKind.NOBODY)


def actor_of(request: HttpRequest | Any) -> Actor:
    """The actor of this request, resolved on first use and kept on the request. The API
    authenticates inside the view (JWT), so the cached actor is only reused while it
    belongs to the same user object."""
    user = getattr(request, "user", None)
    cached: Actor | None = getattr(request, _CACHE_ATTR, None)
    if cached is None or cached.user is not user:
        cached = actor_for_user(user)
        setattr(request, _CACHE_ATTR, cached)
    return cached
