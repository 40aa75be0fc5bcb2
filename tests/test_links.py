"""Paths of named pages for each row of a list: what reverse() gives, reversed once."""

from __future__ import annotations

from django.urls import reverse

from fitnesspr.links import path_for_each


def test_a_path_for_each_row_is_what_reverse_gives():
    one = path_for_each("progress:training")
    two = path_for_each("progress:workout_thread", ids=2)
    for a, b in ((1, 2), (7, 987654321), (42, 0), (123456, 1)):
        assert one(a) == reverse("progress:training", args=[a])
        assert two(a, b) == reverse("progress:workout_thread", args=[a, b])
    assert path_for_each("billing:invoice")(9) == reverse("billing:invoice", args=[9])
