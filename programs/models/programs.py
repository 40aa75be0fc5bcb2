from __future__ import annotations

import string
from decimal import Decimal
from typing import Self

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from fitnesspr.constraints import between, choices_check, not_blank, range_check
from fitnesspr.durations import format_duration
from fitnesspr.tenancy import LibraryQuerySet, TrainerScopedQuerySet
from fitnesspr.text import TEXT_MAX, text_cap

from .library import Exercise

SUPERSET_LETTERS = list(string.ascii_uppercase)
# RPE is written in half steps (7, 7.5, 8 …); anything finer is noise a client can't feel.
RPE_STEPS = [Decimal(n) / 2 for n in range(2, 21)]
# "3-1-1-0": eccentric, bottom pause, concentric, top pause; X = explosive.
validate_tempo = RegexValidator(
    r"^[0-9X]-[0-9X]-[0-9X]-[0-9X]$", "Write tempo as four digits like 3-1-1-0 (X = explosive)."
)


#: what a trainer prescribes for an exercise on a day (its "dose"), in form order
DOSE_FIELDS = (
    "sets",
    "reps_min",
    "reps_max",
    "duration_seconds",
    "load_kg",
    "load_percent_1rm",
    "rpe",
    "rir",
    "rest_seconds",
    "tempo",
    "notes",
    "superset_group",
)


#: a timed set lasts from a second to two hours (a long row or ride)
MAX_DURATION_SECONDS = 7200
DURATION_VALIDATORS = [
    MinValueValidator(1, "A time is at least 1 second."),
    MaxValueValidator(MAX_DURATION_SECONDS, "A time goes up to 2 hours (120 min)."),
]
NO_DOSE = "Give reps (8 or 8-12) or a time (30 s)."
TWO_DOSES = "Give reps or a time, not both."


def validate_rpe_step(value: Decimal) -> None:
    if value is not None and value not in RPE_STEPS:
        raise ValidationError("RPE goes in half steps from 1 to 10.")


class ProgramGoal(models.TextChoices):
    GENERAL = "general", "General fitness"
    STRENGTH = "strength", "Strength"
    HYPERTROPHY = "hypertrophy", "Muscle gain"
    FAT_LOSS = "fat_loss", "Fat loss"
    ENDURANCE = "endurance", "Endurance"
    MOBILITY = "mobility", "Mobility"
    SPORT = "sport", "Sport performance"


class ProgramQuerySet(TrainerScopedQuerySet):
    trainer_path = "trainer"
    client_path = "client"

    def templates(self) -> Self:
        return self.filter(is_template=True)


class Program(models.Model):
    """A training program. Templates belong to the trainer; assigning one gives the
    client their own copy (client set, `source` = the template) they can't disturb."""

    trainer = models.ForeignKey(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="programs"
    )
    client = models.ForeignKey(
        "clients.Client",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="programs",
        help_text="Set on a client's own copy made by assignment.",
    )
    name = models.CharField(max_length=120)
    goal = models.CharField(max_length=12, choices=ProgramGoal.choices, default=ProgramGoal.GENERAL)
    description = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    duration_weeks = models.PositiveSmallIntegerField(default=4, validators=between(1, 52))
    is_template = models.BooleanField(default=False)
    source = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="copies"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["trainer", "is_template"], name="program_trainer_template")]
        constraints = [
            range_check("duration_weeks", 1, 52, name="program_duration_range"),
            models.CheckConstraint(
                condition=~models.Q(is_template=True, client__isnull=False),
                name="program_template_has_no_client",
                violation_error_message="A template can't belong to a client.",
            ),
            not_blank("name", name="program_name_set"),
            choices_check("goal", ProgramGoal.values, name="program_goal_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        client, source = self.client, self.source
        if client is not None and self.trainer_id and client.trainer_id != self.trainer_id:
            raise ValidationError({"client": "This client belongs to another trainer."})
        if source is not None and self.trainer_id and source.trainer_id != self.trainer_id:
            raise ValidationError({"source": "Copy only from your own programs."})


class ProgramDayQuerySet(TrainerScopedQuerySet):
    trainer_path = "program__trainer"
    client_path = "program__client"


class ProgramDay(models.Model):
    """A training day in a week of a program. Weeks are plain numbers and a day with no
    row is a rest day, so a program needs no week table."""

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="days")
    week = models.PositiveSmallIntegerField(validators=between(1, 52))
    day = models.PositiveSmallIntegerField(
        validators=between(1, 7), help_text="Position in the week, 1 to 7."
    )
    title = models.CharField(max_length=120, blank=True)
    notes = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)

    objects = ProgramDayQuerySet.as_manager()

    class Meta:
        # By the program's id, not "program" (its name): that joined every program to
        # order the days of a few (a sequential scan of all trainers' programs).
        ordering = ["program_id", "week", "day"]
        constraints = [
            models.UniqueConstraint(
                fields=["program", "week", "day"],
                name="programday_unique_slot",
                violation_error_message="This program already has that day.",
            ),
            range_check("week", 1, 52, name="programday_week_range"),
            range_check("day", 1, 7, name="programday_day_range"),
        ]

    def __str__(self) -> str:
        label = f"Week {self.week} · Day {self.day}"
        return f"{label}: {self.title}" if self.title else label

    def clean(self) -> None:
        super().clean()
        if self.program_id and self.week and self.week > self.program.duration_weeks:
            raise ValidationError(
                {"week": f"The program only runs {self.program.duration_weeks} weeks."}
            )


