"""Pieces every nutrition serializer shares: macros as numbers, and amounts."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from fitnesspr.tenancy import MAX_ID
from nutrition.selectors.macros import Macros


class MacrosSerializer(serializers.Serializer[Macros]):
    """Energy and macros, rounded as shown: whole kcal, grams to a tenth."""

    kcal = serializers.DecimalField(max_digits=9, decimal_places=0, coerce_to_string=False)
    protein_g = serializers.DecimalField(max_digits=9, decimal_places=1, coerce_to_string=False)
    carbs_g = serializers.DecimalField(max_digits=9, decimal_places=1, coerce_to_string=False)
    fat_g = serializers.DecimalField(max_digits=9, decimal_places=1, coerce_to_string=False)
    fiber_g = serializers.DecimalField(max_digits=9, decimal_places=1, coerce_to_string=False)

    def to_representation(self, instance: Macros) -> dict[str, Any]:
        return super().to_representation(instance.rounded())


def amount_field(help_text: str, *, places: int = 1, digits: int = 8) -> serializers.DecimalField:
    """An optional amount in a body (grams, servings, how many portions): a JSON number."""
    return serializers.DecimalField(
        max_digits=digits,
        decimal_places=places,
        coerce_to_string=False,
        required=False,
        allow_null=True,
        help_text=help_text,
    )


def portion_field(help_text: str) -> serializers.IntegerField:
    """One of the food's portions, by id (the services check it is that food's)."""
    return serializers.IntegerField(
        source="portion_id",
        required=False,
        allow_null=True,
        min_value=1,
        max_value=MAX_ID,
        help_text=help_text,
    )
