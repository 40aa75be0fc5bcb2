"""The client's food diary, today's meals and compliance, as the API speaks them. A diary
entry is a planned item ticked off (`plan_entry`: eaten, in another amount, or skipped)
or a food eaten off-plan (`food` and `meal`); its macros are what was eaten, computed
when it was written, read-only."""

from __future__ import annotations

import datetime as dt
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clients.models import Client
from fitnesspr.api.fields import ScopedPrimaryKeyRelatedField, WindowDateField
from fitnesspr.api.filters import QuerySerializer
from nutrition.api.serializers.common import MacrosSerializer, amount_field, portion_field
from nutrition.models import EARLIEST_DAY, DiaryEntry, Food, MealPlanEntry
from nutrition.selectors.macros import stored_macros

LAST_DAY = dt.date(2100, 12, 31)


class DiaryEntrySerializer(serializers.ModelSerializer[DiaryEntry]):
    plan_entry = ScopedPrimaryKeyRelatedField(
        MealPlanEntry, required=False, allow_null=True,
        help_text="A planned item of your plan on `eaten_on` (see `diary/today/`), to tick off.",
    )  # fmt: skip
    food = ScopedPrimaryKeyRelatedField(
        Food, required=False, allow_null=True, help_text="A food eaten off-plan (or `plan_entry`)."
    )
    name = serializers.CharField(read_only=True, help_text="The recipe's or the food's name.")
    servings = amount_field("A recipe's servings eaten.", places=2, digits=5)
    grams = amount_field("Grams eaten…", digits=7)
    portion = portion_field("…or a number (`quantity`) of one of the food's portions (its id).")
    quantity = amount_field("How many of `portion`.", places=2, digits=6)
    macros = serializers.SerializerMethodField(help_text="What was eaten (zero when skipped).")

    class Meta:
        model = DiaryEntry
        fields = [
            "id",
            "client",
            "eaten_on",
            "meal",
            "plan_entry",
            "status",
            "name",
            "recipe",
            "servings",
            "food",
            "grams",
            "portion",
            "quantity",
            "macros",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "client", "name", "recipe", "macros", "created_at", "updated_at"]
        extra_kwargs = {
            "eaten_on": {
                "help_text": "The day it was eaten: today or earlier, never a future day."
            },
            "meal": {
                "required": False,
                "help_text": "Off-plan: the meal it belongs to, e.g. Snacks.",
            },
            "status": {"help_text": "`eaten` or `skipped` (a planned item only)."},
        }
        validators: list[Any] = []

    @extend_schema_field(MacrosSerializer)
    def get_macros(self, entry: DiaryEntry) -> dict[str, Any]:
        return MacrosSerializer(stored_macros(entry)).data

    def validate_eaten_on(self, value: dt.date) -> dt.date:
        if not EARLIEST_DAY <= value <= LAST_DAY:
            raise serializers.ValidationError("Pick a day between 2000 and 2100.")
        return value

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if self.instance is None and (attrs.get("plan_entry") is None) == (
            attrs.get("food") is None
        ):
            raise serializers.ValidationError(
                {"plan_entry": "Send a plan_entry to tick off, or a food eaten off-plan."}
            )
        if self.instance is not None and {"plan_entry", "food", "eaten_on", "meal"} & set(attrs):
            raise serializers.ValidationError(
                {"plan_entry": "Only the status and the amount change; add a new entry instead."}
            )
        return attrs

    def amount(self) -> dict[str, Any]:
        data = self.validated_data
        amount = {k: data[k] for k in ("servings", "grams", "quantity") if data.get(k) is not None}
        if data.get("portion_id") is not None:
            amount["portion"] = data["portion_id"]
        return amount


class DiaryQuerySerializer(QuerySerializer):
    client = ScopedPrimaryKeyRelatedField(
        Client, required=False, help_text="Trainers: one client's diary."
    )
    date = WindowDateField(required=False, help_text="One day.")
    start = WindowDateField(required=False, help_text="From this day on.")
    end = WindowDateField(required=False, help_text="Up to this day.")


class DayQuerySerializer(QuerySerializer):
    client = ScopedPrimaryKeyRelatedField(
        Client, required=False, help_text="Trainers: the client (required); clients: leave out."
    )
    date = WindowDateField(required=False, help_text="Default: today (the trainer's calendar).")


