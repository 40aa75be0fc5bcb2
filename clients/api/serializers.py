from __future__ import annotations

from typing import Any

from rest_framework import serializers

from clients.models import Client, ReminderSettings
from fitnesspr.api.fields import BirthDateField, HourMinuteField
from fitnesspr.api.rows import RowListSerializer
from trainers.models import Trainer


class ClientSerializer(serializers.ModelSerializer[Client]):
    """A trainer's view of a client. Writes go through clients.services; the owner
    (`trainer`, `user`) is never read from the body."""

    first_name = serializers.CharField(source="user.first_name", max_length=150)
    last_name = serializers.CharField(
        source="user.last_name", max_length=150, required=False, allow_blank=True
    )
    email = serializers.EmailField(source="user.email", max_length=254)
    is_locked = serializers.BooleanField(
        read_only=True, help_text="Locked after too many wrong PINs; a PIN reset unlocks."
    )

    class Meta:
        model = Client
        list_serializer_class = RowListSerializer
        fields = [
            "id",
            "first_name",
            "last_name",
            "email",
            "phone",
            "date_of_birth",
            "height_cm",
            "goals",
            "notes",
            "status",
            "is_locked",
            "last_login_at",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "last_login_at", "created_at", "updated_at"]
        extra_kwargs = {
            "height_cm": {"coerce_to_string": False, "help_text": "Height in centimetres."},
            "notes": {"help_text": "Private to the trainer; the client never sees them."},
        }

    def service_fields(self) -> dict[str, Any]:
        """validated_data flattened to the keyword arguments of the client services."""
        data = dict(self.validated_data)
        return {**data.pop("user", {}), **data}


class ClientCreateSerializer(ClientSerializer):
    email_pin = serializers.BooleanField(
        write_only=True,
        required=False,
        default=False,
        help_text="Put the PIN in the welcome email too (otherwise only the response has it).",
    )

    class Meta(ClientSerializer.Meta):
        fields = [*ClientSerializer.Meta.fields, "email_pin"]


class ClientWithPinSerializer(ClientSerializer):
    pin = serializers.CharField(
        read_only=True, help_text="The client's PIN. Shown only in this response: pass it on."
    )

    class Meta(ClientSerializer.Meta):
        fields = [*ClientSerializer.Meta.fields, "pin"]


def client_with_pin(client: Client, pin: str) -> dict[str, Any]:
    return {**ClientSerializer(client).data, "pin": pin}


class CoachSerializer(serializers.ModelSerializer[Trainer]):
    """A client's view of their trainer: the business, and the time zone, units and
    currency it works in."""

    class Meta:
        model = Trainer
        fields = ["id", "business_name", "slug", "timezone", "unit_system", "currency"]
        read_only_fields = fields


class ClientProfileSerializer(serializers.ModelSerializer[Client]):
    """A client's view of their own profile: no trainer notes, no lock state."""

    trainer = CoachSerializer(read_only=True)

    class Meta:
        model = Client
        fields = ["id", "phone", "date_of_birth", "height_cm", "goals", "status", "trainer"]
        read_only_fields = fields
        extra_kwargs = {"height_cm": {"coerce_to_string": False}}


class PinLoginSerializer(serializers.Serializer[Any]):
    email = serializers.EmailField(max_length=254)
    pin = serializers.CharField(
        write_only=True, max_length=32, help_text="The 6 to 8 digit PIN from the trainer."
    )


class ReminderSettingsSerializer(serializers.ModelSerializer[ReminderSettings]):
    """The client's reminder emails. `effective_timezone` is the zone the time is read
    in: the client's own, else their trainer's."""

    effective_timezone = serializers.CharField(source="zone_name", read_only=True)
    workout_reminder_time = HourMinuteField(help_text="Local time, HH:MM (24-hour).")

    class Meta:
        model = ReminderSettings
        fields = [
            "client",
            "workout_reminders",
            "workout_reminder_time",
            "check_in_reminders",
            "timezone",
            "effective_timezone",
            "unsubscribed_at",
        ]
        read_only_fields = ["client", "unsubscribed_at"]
        extra_kwargs = {
            "timezone": {"help_text": "An IANA zone (Europe/London); empty = the trainer's."}
        }


class ClientCsvImportSerializer(serializers.Serializer[Any]):
    file = serializers.FileField(help_text="The CSV: a header row, then one client a row.")
    dry_run = serializers.BooleanField(
        default=True,
        help_text="true (the default): only check and preview; false: create the valid rows.",
    )
    email_pin = serializers.BooleanField(
        default=False, help_text="Put each new client's PIN in their welcome email."
    )


class CsvRowSerializer(serializers.Serializer[Any]):
    line = serializers.IntegerField(help_text="The row's line in the file (the header is 1).")
    first_name = serializers.CharField()
    last_name = serializers.CharField()
    email = serializers.CharField()
    phone = serializers.CharField()
    date_of_birth = BirthDateField(allow_null=True)
    goals = serializers.CharField()
    notes = serializers.CharField()
    problems = serializers.ListField(
        child=serializers.CharField(),
        source="errors",
        help_text="Why the row can't be added; empty when it can.",
    )