class PrescribedExerciseQuerySet(TrainerScopedQuerySet):
    trainer_path = "day__program__trainer"
    client_path = "day__program__client"


class PrescribedExercise(models.Model):
    """One exercise on a program day with its dose. Load is absolute kg or a percentage of
    one-rep max, never both; effort is RPE or reps in reserve, never both (they say the
    same thing twice and could contradict each other)."""

    day = models.ForeignKey(ProgramDay, on_delete=models.CASCADE, related_name="exercises")
    exercise = models.ForeignKey(Exercise, on_delete=models.PROTECT, related_name="prescriptions")
    order = models.PositiveSmallIntegerField(default=0)
    superset_group = models.CharField(
        max_length=1,
        blank=True,
        validators=[RegexValidator(r"^[A-Z]$", "Use one capital letter.")],
        help_text="Exercises sharing a letter are done back to back.",
    )
    sets = models.PositiveSmallIntegerField(default=3, validators=between(1, 20))
    reps_min = models.PositiveSmallIntegerField(
        default=8, null=True, blank=True, validators=between(1, 100)
    )
    reps_max = models.PositiveSmallIntegerField(null=True, blank=True, validators=between(1, 100))
    duration_seconds = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=DURATION_VALIDATORS,
        help_text="A timed exercise: how long each set lasts (then no reps).",
    )
    load_kg = models.DecimalField(
        max_digits=6, decimal_places=2, null=True, blank=True, validators=between(0, 1000)
    )
    load_percent_1rm = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, validators=between(1, 120)
    )
    rpe = models.DecimalField(
        max_digits=3, decimal_places=1, null=True, blank=True, validators=[validate_rpe_step]
    )
    rir = models.PositiveSmallIntegerField(null=True, blank=True, validators=between(0, 10))
    rest_seconds = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=between(0, 1800)
    )
    tempo = models.CharField(max_length=7, blank=True, validators=[validate_tempo])
    notes = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)

    objects = PrescribedExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["day", "order", "pk"]
        constraints = [
            range_check("sets", 1, 20, name="prescribed_sets_range"),
            range_check("reps_min", 1, 100, name="prescribed_reps_min_range", nullable=True),
            models.CheckConstraint(
                condition=models.Q(reps_max__isnull=True)
                | models.Q(reps_max__gte=models.F("reps_min"), reps_max__lte=100),
                name="prescribed_reps_max_range",
                violation_error_message="Maximum reps must be at least the minimum (and ≤ 100).",
            ),
            range_check(
                "duration_seconds",
                1,
                MAX_DURATION_SECONDS,
                name="prescribed_duration_range",
                nullable=True,
            ),
            models.CheckConstraint(
                condition=models.Q(reps_min__isnull=False, duration_seconds__isnull=True)
                | models.Q(
                    reps_min__isnull=True, reps_max__isnull=True, duration_seconds__isnull=False
                ),
                name="prescribed_reps_or_duration",
                violation_error_message=TWO_DOSES,
            ),
            range_check("load_kg", 0, 1000, name="prescribed_load_kg_range", nullable=True),
            range_check(
                "load_percent_1rm", 1, 120, name="prescribed_load_pct_range", nullable=True
            ),
            models.CheckConstraint(
                condition=models.Q(load_kg__isnull=True) | models.Q(load_percent_1rm__isnull=True),
                name="prescribed_one_load_kind",
                violation_error_message="Give the load in kg or as a percentage of 1RM, not both.",
            ),
            models.CheckConstraint(
                condition=models.Q(rpe__isnull=True) | models.Q(rpe__in=RPE_STEPS),
                name="prescribed_rpe_steps",
                violation_error_message="RPE goes in half steps from 1 to 10.",
            ),
            range_check("rir", 0, 10, name="prescribed_rir_range", nullable=True),
            models.CheckConstraint(
                condition=models.Q(rpe__isnull=True) | models.Q(rir__isnull=True),
                name="prescribed_one_effort_kind",
                violation_error_message="Give effort as RPE or as reps in reserve, not both.",
            ),
            range_check("rest_seconds", 0, 1800, name="prescribed_rest_range", nullable=True),
            models.CheckConstraint(
                condition=models.Q(superset_group="")
                | models.Q(superset_group__in=SUPERSET_LETTERS),
                name="prescribed_superset_letter",
                violation_error_message="A superset group is one capital letter.",
            ),
        ]

    def __str__(self) -> str:
        if self.duration_seconds is not None:
            return f"{self.exercise} {self.sets} x {format_duration(self.duration_seconds)}"
        reps = f"{self.reps_min}-{self.reps_max}" if self.reps_max else f"{self.reps_min}"
        return f"{self.exercise} {self.sets} x {reps}"

    @property
    def is_timed(self) -> bool:
        return self.duration_seconds is not None

    def clean(self) -> None:
        super().clean()
        # Both messages sit on reps_min (the form's one "Reps or time" input), which also
        # spares the matching constraint from repeating them as a form-wide error.
        if self.duration_seconds is None and self.reps_min is None:
            raise ValidationError({"reps_min": NO_DOSE})
        if self.duration_seconds is not None and (
            self.reps_min is not None or self.reps_max is not None
        ):
            raise ValidationError({"reps_min": TWO_DOSES})
        if self.exercise_id and self.day_id:
            trainer_id = self.day.program.trainer_id
            if not LibraryQuerySet.usable_by(self.exercise, trainer_id=trainer_id):
                raise ValidationError({"exercise": "Pick an exercise from your library."})
