"""Weights and lengths go in and come out in the viewer's units, and survive the trip."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fitnesspr.units import (
    cm_to_display,
    display_to_cm,
    display_to_kg,
    format_length,
    format_weight,
    kg_to_display,
    length_unit,
    weight_unit,
)

D = Decimal


@pytest.mark.parametrize(
    ("cm", "system", "shown"),
    [
        (D("88.5"), "metric", "88.5 cm"),
        (D("88.0"), "metric", "88 cm"),
        (D("88.5"), "imperial", "34.8 in"),
        (D("2.54"), "imperial", "1 in"),
        (None, "imperial", "—"),
    ],
)
def test_lengths_read_in_the_viewers_unit(cm, system, shown):
    assert format_length(cm, system) == shown


def test_inches_to_cm_and_back():
    assert display_to_cm(D("34.8"), "imperial") == D("88.4")
    assert cm_to_display(D("88.4"), "imperial") == D("34.8")
    assert display_to_cm(D("88.5"), "metric") == D("88.5")
    assert cm_to_display(D("88.5"), "metric") == D("88.5")
    assert display_to_cm(None, "imperial") is None
    assert cm_to_display(None, "metric") is None


def test_pounds_to_kg_and_back():
    assert display_to_kg(D("180"), "imperial") == D("81.65")
    assert kg_to_display(D("81.65"), "imperial") == D("180.0")
    assert format_weight(D("81.65"), "imperial") == "180 lb"
    assert format_weight(D("81.65"), "metric") == "81.65 kg"


def test_unit_names():
    assert (weight_unit("metric"), length_unit("metric")) == ("kg", "cm")
    assert (weight_unit("imperial"), length_unit("imperial")) == ("lb", "in")


@given(st.decimals(min_value=D("2"), max_value=D("120"), places=1))
def test_a_length_typed_in_inches_comes_back_as_typed(inches):
    stored = display_to_cm(inches, "imperial")
    assert cm_to_display(stored, "imperial") == inches


@given(st.decimals(min_value=D("5"), max_value=D("300"), places=1))
def test_a_length_typed_in_cm_comes_back_as_typed(cm):
    assert cm_to_display(display_to_cm(cm, "metric"), "metric") == cm


@given(st.decimals(min_value=D("44"), max_value=D("880"), places=1))
def test_a_weight_typed_in_pounds_comes_back_as_typed(pounds):
    assert kg_to_display(display_to_kg(pounds, "imperial"), "imperial") == pounds
