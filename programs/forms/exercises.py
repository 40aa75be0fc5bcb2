from __future__ import annotations

from typing import Any

from django import forms

from fitnesspr.forms import IdMultipleChoiceField
from fitnesspr.text import TEXT_MAX
from programs.models import Exercise, ExerciseCategory
from programs.models.library import EXERCISE_FIELDS, EXERCISE_MANY_FIELDS
from programs.selectors.exercises import equipment_list, muscle_group_list


class ExerciseForm(forms.Form):
    """Shapes only; exercise_create/exercise_update decide what is allowed."""

    name = forms.CharField(max_length=120)
    aliases = forms.CharField(
        label="Other names",
        max_length=255,
        required=False,
        help_text="Comma-separated, e.g. “RDL, Romanian deadlift”. Search finds these too.",
    )
    category = forms.ChoiceField(choices=ExerciseCategory.choices)
    primary_muscles = IdMultipleChoiceField(
        queryset=muscle_group_list(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="The muscles that do most of the work.",
    )
    secondary_muscles = IdMultipleChoiceField(
        queryset=muscle_group_list(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Muscles that help or stabilise.",
    )
    equipment = IdMultipleChoiceField(
        queryset=equipment_list(), required=False, widget=forms.CheckboxSelectMultiple
    )
    instructions = forms.CharField(
        max_length=TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="A few sentences your clients read before the set.",
    )
    video_url = forms.URLField(
        label="Video link",
        required=False,
        assume_scheme="https",
        max_length=200,
        help_text="A web link (http or https), e.g. a YouTube or Vimeo video.",
    )
    is_unilateral = forms.BooleanField(
        label="One side at a time (unilateral)",
        required=False,
    )

    @classmethod
    def initial_for(cls, exercise: Exercise) -> dict[str, Any]:
        return {
            name: list(getattr(exercise, name).all())
            if name in EXERCISE_MANY_FIELDS
            else getattr(exercise, name)
            for name in EXERCISE_FIELDS
        }

    def service_fields(self) -> dict[str, Any]:
        return dict(self.cleaned_data)
