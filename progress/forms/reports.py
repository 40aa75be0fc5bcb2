"""The Progress report form: a preset period ending today, or dates of your own. The
service checks the period's rules; this form turns the choice into two dates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from django import forms

from fitnesspr.dates import WindowDateField
from progress.selectors.body import FIRST_DATE, LAST_DATE

#: preset -> (label, days back from today, today included)
PRESETS: dict[str, tuple[str, int | None]] = {
    "4w": ("Last 4 weeks", 28),
    "3m": ("Last 3 months", 91),
    "1y": ("Last year", 365),
    "custom": ("Dates of my own", None),
}


class ReportRequestForm(forms.Form):
    preset = forms.ChoiceField(
        label="Period",
        choices=[(key, label) for key, (label, _) in PRESETS.items()],
        initial="4w",
        widget=forms.RadioSelect,
    )
    period_start = WindowDateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    period_end = WindowDateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args: Any, today: date, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.today = today
        for name in ("period_start", "period_end"):
            self.fields[name].widget.attrs.update(min=FIRST_DATE.isoformat(), max=today.isoformat())

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        preset = data.get("preset")
        if preset and preset != "custom":
            days = PRESETS[preset][1]
            assert days is not None
            data["period_start"] = self.today - timedelta(days=days - 1)
            data["period_end"] = self.today
            return data
        for name in ("period_start", "period_end"):
            if data.get(name) is None and name not in self.errors:
                self.add_error(name, "Choose a date.")
            elif (value := data.get(name)) and not FIRST_DATE <= value <= LAST_DATE:
                self.add_error(name, "Choose a real date.")
        return data
