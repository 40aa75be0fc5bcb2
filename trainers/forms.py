from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from fitnesspr.forms import decimal_errors, timezone_choices
from fitnesspr.units import IMPERIAL, KG_PER_LB, format_number, kg_to_display
from trainers.models import Currency, Trainer, UnitSystem


class BusinessFieldsForm(forms.Form):
    business_name = forms.CharField(
        max_length=120,
        help_text="Your clients see this name in their portal.",
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    timezone = forms.ChoiceField(
        label="Time zone",
        choices=timezone_choices,
        initial="UTC",
        help_text="Dates and times are shown in it.",
    )
    unit_system = forms.ChoiceField(
        label="Units", choices=UnitSystem.choices, initial=UnitSystem.METRIC
    )
    currency = forms.ChoiceField(
        choices=Currency.choices,
        initial=Currency.USD,
        help_text="Used for your prices and invoices.",
    )


class BusinessProfileForm(BusinessFieldsForm):
    plate_increment = forms.DecimalField(
        label="Plate increment",
        required=False,
        max_digits=6,
        decimal_places=2,
        min_value=Decimal("0.25"),
        max_value=Decimal("25"),
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
        help_text=(
            "The smallest jump in load at your gym, in the units above. Loads worked out "
            "from a % of 1RM round to it. Empty: 2.5 kg, or 5 lb."
        ),
        error_messages={
            **decimal_errors(
                invalid="Enter a number, like 2.5.",
                too_big="Enter at most 25.",
                places="Give it to 2 decimals at most, like 1.25.",
            ),
            "min_value": "Enter at least 0.25.",
            "max_value": "Enter at most 25.",
        },
    )

    @classmethod
    def for_trainer(cls, trainer: Trainer, data: Any = None) -> BusinessProfileForm:
        initial = {name: getattr(trainer, name) for name in BusinessFieldsForm.base_fields}
        initial["plate_increment"] = format_number(
            kg_to_display(trainer.plate_increment_kg, trainer.unit_system, places="0.01")
        )
        return cls(data=data, initial=initial)

    def service_fields(self) -> dict[str, Any]:
        """cleaned_data as trainer_update takes it: the increment in kg, read in the
        units chosen on the same form."""
        data = dict(self.cleaned_data)
        typed = data.pop("plate_increment")
        per_unit = KG_PER_LB if data["unit_system"] == IMPERIAL else Decimal(1)
        # three decimals in kg, so pounds come back as typed (5 lb = 2.268 kg)
        data["plate_increment_kg"] = (
            None if typed is None else (typed * per_unit).quantize(Decimal("0.001"))
        )
        return data


class SignupForm(BusinessFieldsForm):
    field_order = ["first_name", "last_name", "email", "password1", "password2"]

    first_name = forms.CharField(
        max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        max_length=150,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    email = forms.EmailField(
        label="Email address", widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    password1 = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="At least 8 characters, not a common or all-numeric password.",
    )
    password2 = forms.CharField(
        label="Password again",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_password2(self) -> str:
        password1 = self.cleaned_data.get("password1")
        password2: str = self.cleaned_data["password2"]
        if password1 and password1 != password2:
            raise forms.ValidationError("The two passwords don't match.")
        return password2
