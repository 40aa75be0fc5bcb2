"""Forms of the meal plan pages. Shapes only (a number is a number, a date a date in
range); nutrition.services.plans and .assignments decide what is allowed, and their
refusals are shown on the field they concern."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet

from clients.models import Client
from fitnesspr.dates import WindowDateField
from fitnesspr.forms import IdMultipleChoiceField
from fitnesspr.text import TEXT_MAX
from fitnesspr.units import IMPERIAL, display_to_kg, format_number, kg_to_display, weight_unit
from nutrition.models import WEEK_DAYS, ActivityLevel, Food, Goal, MealPlan, MealPlanEntry, Sex
from nutrition.services.plans import EntryAmount

CM_PER_INCH = Decimal("2.54")
FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2100, 12, 31)
NUMBER = {"inputmode": "numeric"}
DECIMAL = {"step": "any", "inputmode": "decimal"}
GRAMS = "g"


class PlanForm(forms.Form):
    name = forms.CharField(max_length=120)
    description = forms.CharField(
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="What the plan is for; your clients read it.",
    )
    is_template = forms.BooleanField(
        label="Template",
        required=False,
        help_text="Templates are plans you reuse: start a client's plan from one.",
    )

    def __init__(self, *args: Any, with_template: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not with_template:  # a client's own copy can't become a template
            del self.fields["is_template"]

    @classmethod
    def initial_for(cls, plan: MealPlan) -> dict[str, Any]:
        return {f: getattr(plan, f) for f in cls.base_fields}


def _target(label: str, maximum: int, help_text: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=maximum,
        help_text=help_text,
        widget=forms.NumberInput(attrs={**NUMBER, "min": 0, "max": maximum}),
    )


class TargetsForm(forms.Form):
    """Targets typed in; blank means no target for that one."""

    target_kcal = _target("Energy (kcal a day)", 10000)
    target_protein_g = _target("Protein (g a day)", 1000, "4 kcal per gram")
    target_carbs_g = _target("Carbohydrate (g a day)", 1000, "4 kcal per gram")
    target_fat_g = _target("Fat (g a day)", 1000, "9 kcal per gram")

    @classmethod
    def initial_for(cls, plan: MealPlan) -> dict[str, Any]:
        return {f: getattr(plan, f) for f in cls.base_fields}


class CalculatorForm(forms.Form):
    """The formula's inputs, with weight and height in the trainer's units."""

    sex = forms.ChoiceField(choices=Sex.choices, widget=forms.RadioSelect)
    age = forms.IntegerField(
        min_value=14,
        max_value=100,
        widget=forms.NumberInput(attrs={**NUMBER, "min": 14, "max": 100}),
    )
    weight = forms.DecimalField(
        max_digits=6, decimal_places=2, widget=forms.NumberInput(attrs={**DECIMAL, "min": 0})
    )
    height = forms.DecimalField(
        max_digits=5, decimal_places=1, widget=forms.NumberInput(attrs={**DECIMAL, "min": 0})
    )
    activity = forms.ChoiceField(label="Activity level", choices=ActivityLevel.choices)
    goal = forms.ChoiceField(choices=Goal.choices, initial=Goal.MAINTAIN)

    def __init__(self, *args: Any, unit_system: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit_system = unit_system
        self.fields["weight"].label = f"Weight ({weight_unit(unit_system)})"
        self.fields["height"].label = "Height (in)" if unit_system == IMPERIAL else "Height (cm)"

    @classmethod
    def initial_for(
        cls,
        plan: MealPlan,
        *,
        unit_system: str,
        weight_kg: Decimal | None,
        height_cm: Decimal | None,
        age: int | None,
    ) -> dict[str, Any]:
        """The plan's last inputs, else what we know of the client."""
        kg = plan.calc_weight_kg or weight_kg
        cm = plan.calc_height_cm or height_cm
        height = cm / CM_PER_INCH if cm is not None and unit_system == IMPERIAL else cm
        return {
            "sex": plan.calc_sex or None,
            "age": plan.calc_age or age,
            "weight": kg_to_display(kg, unit_system, places="0.1") if kg else None,
            "height": height.quantize(Decimal("0.1")) if height is not None else None,
            "activity": plan.calc_activity or ActivityLevel.MODERATE,
            "goal": plan.calc_goal or Goal.MAINTAIN,
        }

    def service_fields(self) -> dict[str, Any]:
        data = self.cleaned_data
        height = data["height"]
        if self.unit_system == IMPERIAL:
            height = height * CM_PER_INCH
        return {
            "sex": data["sex"],
            "age": data["age"],
            "weight_kg": display_to_kg(data["weight"], self.unit_system),
            "height_cm": height.quantize(Decimal("0.1")),
            "activity": data["activity"],
            "goal": data["goal"],
        }


