from __future__ import annotations

from django import forms


class ImportForm(forms.Form):
    archive = forms.FileField(
        label="Export file (ZIP)",
        help_text="A ZIP made by “Export all my data” in FitnessPr.",
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,application/zip"}),
    )
