"""The sign-in backend: Django's own (email and password, active users only), except
that the user each request's session names is loaded with their trainer or client
profile in one query (`fitnesspr.actor.users_with_profiles`), so resolving the actor
costs no second query on every page."""

from __future__ import annotations

from typing import Any

from asgiref.sync import sync_to_async
from django.contrib.auth.backends import ModelBackend
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import HttpRequest

from fitnesspr.actor import users_with_profiles

#: what `login()` names for sessions signed in without `authenticate()` (the PIN sign-in)
BACKEND = "fitnesspr.auth.UserProfileBackend"


class UserProfileBackend(ModelBackend):
    def authenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        user = super().authenticate(request, username, password, **kwargs)
        if user is None:
            # Refused here is refused: the next backend in AUTHENTICATION_BACKENDS (kept
            # for older sessions, see settings) would only check the same password again.
            raise PermissionDenied
        return user

    async def aauthenticate(
        self,
        request: HttpRequest | None,
        username: str | None = None,
        password: str | None = None,
        **kwargs: Any,
    ) -> Any:
        user = await super().aauthenticate(request, username, password, **kwargs)
        if user is None:
            raise PermissionDenied
        return user

    def get_user(self, user_id: Any) -> Any:
        try:
            user = users_with_profiles().get(pk=user_id)
        except ObjectDoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    async def aget_user(self, user_id: Any) -> Any:
        return await sync_to_async(self.get_user)(user_id)
