"""The billing pages' forms. They check shapes and turn what a person types (120.50,
20 %) into what the services take (minor units, basis points); the rules live in the
services."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django import forms
from django.db.models import QuerySet

from billing.models import MANUAL_METHODS, Package, PackageInterval, PaymentKind
from billing.money import MAX_MAJOR, exponent, from_minor, percent_to_bp, to_minor
from clients.models import Client
from fitnesspr.dates import WindowDateField
from fitnesspr.forms import IdChoiceField
from fitnesspr.text import TEXT_MAX

#: service argument names -> the form fields a person typed them in
SERVICE_NAMES = {
    "price_minor": "price",
    "unit_price_minor": "unit_price",
    "discount_bp": "discount",
    "tax_rate_bp": "tax_rate",
    "amount_minor": "amount",
    "default_tax_rate_bp": "default_tax_rate",
}

DATE_WIDGET = forms.DateInput(attrs={"type": "date", "min": "2000-01-01", "max": "2100-12-31"})


def _date_field(**kwargs: Any) -> WindowDateField:
    return WindowDateField(widget=DATE_WIDGET, **kwargs)


class AmountField(forms.DecimalField):
    """An amount in major units ("120.50"); the form turns it into minor units."""

    def __init__(self, *, currency: str = "USD", **kwargs: Any) -> None:
        super().__init__(min_value=Decimal(0), max_value=MAX_MAJOR, **kwargs)
        self.currency = currency
        self.widget.attrs.update({"inputmode": "decimal", "step": "any"})

    def to_minor(self, value: Decimal | None) -> int | None:
        if value is None:
            return None
        try:
            return to_minor(value, self.currency)
        except ValueError as exc:
            raise forms.ValidationError(str(exc)) from exc


class PercentField(forms.DecimalField):
    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("initial", Decimal(0))
        super().__init__(min_value=Decimal(0), max_value=Decimal(100), decimal_places=2, **kwargs)
        self.widget.attrs.update({"inputmode": "decimal", "step": "0.01"})


class CurrencyForm(forms.Form):
    """A form whose amount fields are in one currency; `clean()` leaves minor units."""

    def __init__(self, *args: Any, currency: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.currency = currency
        for name, field in self.fields.items():
            if isinstance(field, AmountField):
                field.currency = currency
                field.label = f"{field.label or name.replace('_', ' ').capitalize()} ({currency})"
                if exponent(currency) == 0:
                    field.widget.attrs["step"] = "1"

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name, field in self.fields.items():
            if isinstance(field, AmountField) and name in data:
                try:
                    data[name] = field.to_minor(data[name])
                except forms.ValidationError as exc:
                    self.add_error(name, exc)
        for name, field in self.fields.items():
            if isinstance(field, PercentField) and data.get(name) is not None:
                data[name] = percent_to_bp(data[name])
        return data

    @staticmethod
    def major(amount_minor: int | None, currency: str) -> Decimal | None:
        return None if amount_minor is None else from_minor(amount_minor, currency)


class PackageForm(CurrencyForm):
    name = forms.CharField(max_length=120, help_text="e.g. “10 sessions” or “Monthly coaching”.")
    price = AmountField(help_text="For one package; you set the quantity on the invoice.")
    interval = forms.ChoiceField(
        label="Sold", choices=PackageInterval.choices, initial=PackageInterval.ONE_OFF
    )
    sessions_included = forms.IntegerField(
        label="Sessions included", min_value=1, max_value=1000, required=False
    )
    description = forms.CharField(
        max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3}), required=False
    )

    @classmethod
    def initial_for(cls, package: Package) -> dict[str, Any]:
        return {
            "name": package.name,
            "price": cls.major(package.price_minor, package.currency),
            "interval": package.interval,
            "sessions_included": package.sessions_included,
            "description": package.description,
        }

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["price_minor"] = data.pop("price")
        return data


class InvoiceForm(CurrencyForm):
    """A draft's header; on a new invoice also a first line from a package."""

    client = IdChoiceField(queryset=Client.objects.none(), empty_label="Pick a client")
    package = IdChoiceField(
        queryset=Package.objects.none(),
        required=False,
        empty_label="No package: I'll add lines next",
        label="First line from a package",
    )
    quantity = forms.IntegerField(min_value=1, max_value=10000, initial=1, required=False)
    due_date = _date_field(required=False, help_text="Empty: set from your payment terms on issue.")
    tax_rate = PercentField(label="Tax rate (%)", required=False)
    notes = forms.CharField(
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="Printed on the invoice.",
    )

    def __init__(
        self,
        *args: Any,
        clients: QuerySet[Client],
        packages: QuerySet[Package] | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["client"].queryset = clients  # type: ignore[attr-defined]
        if packages is None:  # editing a draft: its lines have their own form
            del self.fields["package"], self.fields["quantity"]
        else:
            self.fields["package"].queryset = packages  # type: ignore[attr-defined]

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["tax_rate_bp"] = data.pop("tax_rate")
        if data["tax_rate_bp"] is None:
            del data["tax_rate_bp"]
        package = data.pop("package", None)
        quantity = data.pop("quantity", None) or 1
        if "package" in self.fields:
            data["lines"] = [{"package": package, "quantity": quantity}] if package else []
        return data


class LineForm(CurrencyForm):
    package = IdChoiceField(
        queryset=Package.objects.none(), required=False, empty_label="Free text (no package)"
    )
    description = forms.CharField(
        max_length=200, required=False, help_text="Empty with a package: the package's name."
    )
    quantity = forms.IntegerField(min_value=1, max_value=10000, initial=1)
    unit_price = AmountField(required=False, help_text="Empty with a package: its price.")
    discount = PercentField(label="Discount (%)", required=False)

    def __init__(self, *args: Any, packages: QuerySet[Package], **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "line")
        super().__init__(*args, **kwargs)
        self.fields["package"].queryset = packages  # type: ignore[attr-defined]

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["unit_price_minor"] = data.pop("unit_price")
        data["discount_bp"] = data.pop("discount") or 0
        return data


class PaymentForm(CurrencyForm):
    kind = forms.ChoiceField(
        choices=PaymentKind.choices, initial=PaymentKind.PAYMENT, widget=forms.HiddenInput
    )
    amount = AmountField()
    method = forms.ChoiceField(choices=MANUAL_METHODS, label="How")
    received_on = _date_field(label="Date")
    reference = forms.CharField(max_length=120, required=False, help_text="e.g. a bank reference.")
    notes = forms.CharField(
        max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 2}), required=False
    )
    send_receipt = forms.BooleanField(
        label="Email the client a receipt", required=False, initial=True
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = today
        self.fields["received_on"].widget.attrs["max"] = today.isoformat()

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["amount_minor"] = data.pop("amount")
        return data


class BillingProfileForm(forms.Form):
    legal_name = forms.CharField(max_length=200, required=False, label="Name on invoices")
    address = forms.CharField(
        max_length=TEXT_MAX, widget=forms.Textarea(attrs={"rows": 3}), required=False
    )
    email = forms.EmailField(required=False, label="Billing email")
    phone = forms.CharField(max_length=32, required=False)
    tax_id = forms.CharField(max_length=64, required=False, label="Tax or VAT number")
    payment_instructions = forms.CharField(
        max_length=TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text="How to pay you by bank transfer; printed on every invoice.",
    )
    payment_terms_days = forms.IntegerField(
        min_value=0, max_value=365, initial=14, label="Payment terms (days after issue)"
    )
    default_tax_rate = PercentField(label="Default tax rate (%)")
    invoice_footer = forms.CharField(max_length=300, required=False, help_text="e.g. “Thank you!”")

    def service_fields(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data["default_tax_rate_bp"] = percent_to_bp(data.pop("default_tax_rate"))
        return data
