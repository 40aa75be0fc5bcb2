"""The portal's diary forms: tick a planned item (eaten, another amount, skipped, undo)
and add a food eaten off-plan. Shapes only; nutrition.services.diary decides the rest
(no future day, only the plan's own items, sensible amounts)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms

from fitnesspr.dates import WindowDateField
from nutrition.forms import id_field, row_id
from nutrition.models import EARLIEST_DAY

GRAMS = "g"
ACTIONS = [("eaten", "Eaten"), ("skipped", "Skipped"), ("amount", "Other amount"), ("undo", "Undo")]
LAST_DAY = date(2100, 12, 31)


class DayField(WindowDateField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(widget=forms.HiddenInput, **kwargs)

    def validate(self, value: Any) -> None:
        super().validate(value)
        if value is not None and not EARLIEST_DAY <= value <= LAST_DAY:
            raise forms.ValidationError("Pick a day between 2000 and 2100.")


def _amount(**kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        max_digits=8,
        decimal_places=2,
        widget=forms.NumberInput(attrs={"step": "any", "min": 0, "inputmode": "decimal"}),
        **kwargs,
    )


class TickForm(forms.Form):
    day = DayField()
    action = forms.ChoiceField(choices=ACTIONS)
    quantity = _amount(required=False, label="How much")
    unit = forms.CharField(required=False, max_length=12)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if (
            data.get("action") == "amount"
            and data.get("quantity") is None
            and "quantity" not in self.errors
        ):
            self.add_error("quantity", "How much did you have? Enter a number.")
        return data

    def amount(self) -> dict[str, Any]:
        """servings / grams / portion+quantity for diary_tick ({} = as planned)."""
        data = self.cleaned_data
        if data.get("action") != "amount":
            return {}
        return amount_of(data.get("unit") or "", data["quantity"])


class OffPlanForm(forms.Form):
    day = DayField()
    food = id_field()
    quantity = _amount(label="How much")
    unit = forms.CharField(required=False, max_length=12)
    meal = forms.CharField(max_length=60)

    def amount(self) -> dict[str, Any]:
        return amount_of(self.cleaned_data.get("unit") or "", self.cleaned_data["quantity"])


class DiaryAmountForm(forms.Form):
    quantity = _amount(label="How much")
    unit = forms.CharField(required=False, max_length=12)

    def amount(self) -> dict[str, Any]:
        return amount_of(self.cleaned_data.get("unit") or "", self.cleaned_data["quantity"])


def amount_of(unit: str, quantity: Decimal) -> dict[str, Any]:
    """The unit picked ("servings", "g" or a portion's id) as the services' arguments."""
    if unit == "servings":
        return {"servings": quantity}
    if unit in ("", GRAMS):
        return {"grams": quantity}
    # not a portion of anything (-1): the service says so
    return {"portion": row_id(unit) or -1, "quantity": quantity}


#: service field -> the form field it is shown on
AMOUNT_FIELDS = {"servings": "quantity", "grams": "quantity", "portion": "unit", "eaten_on": "day"}
