"""JWT issue, rotation and revocation (simplejwt underneath): a plain module that
services call (a PIN reset revokes a client's tokens) and the API's auth views use.

Claims: sub (user id, a string), role, trainer_id, exp, iat, jti, token_type. role and
trainer_id are set on the refresh token, so every access token derived from it carries
them; a rotation re-reads them from the user, so a changed role shows up at next refresh.
"""

from __future__ import annotations

from django.db import transaction
from rest_framework_simplejwt.exceptions import TokenError
from rest_framework_simplejwt.settings import api_settings
from rest_framework_simplejwt.token_blacklist.models import BlacklistedToken, OutstandingToken
from rest_framework_simplejwt.tokens import RefreshToken

from fitnesspr.actor import actor_for_user
from fitnesspr.errors import DomainError
from fitnesspr.models import User

INVALID_REFRESH = "The refresh token is invalid, expired or already used. Sign in again."


class InvalidToken(DomainError):
    """A refresh token that is malformed, expired, revoked or already used."""

    code = "AUTHENTICATION_FAILED"

    def __init__(self, message: str = INVALID_REFRESH) -> None:
        super().__init__(message)


def tokens_for(user: User) -> dict[str, str]:
    refresh = RefreshToken.for_user(user)
    refresh["role"] = user.role
    refresh["trainer_id"] = actor_for_user(user).trainer_id
    return {"access": str(refresh.access_token), "refresh": str(refresh)}


def _valid_refresh(raw: str) -> RefreshToken:
    """The decoded refresh token; checks signature, expiry and the blacklist."""
    try:
        return RefreshToken(raw)  # type: ignore[arg-type]
    except TokenError as exc:
        raise InvalidToken from exc


@transaction.atomic
def tokens_refresh(raw: str) -> dict[str, str]:
    """Trade a refresh token for a new pair; the old refresh token is blacklisted, so each
    one works once. The outstanding row is locked so two concurrent refreshes with the
    same token cannot both succeed."""
    refresh = _valid_refresh(raw)
    jti = refresh[api_settings.JTI_CLAIM]
    # order_by(): the model's default ordering joins the (nullable) user, and PostgreSQL
    # refuses FOR UPDATE on the nullable side of an outer join.
    list(OutstandingToken.objects.select_for_update().filter(jti=jti).order_by())
    if BlacklistedToken.objects.filter(token__jti=jti).exists():
        raise InvalidToken
    user = User.objects.filter(pk=refresh.get(api_settings.USER_ID_CLAIM), is_active=True).first()
    if user is None:
        raise InvalidToken
    refresh.blacklist()
    return tokens_for(user)


def tokens_revoke(raw: str) -> None:
    """Log out: blacklist the refresh token (access tokens expire on their own, soon)."""
    _valid_refresh(raw).blacklist()


def tokens_revoke_all(user: User) -> int:
    """Sign a user out everywhere: blacklist every refresh token they hold (e.g. when a
    client's PIN is reset because a phone was lost). Returns how many were revoked."""
    live = OutstandingToken.objects.filter(user=user, blacklistedtoken__isnull=True)
    revoked = [BlacklistedToken(token=token) for token in live]
    BlacklistedToken.objects.bulk_create(revoked, ignore_conflicts=True)
    return len(revoked)
