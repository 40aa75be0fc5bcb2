"""How a client's progress is followed: the weekly check-in day and the weight goal (the
trainer's choice), whether photos may go in reports and whether a weekly progress report
is made (the client's choices)."""

from __future__ import annotations

from django.db import models

from fitnesspr.constraints import between, choices_check, range_check
from fitnesspr.tenancy import TrainerScopedQuerySet

from .body import MEASUREMENT_RANGES


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class WeightGoal(models.TextChoices):
    NONE = "", "No weight goal"
    LOSE = "lose", "Lose weight"
    MAINTAIN = "maintain", "Keep weight steady"
    GAIN = "gain", "Gain weight"


class ProgressSettingsQuerySet(TrainerScopedQuerySet):
    trainer_path = "client__trainer"
    client_path = "client"
    client_may_write = True  # the photo consent and the weekly report are the client's


class ProgressSettings(models.Model):
    """One row per client, created the first time something is chosen; until then the
    defaults apply (no check-ins, no weight goal, photos stay out of reports)."""

    client = models.OneToOneField(
        "clients.Client", on_delete=models.CASCADE, related_name="progress_settings"
    )
    check_in_weekday = models.PositiveSmallIntegerField(
        choices=Weekday.choices,
        null=True,
        blank=True,
        validators=between(0, 6),
        help_text="The day the weekly check-in is due; empty = no weekly check-ins.",
    )
    weight_goal = models.CharField(
        max_length=8, choices=WeightGoal.choices, default=WeightGoal.NONE, blank=True
    )
    target_weight_kg = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=between(*MEASUREMENT_RANGES["weight_kg"]),
    )
    photos_in_reports = models.BooleanField(
        default=False,
        help_text="The client lets their trainer use progress photos in reports.",
    )
    weekly_report = models.BooleanField(
        default=False,
        help_text="The client asks for a progress report of the past week every Monday.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgressSettingsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "progress settings"
        constraints = [
            range_check("check_in_weekday", 0, 6, name="settings_weekday_range", nullable=True),
            range_check("target_weight_kg", 20, 400, name="settings_target_range", nullable=True),
            choices_check("weight_goal", WeightGoal.values, name="settings_weight_goal_valid"),
        ]

    def __str__(self) -> str:
        return f"Progress settings of {self.client}"
