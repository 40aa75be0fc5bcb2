from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from clients.api.serializers import ClientProfileSerializer
from fitnesspr.models import User
from trainers.api.serializers import TrainerSerializer
from trainers.models import Currency, UnitSystem


class UserSerializer(serializers.ModelSerializer[User]):
    """The signed-in user: who they are, their role, and their profile (a trainer's
    business, or a client's own profile; the other one is null)."""

    trainer_id = serializers.IntegerField(
        source="trainer_id_claim",
        read_only=True,
        allow_null=True,
        help_text="The trainer's own id for a trainer; their trainer's id for a client.",
    )
    trainer = TrainerSerializer(source="trainer_profile", read_only=True, allow_null=True)
    client = ClientProfileSerializer(source="client_profile", read_only=True, allow_null=True)

    class Meta:
        model = User
        fields = [
            "id",
            "email",
            "first_name",
            "last_name",
            "role",
            "trainer_id",
            "trainer",
            "client",
        ]
        read_only_fields = fields


class RegisterSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        write_only=True, trim_whitespace=False, max_length=128, style={"input_type": "password"}
    )
    first_name = serializers.CharField(max_length=150)
    last_name = serializers.CharField(max_length=150, allow_blank=True)
    business_name = serializers.CharField(max_length=120)
    timezone = serializers.CharField(
        max_length=64, default="UTC", help_text="IANA time zone, e.g. Europe/London."
    )
    unit_system = serializers.ChoiceField(choices=UnitSystem.choices, default=UnitSystem.METRIC)
    currency = serializers.ChoiceField(choices=Currency.choices, default=Currency.USD)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # trainer_register checks it too; here the message lands on the password field.
        candidate = User(
            email=attrs["email"], first_name=attrs["first_name"], last_name=attrs["last_name"]
        )
        try:
            validate_password(attrs["password"], candidate)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"password": list(exc.messages)}) from exc
        return attrs


class LoginSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField(max_length=254)
    password = serializers.CharField(
        write_only=True, trim_whitespace=False, max_length=128, style={"input_type": "password"}
    )


class PinLoginSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField(max_length=254)
    pin = serializers.CharField(
        write_only=True, max_length=32, help_text="The 6 to 8 digit PIN from the trainer."
    )


class RefreshSerializer(serializers.Serializer[Any]):
    refresh = serializers.CharField(help_text="A refresh token; each one works once.")


class TokenPairSerializer(serializers.Serializer[Any]):
    access = serializers.CharField(help_text="JWT for `Authorization: Bearer ...`.")
    refresh = serializers.CharField(help_text="JWT for `auth/refresh/` and `auth/logout/`.")


class SessionSerializer(TokenPairSerializer):
    user = UserSerializer()


class RegistrationSerializer(SessionSerializer):
    trainer = TrainerSerializer()
