from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms

from clients.models import Client, ClientStatus
from fitnesspr.dates import BirthDateField
from fitnesspr.forms import timezone_choices
from fitnesspr.text import TEXT_MAX
from trainers.models import UnitSystem

CM_PER_INCH = Decimal("2.54")
#: the model's height bounds (cm), restated in the unit the trainer types
HEIGHT_BOUNDS_CM = (Decimal(50), Decimal(272))
#: service field -> form field, for errors a service reports
SERVICE_FIELD_NAMES = {"height_cm": "height"}
NO_AUTOFILL = {"autocomplete": "off"}


def _to_inches(cm: Decimal) -> Decimal:
    return (cm / CM_PER_INCH).quantize(Decimal("0.1"))


class ClientForm(forms.Form):
    """Shapes only; client_create/client_update decide what is allowed."""

    # autocomplete off: the browser would offer the trainer's own name and email here
    first_name = forms.CharField(max_length=150, widget=forms.TextInput(attrs=NO_AUTOFILL))
    last_name = forms.CharField(
        max_length=150, required=False, widget=forms.TextInput(attrs=NO_AUTOFILL)
    )
    email = forms.EmailField(
        label="Email address",
        help_text="Your client signs in to the portal with this address.",
        widget=forms.EmailInput(attrs=NO_AUTOFILL),
    )
    phone = forms.CharField(
        max_length=32, required=False, widget=forms.TextInput(attrs={"type": "tel", **NO_AUTOFILL})
    )
    date_of_birth = BirthDateField(
        required=False, widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    height = forms.DecimalField(required=False)  # replaced per trainer's units in __init__
    goals = forms.CharField(
        max_length=TEXT_MAX, required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    notes = forms.CharField(
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Private: only you see these notes.",
    )
    status = forms.ChoiceField(
        choices=[(ClientStatus.ACTIVE, "Active"), (ClientStatus.PAUSED, "Paused")],
        help_text="Paused clients keep portal access; archive a client to end it.",
    )
    email_pin = forms.BooleanField(
        label="Email the PIN to the client as well",
        required=False,
        help_text="The welcome email always says where to sign in. Tick this to put the "
        "PIN in it too; otherwise hand the PIN over yourself.",
    )

    def __init__(self, *args: Any, unit_system: str, with_status: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.imperial = unit_system == UnitSystem.IMPERIAL
        low, high = HEIGHT_BOUNDS_CM
        if self.imperial:
            low, high = _to_inches(low), _to_inches(high)
        self.fields["height"] = forms.DecimalField(
            label="Height (inches)" if self.imperial else "Height (cm)",
            required=False,
            max_digits=5,
            decimal_places=1,
            min_value=low,
            max_value=high,
        )
        if with_status:  # editing: the PIN was handed over when the client was added
            del self.fields["email_pin"]
        else:
            del self.fields["status"]

    @classmethod
    def initial_for(cls, client: Client, *, unit_system: str) -> dict[str, Any]:
        height = client.height_cm
        if height is not None and unit_system == UnitSystem.IMPERIAL:
            height = _to_inches(height)
        return {
            "first_name": client.first_name,
            "last_name": client.last_name,
            "email": client.email,
            "phone": client.phone,
            "date_of_birth": client.date_of_birth,
            "height": height,
            "goals": client.goals,
            "notes": client.notes,
            "status": client.status,
        }

    def service_fields(self) -> dict[str, Any]:
        """cleaned_data in the shape the services take (height in cm)."""
        data = dict(self.cleaned_data)
        height = data.pop("height", None)
        if height is not None and self.imperial:
            height = (height * CM_PER_INCH).quantize(Decimal("0.1"))
        data["height_cm"] = height
        return data


class PortalLoginForm(forms.Form):
    """Email + PIN, or the PIN alone on a remembered device. The PIN's format is not
    checked here: every refusal must read the same (PIN_LOGIN_FAILED)."""

    email = forms.EmailField(
        label="Email address",
        widget=forms.EmailInput(attrs={"autocomplete": "email", "autofocus": True}),
    )
    pin = forms.CharField(
        label="PIN",
        max_length=16,
        strip=True,
        widget=forms.PasswordInput(
            attrs={
                "inputmode": "numeric",
                "autocomplete": "one-time-code",
                "pattern": "[0-9]*",
                "class": "pin-input",
            }
        ),
        help_text="The PIN your trainer gave you.",
    )
    remember = forms.BooleanField(
        label="Remember this device",
        required=False,
        help_text="Next time, enter only your PIN. Don't tick this on a shared device.",
    )

    def __init__(self, *args: Any, remembered: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if remembered:  # the device cookie names the client; it is kept fresh on sign-in
            del self.fields["email"]
            del self.fields["remember"]
            self.fields["pin"].widget.attrs["autofocus"] = True


class ReminderSettingsForm(forms.Form):
    """The client's reminder emails (portal). Only shapes here; the service decides."""

    workout_reminders = forms.BooleanField(
        label="Email me on days with a workout I haven't logged", required=False
    )
    workout_reminder_time = forms.TimeField(
        label="At",
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text="The reminders go out at this time, or soon after.",
    )
    check_in_reminders = forms.BooleanField(
        label="Email me on the day my weekly check-in is due", required=False
    )
    timezone = forms.ChoiceField(label="My time zone", required=False)

    def __init__(self, *args: Any, trainer_zone: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        same = ("", f"The same as my trainer's ({trainer_zone.replace('_', ' ')})")
        field = self.fields["timezone"]
        assert isinstance(field, forms.ChoiceField)
        field.choices = [same, *timezone_choices()]


class ClientCsvForm(forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "First row: the column names — first name (or name), last name, email, and "
            "if you have them phone, date of birth (1990-04-21), goals, notes. Up to 1000 "
            "clients."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )


class ClientCsvConfirmForm(forms.Form):
    email_pin = forms.BooleanField(
        required=False,
        label="Email each client their PIN with the welcome email",
        help_text="Otherwise the welcome email says where the portal is, and you hand the "
        "PINs over.",
    )
