"""Meal plans as the API reads and writes them: the targets, the meals of the day
(`slots`), and every day with its items (`days[].entries`, each in a meal named by
`slot`). Writes go through nutrition.services.structure; macros and totals are computed
and read-only. Owner fields (`trainer`, `client`) are never read from a body."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clients.models import Client
from fitnesspr.api.fields import ScopedPrimaryKeyRelatedField, WindowDateField, nested_list
from nutrition.api.serializers.common import MacrosSerializer, amount_field, portion_field
from nutrition.models import (
    ActivityLevel,
    AssignmentStatus,
    Food,
    Goal,
    MealPlan,
    MealPlanAssignment,
    MealPlanDay,
    MealPlanEntry,
    MealPlanSlot,
    Recipe,
    Sex,
)
from nutrition.models.plans import MAX_SLOTS
from nutrition.selectors.macros import entry_macros, total
from nutrition.services.structure import MAX_DAYS, MAX_ENTRIES_PER_DAY

PLAN_FIELDS = [
    "id",
    "name",
    "description",
    "is_template",
    "client",
    "source",
    "target_kcal",
    "target_protein_g",
    "target_carbs_g",
    "target_fat_g",
    "targets_from",
    "target_inputs",
    "created_at",
    "updated_at",
]
PLAN_READ_ONLY = [
    "id",
    "client",
    "source",
    "targets_from",
    "target_inputs",
    "created_at",
    "updated_at",
]
PLAN_EXTRA = {
    "client": {"help_text": "Set on a client's own copy (made by assign); null otherwise."},
    "source": {"help_text": "The plan this one was copied from, if any."},
    "target_kcal": {"help_text": "kcal a day; protein, carbs and fat must come within 10% of it."},
    "target_protein_g": {"help_text": "Grams a day (4 kcal/g)."},
    "target_carbs_g": {"help_text": "Grams a day (4 kcal/g)."},
    "target_fat_g": {"help_text": "Grams a day (9 kcal/g)."},
    "targets_from": {"help_text": "`typed` or `mifflin_st_jeor` (see `{id}/targets/`)."},
}


class MealSlotSerializer(serializers.ModelSerializer[MealPlanSlot]):
    id = serializers.IntegerField(
        required=False, allow_null=True,
        help_text="On a write, an existing meal's id keeps (and renames) it; else matched by name.",
    )  # fmt: skip

    class Meta:
        model = MealPlanSlot
        fields = ["id", "name"]


class EntrySerializer(serializers.ModelSerializer[MealPlanEntry]):
    id = serializers.IntegerField(
        required=False, allow_null=True,
        help_text="On a write, an item already on this plan keeps it (and the client's diary "
        "entries that point at it); leave it out to add one.",
    )  # fmt: skip
    slot = serializers.CharField(
        source="slot.name", max_length=60, help_text="The meal it belongs to, by name."
    )
    recipe = ScopedPrimaryKeyRelatedField(
        Recipe, required=False, allow_null=True, help_text="One of your recipes (or a `food`)."
    )
    recipe_name = serializers.CharField(
        source="recipe.name", read_only=True, default=None, allow_null=True
    )
    servings = amount_field("A recipe's servings.", places=2, digits=5)
    food = ScopedPrimaryKeyRelatedField(
        Food, required=False, allow_null=True, help_text="A food of the library (or a `recipe`)."
    )
    food_name = serializers.CharField(source="food.name", read_only=True, default=None)
    grams = amount_field("A food in grams…", digits=7)
    portion = portion_field("…or in one of its portions (id), counted in `quantity`.")
    quantity = amount_field("How many of `portion`.", places=2, digits=6)
    macros = serializers.SerializerMethodField()

    class Meta:
        model = MealPlanEntry
        fields = [
            "id",
            "slot",
            "recipe",
            "recipe_name",
            "servings",
            "food",
            "food_name",
            "grams",
            "portion",
            "quantity",
            "notes",
            "macros",
        ]
        read_only_fields = ["macros"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if (attrs.get("recipe") is None) == (attrs.get("food") is None):
            raise serializers.ValidationError({"recipe": "Give either a recipe or a food."})
        return attrs

    @extend_schema_field(MacrosSerializer)
    def get_macros(self, entry: MealPlanEntry) -> dict[str, Any]:
        return MacrosSerializer(entry_macros(entry)).data

    @staticmethod
    def spec(data: dict[str, Any]) -> dict[str, Any]:
        spec = {k: v for k, v in data.items() if k not in {"slot", "portion_id"}}
        spec["slot"] = data["slot"]["name"]
        if data.get("portion_id") is not None:
            spec["portion"] = data["portion_id"]
        return spec


class DaySerializer(serializers.ModelSerializer[MealPlanDay]):
    entries = nested_list(EntrySerializer(), max_items=MAX_ENTRIES_PER_DAY, required=False)
    totals = serializers.SerializerMethodField(help_text="The day's items added up.")

    class Meta:
        model = MealPlanDay
        fields = ["id", "day_number", "title", "entries", "totals"]
        read_only_fields = ["id", "totals"]
        extra_kwargs = {
            "day_number": {
                "help_text": "1 = the start date; a plan is a week (1-7) and may run to 28 days."
            }
        }
        validators: list[Any] = []

    @extend_schema_field(MacrosSerializer)
    def get_totals(self, day: MealPlanDay) -> dict[str, Any]:
        return MacrosSerializer(total(entry_macros(e) for e in day.entries.all())).data


class TargetInputsSerializer(serializers.Serializer[MealPlan]):
    sex = serializers.CharField(source="calc_sex")
    age = serializers.IntegerField(source="calc_age", allow_null=True)
    weight_kg = serializers.DecimalField(
        source="calc_weight_kg",
        max_digits=5,
        decimal_places=2,
        allow_null=True,
        coerce_to_string=False,
    )
    height_cm = serializers.DecimalField(
        source="calc_height_cm",
        max_digits=4,
        decimal_places=1,
        allow_null=True,
        coerce_to_string=False,
    )
    activity = serializers.CharField(source="calc_activity")
    goal = serializers.CharField(source="calc_goal")


class MealPlanSerializer(serializers.ModelSerializer[MealPlan]):
    """A plan with its meals and days. A write with `slots` or `days` replaces them."""

    slots = nested_list(
        MealSlotSerializer(),
        max_items=MAX_SLOTS,
        required=False,
        help_text="The meals of the day, in order.",
    )
    days = nested_list(
        DaySerializer(),
        max_items=MAX_DAYS,
        required=False,
        help_text="Every day; one left out is emptied (days 1-7 stay).",
    )
    target_inputs = serializers.SerializerMethodField(
        help_text="What the formula was given, when the targets came from it."
    )

    class Meta:
        model = MealPlan
        fields = [*PLAN_FIELDS, "slots", "days"]
        read_only_fields = PLAN_READ_ONLY
        extra_kwargs = PLAN_EXTRA

    @extend_schema_field(TargetInputsSerializer(allow_null=True))
    def get_target_inputs(self, plan: MealPlan) -> dict[str, Any] | None:
        if plan.targets_from != "mifflin_st_jeor":
            return None
        return TargetInputsSerializer(plan).data

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.validated_data)
        if "slots" in data:
            data["slots"] = [{k: v for k, v in s.items() if v is not None} for s in data["slots"]]
        if "days" in data:
            data["days"] = [
                {**day, "entries": [EntrySerializer.spec(e) for e in day.get("entries", [])]}
                for day in data["days"]
            ]
        return data


class MealPlanListSerializer(serializers.ModelSerializer[MealPlan]):
    item_count = serializers.IntegerField(read_only=True, help_text="Items in the whole plan.")
    active_assignments = serializers.IntegerField(
        read_only=True, help_text="Clients following a copy of this plan now."
    )
    target_inputs = serializers.SerializerMethodField()

    class Meta:
        model = MealPlan
        fields = [*PLAN_FIELDS, "item_count", "active_assignments"]
        read_only_fields = fields
        extra_kwargs = PLAN_EXTRA

    @extend_schema_field(TargetInputsSerializer(allow_null=True))
    def get_target_inputs(self, plan: MealPlan) -> dict[str, Any] | None:
        return MealPlanSerializer.get_target_inputs(self, plan)  # type: ignore[arg-type]


class PlanDuplicateSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(
        required=False, allow_blank=True, max_length=120, help_text='Default: "<name> (copy)".'
    )


class PlanAssignSerializer(serializers.Serializer[Any]):
    client = ScopedPrimaryKeyRelatedField(Client, required=False, help_text="One of your clients.")
    clients = ScopedPrimaryKeyRelatedField(
        Client, many=True, required=False, help_text="Several of your clients at once."
    )
    start_date = WindowDateField(help_text="Day 1 of the plan (2000-2100).")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("client" in attrs) == ("clients" in attrs):
            raise serializers.ValidationError({"client": "Send either client or clients."})
        return attrs


class PlanBriefSerializer(serializers.ModelSerializer[MealPlan]):
    class Meta:
        model = MealPlan
        fields = ["id", "name", "target_kcal"]
        read_only_fields = fields


class MealPlanAssignmentSerializer(serializers.ModelSerializer[MealPlanAssignment]):
    client_name = serializers.CharField(source="client.full_name", read_only=True)
    meal_plan = PlanBriefSerializer(read_only=True, help_text="The client's own copy.")

    class Meta:
        model = MealPlanAssignment
        fields = [
            "id",
            "client",
            "client_name",
            "meal_plan",
            "source_meal_plan",
            "start_date",
            "end_date",
            "status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


class MealPlanAssignmentEndSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(
        choices=[AssignmentStatus.ENDED, AssignmentStatus.COMPLETED],
        default=AssignmentStatus.ENDED,
        help_text="`ended` (stopped early) or `completed`.",
    )


class CalculateSerializer(serializers.Serializer[Any]):
    sex = serializers.ChoiceField(choices=Sex.choices)
    age = serializers.IntegerField(min_value=14, max_value=100)
    weight_kg = serializers.DecimalField(
        max_digits=5, decimal_places=2, min_value=30, max_value=300, coerce_to_string=False
    )
    height_cm = serializers.DecimalField(
        max_digits=4, decimal_places=1, min_value=120, max_value=230, coerce_to_string=False
    )
    activity = serializers.ChoiceField(choices=ActivityLevel.choices)
    goal = serializers.ChoiceField(choices=Goal.choices)


class FormulaSerializer(serializers.Serializer[Any]):
    """The targets and every step of the arithmetic behind them."""

    formula = serializers.CharField()
    bmr = serializers.DecimalField(
        max_digits=7, decimal_places=1, coerce_to_string=False, help_text="Resting energy, kcal."
    )
    multiplier = serializers.DecimalField(
        max_digits=5, decimal_places=3, coerce_to_string=False, help_text="For activity."
    )
    maintenance = serializers.DecimalField(
        max_digits=7, decimal_places=1, coerce_to_string=False, help_text="kcal to keep weight."
    )
    goal_factor = serializers.DecimalField(max_digits=3, decimal_places=2, coerce_to_string=False)
    protein_per_kg = serializers.DecimalField(
        max_digits=3, decimal_places=1, coerce_to_string=False
    )
    kcal = serializers.IntegerField()
    protein_g = serializers.IntegerField()
    carbs_g = serializers.IntegerField()
    fat_g = serializers.IntegerField()


class ShoppingItemSerializer(serializers.Serializer[Any]):
    food = serializers.IntegerField(source="food.pk")
    food_name = serializers.CharField(source="food.name")
    grams = serializers.DecimalField(
        source="rounded_grams", max_digits=9, decimal_places=0, coerce_to_string=False
    )
    portion = serializers.CharField(
        source="portion.name", default=None, help_text="The food's first portion, if any."
    )
    portions = serializers.DecimalField(
        max_digits=7,
        decimal_places=1,
        allow_null=True,
        coerce_to_string=False,
        help_text="How many of `portion`, rounded up to a half.",
    )


class ShoppingAisleSerializer(serializers.Serializer[Any]):
    category = serializers.CharField()
    name = serializers.CharField(source="label", help_text="The category, as people read it.")
    items = ShoppingItemSerializer(many=True)
