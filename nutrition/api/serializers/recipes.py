"""Recipes as the API reads and writes them: ingredients nested (a food and an amount in
grams, or a number of one of its portions), tags by slug, and the macros per recipe and
per serving, computed from the ingredients and read-only."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from fitnesspr.api.fields import ScopedPrimaryKeyRelatedField, nested_list
from nutrition.api.serializers.common import MacrosSerializer, amount_field, portion_field
from nutrition.models import Food, Recipe, RecipeIngredient, RecipeTag
from nutrition.selectors.macros import recipe_macros
from nutrition.services.recipes import MAX_INGREDIENTS


class TagSerializer(serializers.ModelSerializer[RecipeTag]):
    class Meta:
        model = RecipeTag
        fields = ["slug", "name"]
        read_only_fields = fields


class IngredientSerializer(serializers.ModelSerializer[RecipeIngredient]):
    food = ScopedPrimaryKeyRelatedField(Food, help_text="A food of the shared library or your own.")
    food_name = serializers.CharField(source="food.name", read_only=True)
    grams = amount_field("The amount in grams; or give `portion` and `quantity` instead.")
    portion = portion_field("One of the food's portions (its id), counted in `quantity`.")
    quantity = amount_field("How many of `portion`, e.g. 2.", places=2)

    class Meta:
        model = RecipeIngredient
        fields = ["id", "food", "food_name", "grams", "portion", "quantity", "note"]
        read_only_fields = ["id"]

    def service_item(self, data: dict[str, Any]) -> dict[str, Any]:
        item = {"food": data["food"], "note": data.get("note", "")}
        if data.get("portion_id") is not None:
            item |= {"portion": data["portion_id"], "quantity": data.get("quantity")}
        else:
            item["grams"] = data.get("grams")
        return item


class RecipeMacrosSerializer(serializers.Serializer[Any]):
    total = MacrosSerializer(help_text="The whole recipe.")
    per_serving = MacrosSerializer(help_text="One serving (the total divided by `servings`).")


class RecipeSerializer(serializers.ModelSerializer[Recipe]):
    """A recipe with its ingredients. A write with `ingredients` replaces them all."""

    tags = serializers.SlugRelatedField(
        slug_field="slug", many=True, required=False, queryset=RecipeTag.objects.all(),
        help_text="Tag slugs, see `meals/recipes/tags/`.",
    )  # fmt: skip
    ingredients = nested_list(
        IngredientSerializer(), max_items=MAX_INGREDIENTS, help_text="At least one."
    )
    macros = serializers.SerializerMethodField(help_text="Computed from the ingredients.")

    class Meta:
        model = Recipe
        fields = [
            "id",
            "name",
            "description",
            "instructions",
            "servings",
            "prep_minutes",
            "cook_minutes",
            "tags",
            "ingredients",
            "macros",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "macros", "created_at", "updated_at"]
        validators: list[Any] = []

    @extend_schema_field(RecipeMacrosSerializer)
    def get_macros(self, recipe: Recipe) -> dict[str, Any]:
        return RecipeMacrosSerializer(recipe_macros(recipe)).data

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        if "ingredients" in data:
            row = IngredientSerializer()
            data["ingredients"] = [row.service_item(item) for item in data["ingredients"]]
        return data


class RecipeDuplicateSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(
        required=False, allow_blank=True, max_length=160, help_text='Default: "<name> (copy)".'
    )
