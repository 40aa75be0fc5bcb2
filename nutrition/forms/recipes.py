"""The recipe form: the recipe's own fields and its ingredient rows (a food, how much:
grams or a number of one of its portions, and a note). Shapes only; the rules are
nutrition.services.recipes'. The rows are also read leniently (`draft_rows`) to show
live macros while the trainer types, before anything is valid or saved."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django import forms
from django.http import QueryDict

from fitnesspr.forms import IdMultipleChoiceField
from fitnesspr.text import TEXT_MAX
from fitnesspr.units import format_number
from nutrition.forms import id_field, row_id
from nutrition.models import Food, Recipe, RecipeTag
from nutrition.selectors.macros import Macros, food_macros
from nutrition.services.amounts import MAX_INGREDIENT_GRAMS
from nutrition.services.recipes import MAX_INGREDIENTS, IngredientInput

PREFIX = "ingredients"
GRAMS = "g"


class RecipeForm(forms.Form):
    name = forms.CharField(max_length=160)
    description = forms.CharField(
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="One or two lines your clients read first.",
    )
    servings = forms.IntegerField(
        min_value=1,
        max_value=100,
        initial=1,
        help_text="How many servings the ingredients make; macros are shown per serving.",
        widget=forms.NumberInput(attrs={"min": 1, "max": 100, "inputmode": "numeric"}),
    )
    prep_minutes = forms.IntegerField(
        label="Preparation (minutes)",
        min_value=0,
        max_value=1440,
        initial=0,
        widget=forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
    )
    cook_minutes = forms.IntegerField(
        label="Cooking (minutes)",
        min_value=0,
        max_value=1440,
        initial=0,
        widget=forms.NumberInput(attrs={"min": 0, "inputmode": "numeric"}),
    )
    tags = IdMultipleChoiceField(
        queryset=RecipeTag.objects.order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    instructions = forms.CharField(
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text="Step by step; a new line for each step.",
    )

    @classmethod
    def initial_for(cls, recipe: Recipe) -> dict[str, Any]:
        initial = {name: getattr(recipe, name) for name in cls.base_fields if name != "tags"}
        initial["tags"] = list(recipe.tags.all())
        return initial

    @classmethod
    def initial_from(cls, data: QueryDict) -> dict[str, Any]:
        """What was typed, to show again without errors (adding or removing a row)."""
        initial: dict[str, Any] = {name: data.get(name, "") for name in cls.base_fields}
        initial["tags"] = data.getlist("tags")
        return initial


class IngredientForm(forms.Form):
    food = id_field()
    quantity = forms.DecimalField(
        label="Amount",
        max_digits=8,
        decimal_places=2,
        widget=forms.NumberInput(
            attrs={"step": "any", "min": 0, "inputmode": "decimal", "class": "amount-input"}
        ),
    )
    unit = forms.ChoiceField(label="Unit", choices=[(GRAMS, "g")])
    note = forms.CharField(
        required=False,
        max_length=120,
        widget=forms.TextInput(attrs={"placeholder": "e.g. chopped", "autocomplete": "off"}),
    )

    def __init__(self, *args: Any, foods: dict[int, Food], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        raw = self.data.get(self.add_prefix("food")) if self.is_bound else self.initial.get("food")
        #: the row's food (not `food`: in a template that name is the form's field)
        self.chosen_food = foods.get(_int(raw) or 0)
        unit = self.fields["unit"]
        assert isinstance(unit, forms.ChoiceField)
        unit.choices = unit_choices(self.chosen_food)

    def service_item(self) -> IngredientInput:
        data = self.cleaned_data
        item: IngredientInput = {"food": data["food"], "note": data.get("note", "")}
        if data["unit"] == GRAMS:
            item["grams"] = data["quantity"]
        else:
            item["portion"] = int(data["unit"])
            item["quantity"] = data["quantity"]
        return item


def unit_choices(food: Food | None) -> list[tuple[str, str]]:
    choices = [(GRAMS, "grams")]
    if food is not None:
        choices += [
            (str(p.pk), f"\u00d7 {p.name} ({format_number(p.grams)} g)")
            for p in food.portions.all()
        ]
    return choices


def _int(value: Any) -> int | None:
    return row_id(value)


def _decimal(value: Any) -> Decimal | None:
    try:
        number = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        return None
    return number if number.is_finite() else None


def ingredient_formset(
    *,
    foods: dict[int, Food],
    data: QueryDict | None = None,
    initial: list[dict[str, Any]] | None = None,
) -> forms.BaseFormSet:
    formset = forms.formset_factory(
        IngredientForm, extra=0, max_num=MAX_INGREDIENTS, absolute_max=MAX_INGREDIENTS
    )
    return formset(data, initial=initial, prefix=PREFIX, form_kwargs={"foods": foods})


def initial_rows(recipe: Recipe) -> list[dict[str, Any]]:
    return [
        {
            "food": i.food_id,
            "quantity": format_number(i.quantity if i.portion_id else i.grams),
            "unit": str(i.portion_id) if i.portion_id else GRAMS,
            "note": i.note,
        }
        for i in recipe.ingredients.all()
    ]


def posted_rows(data: QueryDict) -> list[dict[str, Any]]:
    """The rows as typed (whatever their state), in order."""
    count = min(_int(data.get(f"{PREFIX}-TOTAL_FORMS")) or 0, MAX_INGREDIENTS)
    rows = []
    for n in range(count):
        food = _int(data.get(f"{PREFIX}-{n}-food"))
        if food is None:
            continue
        rows.append(
            {
                "food": food,
                "quantity": data.get(f"{PREFIX}-{n}-quantity", ""),
                "unit": data.get(f"{PREFIX}-{n}-unit", GRAMS),
                "note": data.get(f"{PREFIX}-{n}-note", ""),
            }
        )
    return rows


def new_row(food: Food) -> dict[str, Any]:
    """One click on a food: one of its first portion, else 100 g."""
    portions = list(food.portions.all())
    if portions:
        return {"food": food.pk, "quantity": 1, "unit": str(portions[0].pk), "note": ""}
    return {"food": food.pk, "quantity": 100, "unit": GRAMS, "note": ""}


@dataclass(frozen=True)
class DraftRow:
    food: Food
    grams: Decimal | None
    macros: Macros


def draft_rows(rows: list[dict[str, Any]], foods: dict[int, Food]) -> list[DraftRow]:
    """Rows read leniently for the live macros: an amount that isn't (yet) a sensible
    number counts as nothing."""
    result = []
    for row in rows:
        food = foods.get(row["food"])
        if food is None:
            continue
        quantity = _decimal(row["quantity"])
        grams: Decimal | None = None
        if quantity is not None and quantity > 0:
            if row["unit"] == GRAMS:
                grams = quantity
            else:
                portion = next((p for p in food.portions.all() if str(p.pk) == row["unit"]), None)
                grams = quantity * portion.grams if portion else None
        if grams is not None and grams > MAX_INGREDIENT_GRAMS:
            grams = None
        result.append(DraftRow(food, grams, food_macros(food, grams) if grams else Macros()))
    return result


def servings_from(value: Any) -> int:
    servings = _int(value)
    return servings if servings and 1 <= servings <= 100 else 1
