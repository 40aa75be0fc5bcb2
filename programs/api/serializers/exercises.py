from __future__ import annotations

from typing import Any

from rest_framework import serializers

from fitnesspr.api.filters import QuerySerializer
from fitnesspr.api.rows import RowListSerializer
from programs.models import Equipment, Exercise, ExerciseCategory, MuscleGroup
from programs.models.library import EXERCISE_FIELDS
from programs.selectors.exercises import OWNER_FILTERS, ExerciseFilters


class SlugReference(serializers.SlugRelatedField):  # type: ignore[type-arg]
    """A muscle or equipment named by its slug; a slug with a NUL byte is no slug at all
    (PostgreSQL refuses to even look it up), so it is the usual "does not exist" 400."""

    def to_internal_value(self, data: Any) -> Any:
        if isinstance(data, str) and "\x00" in data:
            self.fail("does_not_exist", slug_name=self.slug_field, value=data.replace("\x00", ""))
        return super().to_internal_value(data)


class MuscleGroupSerializer(serializers.ModelSerializer[MuscleGroup]):
    class Meta:
        model = MuscleGroup
        fields = ["slug", "name", "body_region"]
        read_only_fields = fields


class EquipmentSerializer(serializers.ModelSerializer[Equipment]):
    class Meta:
        model = Equipment
        fields = ["slug", "name"]
        read_only_fields = fields


class AliasesField(serializers.ListField):
    """Stored as one comma-separated string; the API speaks a list of names."""

    child = serializers.CharField(max_length=120)

    def to_representation(self, data: Any) -> list[str]:
        return [a.strip() for a in (data or "").split(",") if a.strip()]


class ExerciseSerializer(serializers.ModelSerializer[Exercise]):
    """Muscles and equipment by slug (see `exercises/muscle-groups/` and
    `exercises/equipment/`). Writes go through programs.services.exercises; the owner
    is the signed-in trainer, never the body."""

    aliases = AliasesField(required=False, help_text='Other names search finds, e.g. `["RDL"]`.')
    primary_muscles = SlugReference(
        slug_field="slug", many=True, required=False, queryset=MuscleGroup.objects.all()
    )
    secondary_muscles = SlugReference(
        slug_field="slug", many=True, required=False, queryset=MuscleGroup.objects.all()
    )
    equipment = SlugReference(
        slug_field="slug", many=True, required=False, queryset=Equipment.objects.all()
    )
    is_global = serializers.BooleanField(
        read_only=True,
        help_text="True for the shared library (read-only); false for the trainer's own.",
    )

    class Meta:
        model = Exercise
        list_serializer_class = RowListSerializer
        fields = ["id", *EXERCISE_FIELDS, "is_global", "created_at", "updated_at"]
        read_only_fields = ["id", "is_global", "created_at", "updated_at"]
        extra_kwargs = {"video_url": {"help_text": "An http(s) link to a demo video."}}
        # The name's uniqueness per trainer is the service's (a 409), not a 400 here.
        validators: list[Any] = []

    def service_fields(self) -> dict[str, Any]:
        return dict(self.validated_data)


class ExerciseQuerySerializer(QuerySerializer):
    """The list's filters (query string)."""

    search = serializers.CharField(
        required=False, max_length=100, help_text="Matches the name or another name."
    )
    muscle = serializers.SlugField(
        required=False, help_text="A muscle-group slug; matches primary or secondary muscles."
    )
    equipment = serializers.SlugField(required=False, help_text="An equipment slug.")
    category = serializers.ChoiceField(choices=ExerciseCategory.choices, required=False)
    mine = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="true: only the trainer's own exercises; false: only the shared library.",
    )

    def selector_filters(self) -> ExerciseFilters:
        data = self.validated_data
        mine = data.get("mine")
        owner = "" if mine is None else ("mine" if mine else "global")
        assert owner in OWNER_FILTERS
        return {
            "search": data.get("search", ""),
            "muscle": data.get("muscle", ""),
            "equipment": data.get("equipment", ""),
            "category": data.get("category", ""),
            "owner": owner,
        }
