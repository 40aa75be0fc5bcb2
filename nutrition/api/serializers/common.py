"""Pieces every nutrition serializer shares: macros as numbers, and amounts."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from nutrition.selectors.macros import Macros


def _number(value: Any) -> float:
    return float(value)


class MacrosSerializer(serializers.Serializer[Macros]):
    """Energy and macros, rounded as shown: whole kcal, grams to a tenth."""

    kcal = serializers.DecimalField(max_digits=9, decimal_places=0, coerce_to_string=False)
    protein_g = serializers.DecimalField(max_digits=9, decimal_places=1, coerce_to_string=False)
    carbs_g = serializers.DecimalField(max_digits=9, decimal_places=1, coerce_to_string=False)
    fat_g = serializers.DecimalField(max_digits=9, decimal_places=1, coerce_to_string=False)
    fiber_g = serializers.DecimalField(max_digits=9, decimal_places=1, coerce_to_string=False)

    def to_representation(self, instance: Macros) -> dict[str, Any]:
        return super().to_representation(instance.rounded())


class TargetsSerializer(serializers.Serializer[Any]):
    kcal = serializers.IntegerField(allow_null=True, source="target_kcal")
    protein_g = serializers.IntegerField(allow_null=True, source="target_protein_g")
    carbs_g = serializers.IntegerField(allow_null=True, source="target_carbs_g")
    fat_g = serializers.IntegerField(allow_null=True, source="target_fat_g")
