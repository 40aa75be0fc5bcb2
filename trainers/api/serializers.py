from __future__ import annotations

from typing import Any

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from fitnesspr.api.fields import NUMBER
from fitnesspr.models import User
from trainers.models import Currency, Trainer, UnitSystem


class TrainerSerializer(serializers.ModelSerializer[Trainer]):
    """The trainer's business profile. Writes go through trainers.services.trainer_update."""

    class Meta:
        model = Trainer
        fields = [
            "id",
            "business_name",
            "slug",
            "timezone",
            "unit_system",
            "currency",
            "plate_increment_kg",
            "load_step_kg",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "slug", "load_step_kg", "created_at", "updated_at"]
        extra_kwargs = {
            "plate_increment_kg": {
                **NUMBER,
                "help_text": (
                    "The smallest jump in load at your gym, in kg (5 lb = 2.268). Loads "
                    "worked out from a % of 1RM round to it. null: 2.5 kg, or 5 lb in "
                    "imperial units."
                ),
            },
        }

    load_step_kg = serializers.DecimalField(
        max_digits=9,
        decimal_places=5,
        read_only=True,
        coerce_to_string=False,
        help_text="The step loads round to now: plate_increment_kg, or the default.",
    )

    def service_fields(self) -> dict[str, Any]:
        return dict(self.validated_data)


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


class SignUpSentSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField(
        help_text="Where the next step was sent (a welcome email, or a note to its owner)."
    )
