"""The inputs written without Django's widget templates render the very HTML Django's own
widgets render, whatever the value and the attributes."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms
from django.utils.safestring import mark_safe

from fitnesspr import widgets

VALUES = [None, "", "5", 5, 0, Decimal("62.50"), 'a "quoted" <b>&', mark_safe("<i>"), "élan"]
ATTRS = [
    None,
    {},
    {"id": "id_sets-0-reps", "class": "set-input", "aria-label": 'Set 1 "reps" & <more>'},
    {"required": True, "disabled": False, "pattern": "[0-9]*", "maxlength": 16, "min": 0},
    {"data-x": mark_safe("<safe>"), "autofocus": True},
]
PAIRS = [
    (widgets.TextInput, forms.TextInput),
    (widgets.HiddenInput, forms.HiddenInput),
    (widgets.CheckboxInput, forms.CheckboxInput),
]


@pytest.mark.parametrize(("fast", "django"), PAIRS)
@pytest.mark.parametrize("value", VALUES)
@pytest.mark.parametrize("attrs", ATTRS)
def test_the_same_html_as_django_s_widget(fast, django, value, attrs):
    own = {"inputmode": "numeric", "autocomplete": "off"}
    rendered = fast(attrs=own).render("sets-0-reps", value, attrs=attrs)
    assert rendered == django(attrs=own).render("sets-0-reps", value, attrs=attrs)


@pytest.mark.parametrize("value", [True, False, "on", "", None])
def test_a_checkbox_is_checked_as_django_s(value):
    rendered = widgets.CheckboxInput().render("done", value, attrs={"id": "id_done"})
    assert rendered == forms.CheckboxInput().render("done", value, attrs={"id": "id_done"})


def test_a_form_renders_the_same_through_its_bound_fields():
    class Fast(forms.Form):
        reps = forms.IntegerField(required=False, widget=widgets.TextInput)
        row = forms.IntegerField(widget=widgets.HiddenInput)
        done = forms.BooleanField(required=False, widget=widgets.CheckboxInput)

    class Slow(forms.Form):
        reps = forms.IntegerField(required=False, widget=forms.TextInput)
        row = forms.IntegerField(widget=forms.HiddenInput)
        done = forms.BooleanField(required=False, widget=forms.CheckboxInput)

    for data in ({"reps": "8", "row": "3", "done": "on"}, {"reps": "x"}, None):
        fast, slow = Fast(data, prefix="s-0"), Slow(data, prefix="s-0")
        for name in ("reps", "row", "done"):
            assert str(fast[name]) == str(slow[name])
