from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models

from fitnesspr.constraints import between, range_check
from fitnesspr.dates import validate_date_in_window
from fitnesspr.tenancy import LibraryQuerySet, TrainerScopedQuerySet

#: a one-rep max a person can lift: a kilo to a tonne (the set logs' own bounds)
ONE_REP_MAX_BOUNDS_KG = (1, 1000)


class OneRepMaxQuerySet(TrainerScopedQuerySet):
    """Entered by the trainer; the client reads theirs (the portal works loads out)."""

    trainer_path = "client__trainer"
    client_path = "client"


class OneRepMax(models.Model):
    """A client's one-rep max on an exercise, as their trainer entered it (tested, or
    known). A prescription given as a % of 1RM becomes a load from it; without one, from
    the best estimated 1RM of the client's own logged sets (progress.selectors.strength)."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="one_rep_maxes"
    )
    exercise = models.ForeignKey(
        "programs.Exercise", on_delete=models.CASCADE, related_name="one_rep_maxes"
    )
    weight_kg = models.DecimalField(
        max_digits=6, decimal_places=2, validators=between(*ONE_REP_MAX_BOUNDS_KG)
    )
    tested_on = models.DateField(
        validators=[validate_date_in_window],
        null=True,
        blank=True,
        help_text="When it was lifted or tested, if known.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OneRepMaxQuerySet.as_manager()

    class Meta:
        ordering = ["client", "exercise__name"]
        verbose_name = "one-rep max"
        constraints = [
            models.UniqueConstraint(
                fields=["client", "exercise"],
                name="onerepmax_one_per_exercise",
                violation_error_message="This client already has a 1RM for that exercise.",
            ),
            range_check("weight_kg", *ONE_REP_MAX_BOUNDS_KG, name="onerepmax_weight_range"),
            models.CheckConstraint(
                condition=models.Q(tested_on__isnull=True)
                | models.Q(tested_on__gte=date(2000, 1, 1)),
                name="onerepmax_tested_on_range",
                violation_error_message="Give a date from 2000 on.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.client} · {self.exercise} 1RM"

    def clean(self) -> None:
        super().clean()
        if self.tested_on is not None and not date(2000, 1, 1) <= self.tested_on <= date(
            2100, 12, 31
        ):
            raise ValidationError({"tested_on": "Give a date between 2000 and 2100."})
        usable = LibraryQuerySet.usable_by
        if (
            self.client_id
            and self.exercise_id
            and not usable(self.exercise, trainer_id=self.client.trainer_id)
        ):
            raise ValidationError({"exercise": "Pick an exercise from your library."})
