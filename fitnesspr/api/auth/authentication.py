"""The API's bearer tokens: simplejwt's authentication, with the signed-in user's trainer
or client profile fetched in the same query (the actor needs it next, on every request).

The token's `role` claim (`fitnesspr.tokens.tokens_for`) says which profile to join; a
token without one, or a role changed since, costs the actor its own query, nothing else."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import AuthenticationFailed
from rest_framework_simplejwt import authentication
from rest_framework_simplejwt.exceptions import InvalidToken
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.tokens import Token
from rest_framework_simplejwt.utils import get_md5_hash_password

from fitnesspr.models import Role

#: the reverse relations `fitnesspr.actor` reads, by role (named, not imported: the core
#: imports no domain app)
PROFILES = {
    Role.TRAINER: ("trainer_profile",),
    Role.CLIENT: ("client_profile__trainer",),
    Role.STAFF: (),
}
EITHER = (*PROFILES[Role.TRAINER], *PROFILES[Role.CLIENT])


class JWTAuthentication(authentication.JWTAuthentication):
    def get_user(self, validated_token: Token) -> Any:
        """simplejwt's lookup and checks, with the profiles joined."""
        try:
            user_id = validated_token[api_settings.USER_ID_CLAIM]
        except KeyError as exc:
            message = _("Token contained no recognizable user identification")
            raise InvalidToken(message) from exc  # type: ignore[arg-type]  # as simplejwt does
        profiles = PROFILES.get(validated_token.get("role"), EITHER)
        users = self.user_model._default_manager.select_related(*profiles)
        try:
            user = users.get(**{api_settings.USER_ID_FIELD: user_id})
        except self.user_model.DoesNotExist as exc:
            raise AuthenticationFailed(_("User not found"), code="user_not_found") from exc
        if api_settings.CHECK_USER_IS_ACTIVE and not user.is_active:
            raise AuthenticationFailed(_("User is inactive"), code="user_inactive")
        if api_settings.CHECK_REVOKE_TOKEN and validated_token.get(
            api_settings.REVOKE_TOKEN_CLAIM
        ) != get_md5_hash_password(user.password):
            raise AuthenticationFailed(
                _("The user's password has been changed."), code="password_changed"
            )
        return user
