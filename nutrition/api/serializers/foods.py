"""Foods as the API reads and writes them: nutrition per 100 g, other names as a list,
and portions ("1 large egg" = 50 g). Writes go through nutrition.services.foods; the
owner is the signed-in trainer, never the body."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from fitnesspr.api.fields import NUMBER
from fitnesspr.api.filters import QuerySerializer
from nutrition.models import Food, FoodCategory, FoodPortion
from nutrition.selectors.foods import OWNER_FILTERS, FoodFilters

FOOD_FIELDS = [
    "name",
    "brand",
    "aliases",
    "category",
    "kcal",
    "protein_g",
    "carbs_g",
    "fat_g",
    "fiber_g",
    "alcohol_g",
    "portions",
]


class PortionSerializer(serializers.ModelSerializer[FoodPortion]):
    class Meta:
        model = FoodPortion
        fields = ["id", "name", "grams"]
        read_only_fields = ["id"]
        extra_kwargs = {
            "name": {"help_text": "How people measure it, e.g. `1 large egg`, `1 cup`."},
            "grams": {**NUMBER, "help_text": "What one such portion weighs, in grams."},
        }


class AliasesField(serializers.ListField):
    """Stored as one comma-separated string; the API speaks a list of names."""

    child = serializers.CharField(max_length=160)

    def to_representation(self, data: Any) -> list[str]:
        return [a.strip() for a in (data or "").split(",") if a.strip()]


class FoodSerializer(serializers.ModelSerializer[Food]):
    aliases = AliasesField(
        required=False, help_text='Other names search finds, e.g. `["oatmeal"]`.'
    )
    portions = PortionSerializer(
        many=True, required=False, help_text="On a write, the full list (replaces the old one)."
    )
    is_global = serializers.BooleanField(
        read_only=True, help_text="True for the shared library (read-only); false for your own."
    )

    class Meta:
        model = Food
        fields = ["id", *FOOD_FIELDS, "is_global", "created_at", "updated_at"]
        read_only_fields = ["id", "is_global", "created_at", "updated_at"]
        extra_kwargs = {
            "kcal": {**NUMBER, "help_text": "kcal per 100 g."},
            "protein_g": {**NUMBER, "help_text": "Grams per 100 g."},
            "carbs_g": {**NUMBER, "help_text": "Grams per 100 g."},
            "fat_g": {**NUMBER, "help_text": "Grams per 100 g."},
            "fiber_g": {**NUMBER, "help_text": "Grams per 100 g."},
            "alcohol_g": {**NUMBER, "help_text": "Grams per 100 g (drinks)."},
        }
        # Name uniqueness is the service's (a 409), not a 400 here.
        validators: list[Any] = []

    def service_fields(self) -> dict[str, Any]:
        return dict(self.validated_data)


class FoodQuerySerializer(QuerySerializer):
    search = serializers.CharField(
        required=False,
        max_length=100,
        help_text="Words in the name, brand or other names; accents and case are ignored.",
    )
    category = serializers.ChoiceField(choices=FoodCategory.choices, required=False)
    mine = serializers.BooleanField(
        required=False,
        allow_null=True,
        default=None,
        help_text="true: only your own foods; false: only the shared library.",
    )

    def selector_filters(self) -> FoodFilters:
        data = self.validated_data
        mine = data.get("mine")
        owner = "" if mine is None else ("mine" if mine else "global")
        assert owner in OWNER_FILTERS
        return {
            "search": data.get("search", ""),
            "category": data.get("category", ""),
            "owner": owner,
        }