class ScaledIngredientSerializer(serializers.Serializer[Any]):
    food = serializers.CharField(source="ingredient.food.name")
    grams = serializers.DecimalField(max_digits=9, decimal_places=1, coerce_to_string=False)
    portion = serializers.CharField(source="ingredient.portion.name", default=None)
    quantity = serializers.DecimalField(
        max_digits=9, decimal_places=2, allow_null=True, coerce_to_string=False
    )
    note = serializers.CharField(source="ingredient.note")


class PlannedItemSerializer(serializers.Serializer[Any]):
    plan_entry = serializers.IntegerField(source="entry.pk", help_text="Tick it off with this id.")
    name = serializers.CharField()
    recipe = serializers.IntegerField(source="entry.recipe_id", allow_null=True)
    servings = serializers.DecimalField(
        source="entry.servings",
        max_digits=5,
        decimal_places=2,
        allow_null=True,
        coerce_to_string=False,
    )
    food = serializers.IntegerField(source="entry.food_id", allow_null=True)
    grams = serializers.DecimalField(
        source="entry.grams",
        max_digits=7,
        decimal_places=1,
        allow_null=True,
        coerce_to_string=False,
    )
    planned = MacrosSerializer(help_text="The macros as planned.")
    state = serializers.CharField(
        help_text="`todo`, `eaten`, `changed` (another amount) or `skipped`."
    )
    diary_entry = serializers.IntegerField(source="logged.pk", default=None, allow_null=True)
    ingredients = ScaledIngredientSerializer(many=True, help_text="A recipe's, for the servings.")
    instructions = serializers.CharField(source="entry.recipe.instructions", default="")


class MealSerializer(serializers.Serializer[Any]):
    name = serializers.CharField()
    planned = PlannedItemSerializer(many=True)
    extras = DiaryEntrySerializer(many=True, help_text="Food eaten off-plan in this meal.")


class BarSerializer(serializers.Serializer[Any]):
    key = serializers.CharField()
    value = serializers.DecimalField(max_digits=9, decimal_places=1, coerce_to_string=False)
    target = serializers.IntegerField(allow_null=True)
    percent = serializers.IntegerField(allow_null=True)
    state = serializers.CharField(
        help_text="`none` (no target), `under`, `on` (within 10%) or `over`."
    )


class DayMealsSerializer(serializers.Serializer[Any]):
    date = WindowDateField(source="on")
    client = serializers.IntegerField(source="client.pk")
    meal_plan = serializers.IntegerField(source="plan.pk", default=None, allow_null=True)
    meal_plan_name = serializers.CharField(source="plan.name", default=None, allow_null=True)
    meals = MealSerializer(many=True)
    eaten = MacrosSerializer()
    targets = BarSerializer(many=True, source="bars", help_text="Eaten against each target.")
    ticked = serializers.IntegerField(help_text="Planned items ticked off (eaten or skipped).")


class PercentsSerializer(serializers.Serializer[Any]):
    kcal = serializers.IntegerField(allow_null=True)
    protein_g = serializers.IntegerField(allow_null=True)
    carbs_g = serializers.IntegerField(allow_null=True)
    fat_g = serializers.IntegerField(allow_null=True)


class ComplianceDaySerializer(serializers.Serializer[Any]):
    date = WindowDateField(source="on")
    logged = serializers.BooleanField()
    eaten = MacrosSerializer()
    percent_of_target = PercentsSerializer(
        source="percents", help_text="null: not logged, or no target."
    )


class ComplianceWeekSerializer(serializers.Serializer[Any]):
    start = WindowDateField()
    end = WindowDateField()
    days_logged = serializers.IntegerField()
    average = MacrosSerializer(help_text="The average logged day.")
    percent_of_target = PercentsSerializer(source="percents")


class ComplianceSerializer(serializers.Serializer[Any]):
    client = serializers.IntegerField(source="client.pk")
    start = WindowDateField()
    end = WindowDateField()
    days_logged = serializers.IntegerField()
    days = ComplianceDaySerializer(many=True)
    weeks = ComplianceWeekSerializer(
        many=True, help_text="Newest first, each ending 7 days after the one before."
    )


class ComplianceQuerySerializer(QuerySerializer):
    client = ScopedPrimaryKeyRelatedField(Client, help_text="One of your clients.")
    start = WindowDateField(required=False, help_text="Default: 27 days before `end`.")
    end = WindowDateField(required=False, help_text="Default: today.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        for key in ("start", "end"):
            if key in attrs and not EARLIEST_DAY <= attrs[key] <= LAST_DAY:
                raise serializers.ValidationError({key: "Pick a day between 2000 and 2100."})
        return attrs