#: service field -> calculator field, for the refusals the model reports
CALCULATOR_FIELDS = {
    "calc_sex": "sex",
    "calc_age": "age",
    "calc_weight_kg": "weight",
    "calc_height_cm": "height",
    "calc_activity": "activity",
    "calc_goal": "goal",
    "target_kcal": None,
}


class SlotForm(forms.Form):
    name = forms.CharField(
        max_length=60,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "e.g. Pre-workout"}),
    )


class DayTitleForm(forms.Form):
    title = forms.CharField(
        max_length=120,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "e.g. Training day"}),
    )


class EntryForm(forms.Form):
    """How much of a planned item: servings of a recipe, or a food in grams or portions."""

    quantity = forms.DecimalField(
        label="Amount",
        max_digits=8,
        decimal_places=2,
        widget=forms.NumberInput(attrs={**DECIMAL, "min": 0, "class": "amount-input"}),
    )
    unit = forms.ChoiceField(label="Unit", choices=[(GRAMS, "grams")], required=False)

    def __init__(self, *args: Any, entry: MealPlanEntry, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", f"item{entry.pk}")
        kwargs.setdefault("initial", self.initial_for(entry))
        super().__init__(*args, **kwargs)
        self.entry = entry
        if entry.recipe_id is not None:
            self.fields["quantity"].label = "Servings"
            del self.fields["unit"]
        else:
            unit = self.fields["unit"]
            assert isinstance(unit, forms.ChoiceField)
            unit.choices = food_units(entry.food)

    @staticmethod
    def initial_for(entry: MealPlanEntry) -> dict[str, Any]:
        if entry.recipe_id is not None:
            return {"quantity": format_number(entry.servings)}
        if entry.portion_id is not None:
            return {"quantity": format_number(entry.quantity), "unit": str(entry.portion_id)}
        return {"quantity": format_number(entry.grams), "unit": GRAMS}

    def service_fields(self) -> EntryAmount:
        data = self.cleaned_data
        if self.entry.recipe_id is not None:
            return {"servings": data["quantity"]}
        if data.get("unit", GRAMS) in (GRAMS, ""):
            return {"grams": data["quantity"], "portion": None, "quantity": None}
        return {"portion": int(data["unit"]), "quantity": data["quantity"]}


def food_units(food: Food | None) -> list[tuple[str, str]]:
    choices = [(GRAMS, "grams")]
    if food is not None:
        choices += [(str(p.pk), f"\u00d7 {p.name}") for p in food.portions.all()]
    return choices


#: service field -> entry form field
ENTRY_FIELDS = {
    "servings": "quantity",
    "grams": "quantity",
    "quantity": "quantity",
    "portion": "unit",
}


class CopyDayForm(forms.Form):
    to = forms.TypedMultipleChoiceField(
        label="Copy to",
        coerce=int,
        choices=[(n, f"Day {n}") for n in range(1, WEEK_DAYS * 4 + 1)],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Pick at least one day to copy to."},
    )


class AssignForm(forms.Form):
    clients = IdMultipleChoiceField(
        queryset=Client.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Pick at least one client."},
    )
    start_date = WindowDateField(
        help_text="Day 1 of the plan; it repeats every week after.",
        widget=forms.DateInput(
            attrs={"type": "date", "min": "2000-01-01", "max": "2100-12-31"}, format="%Y-%m-%d"
        ),
    )

    def __init__(self, *args: Any, clients: QuerySet[Client], today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # the trainer's own scoped clients: any other id is "not one of the available choices"
        self.fields["clients"].queryset = clients  # type: ignore[attr-defined]
        self.fields["start_date"].initial = today

    def clean_start_date(self) -> date:
        start: date = self.cleaned_data["start_date"]
        if not FIRST_DAY <= start <= LAST_DAY:
            raise forms.ValidationError("Pick a date between 2000 and 2100.")
        return start


class EndAssignmentForm(forms.Form):
    status = forms.ChoiceField(
        choices=[("ended", "Ended early"), ("completed", "Completed")],
        initial="ended",
        widget=forms.RadioSelect,
        label="How did it end?",
    )
