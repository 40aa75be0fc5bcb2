"""The signed-in user and the token payloads, as the API shows them.

`UserSerializer` carries one nested field per kind of profile (`trainer`, `client`). The
apps that own those profiles add their field from `AppConfig.ready()` with
`add_profile_field`, so this core module names no domain app; a user without that kind
of profile shows `null` there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from fitnesspr.actor import actor_for_user
from fitnesspr.models import User

ProfileField = Callable[[], serializers.Field[Any, Any, Any, Any]]
_PROFILE_FIELDS: dict[str, ProfileField] = {}


def add_profile_field(name: str, make_field: ProfileField) -> None:
    """Show a profile under `name` on every user (`make_field` builds a read-only,
    nullable field, e.g. the app's serializer with `source="trainer_profile"`)."""
    _PROFILE_FIELDS[name] = make_field


class UserSerializer(serializers.ModelSerializer[User]):
    """The signed-in user: who they are, their role, and their profile (a trainer's
    business, or a client's own profile; the other one is null)."""

    trainer_id = serializers.SerializerMethodField(
        help_text="The trainer's own id for a trainer; their trainer's id for a client."
    )

    class Meta:
        model = User
        fields = ["id", "email", "first_name", "last_name", "role", "trainer_id"]
        read_only_fields = fields

    @extend_schema_field(OpenApiTypes.INT)
    def get_trainer_id(self, user: User) -> int | None:
        return actor_for_user(user).trainer_id

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        fields = super().get_fields()
        for name, make_field in _PROFILE_FIELDS.items():
            fields[name] = make_field()
        return fields


class RefreshSerializer(serializers.Serializer[Any]):
    refresh = serializers.CharField(help_text="A refresh token; each one works once.")


class TokenPairSerializer(serializers.Serializer[Any]):
    access = serializers.CharField(help_text="JWT for `Authorization: Bearer ...`.")
    refresh = serializers.CharField(help_text="JWT for `auth/refresh/` and `auth/logout/`.")


class SessionSerializer(TokenPairSerializer):
    user = UserSerializer()
