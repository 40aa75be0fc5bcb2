from __future__ import annotations

from typing import Any

from rest_framework import serializers

from trainers.models import Trainer


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
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "slug", "created_at", "updated_at"]

    def service_fields(self) -> dict[str, Any]:
        return dict(self.validated_data)
