"""The food form: shapes only; nutrition.services.foods decides what is allowed."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from nutrition.models import Food, FoodCategory
from nutrition.services.foods import MAX_PORTIONS, PortionInput


def _per_100g(label: str, *, required: bool = False, maximum: int = 100) -> forms.DecimalField:
    return forms.DecimalField(
        label=label,
        required=required,
        min_value=Decimal(0),
        max_value=Decimal(maximum),
        max_digits=5,
        decimal_places=2 if maximum == 100 else 1,
        widget=forms.NumberInput(attrs={"step": "any", "min": 0, "inputmode": "decimal"}),
    )


class FoodForm(forms.Form):
    name = forms.CharField(max_length=160)
    brand = forms.CharField(max_length=120, required=False)
    category = forms.ChoiceField(choices=FoodCategory.choices, initial=FoodCategory.OTHER)
    aliases = forms.CharField(
        label="Other names",
        max_length=500,
        required=False,
        help_text="Comma-separated, e.g. “porridge, oatmeal”. Search finds these too.",
    )
    kcal = _per_100g("Energy (kcal per 100 g)", required=True, maximum=900)
    protein_g = _per_100g("Protein (g per 100 g)")
    carbs_g = _per_100g("Carbohydrate (g per 100 g)")
    fat_g = _per_100g("Fat (g per 100 g)")
    fiber_g = _per_100g("Fibre (g per 100 g)")
    alcohol_g = _per_100g("Alcohol (g per 100 g)")

    @classmethod
    def initial_for(cls, food: Food) -> dict[str, Any]:
        return {name: getattr(food, name) for name in cls.base_fields}

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        for macro in ("protein_g", "carbs_g", "fat_g", "fiber_g", "alcohol_g"):
            data[macro] = data[macro] if data[macro] is not None else Decimal(0)
        return data


class PortionForm(forms.Form):
    name = forms.CharField(
        max_length=80,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": "e.g. 1 slice", "autocomplete": "off"}),
    )
    grams = forms.DecimalField(
        required=False,
        min_value=Decimal("0.1"),
        max_value=Decimal(2000),
        max_digits=6,
        decimal_places=1,
        widget=forms.NumberInput(attrs={"step": "any", "min": 0, "inputmode": "decimal"}),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        name, grams = (data.get("name") or "").strip(), data.get("grams")
        if name and grams is None and "grams" not in self.errors:
            self.add_error("grams", "How many grams is it?")
        if grams is not None and not name:
            self.add_error("name", "Name the portion, e.g. 1 slice.")
        return data


def portion_formset(data: Any = None, food: Food | None = None) -> forms.BaseFormSet:
    """The food's portions plus empty rows to add more."""
    initial = [{"name": p.name, "grams": p.grams} for p in food.portions.all()] if food else []
    formset = forms.formset_factory(
        PortionForm,
        extra=max(1, 3 - len(initial)),
        max_num=MAX_PORTIONS,
        absolute_max=MAX_PORTIONS,
        validate_max=True,
    )
    return formset(data, initial=initial, prefix="portions")


def portions_from(formset: forms.BaseFormSet) -> list[PortionInput]:
    return [
        {"name": f.cleaned_data["name"], "grams": f.cleaned_data["grams"]}
        for f in formset.forms
        if f.cleaned_data.get("name")
    ]
