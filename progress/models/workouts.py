from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from fitnesspr.constraints import between, choices_check, range_check
from fitnesspr.dates import validate_date_in_window
from fitnesspr.tenancy import LibraryQuerySet, TrainerScopedQuerySet
from fitnesspr.text import TEXT_MAX, text_cap
from programs.models import validate_rpe_step

from .body import ClientOwnedQuerySet

MAX_SET_SECONDS = 86400  # a day: beyond any set, while leaving room for an ultra effort


class WorkoutStatus(models.TextChoices):
    IN_PROGRESS = "in_progress", "In progress"
    COMPLETED = "completed", "Completed"


class WorkoutLog(models.Model):
    """A workout a client did (or is doing), usually a day of their assigned program.
    A free workout has no program day."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="workout_logs"
    )
    assignment = models.ForeignKey(
        "programs.ProgramAssignment",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workout_logs",
    )
    program_day = models.ForeignKey(
        "programs.ProgramDay",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workout_logs",
    )
    performed_on = models.DateField(
        validators=[validate_date_in_window],
    )
    started_at = models.DateTimeField(default=timezone.now)
    completed_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=WorkoutStatus.choices, default=WorkoutStatus.IN_PROGRESS
    )
    notes = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClientOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-performed_on", "-started_at"]
        indexes = [
            models.Index(fields=["client", "performed_on"], name="workout_client_date"),
            models.Index(fields=["client", "status"], name="workout_client_status"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "program_day", "performed_on"],
                condition=models.Q(program_day__isnull=False),
                name="workout_one_per_program_day_date",
                violation_error_message="This workout is already logged for that date.",
            ),
            # A finished workout has a finish time and an unfinished one doesn't, so the
            # status and the timestamp can never tell different stories.
            models.CheckConstraint(
                condition=models.Q(status="completed", completed_at__isnull=False)
                | models.Q(status="in_progress", completed_at__isnull=True),
                name="workout_completed_has_time",
                violation_error_message="A completed workout needs a completion time.",
            ),
            models.CheckConstraint(
                condition=models.Q(completed_at__isnull=True)
                | models.Q(completed_at__gte=models.F("started_at")),
                name="workout_completed_after_start",
                violation_error_message="A workout can't finish before it starts.",
            ),
            choices_check("status", WorkoutStatus.values, name="workout_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.client} · {self.performed_on}"

    def clean(self) -> None:
        super().clean()
        assignment, day = self.assignment, self.program_day
        if not self.client_id:
            return
        if assignment is not None and assignment.client_id != self.client_id:
            raise ValidationError({"assignment": "That assignment belongs to another client."})
        if day is not None:
            if day.program.client_id != self.client_id:
                raise ValidationError({"program_day": "That day isn't in this client's program."})
            if assignment is not None and day.program_id != assignment.program_id:
                raise ValidationError({"program_day": "That day isn't in the assigned program."})


class SetLogQuerySet(TrainerScopedQuerySet):
    trainer_path = "workout_log__client__trainer"
    client_path = "workout_log__client"
    client_may_write = True


class SetLog(models.Model):
    """One set done (or skipped) in a workout. `prescribed` links it to the plan, and
    the exercise may differ from the prescribed one (a substitution)."""

    workout_log = models.ForeignKey(WorkoutLog, on_delete=models.CASCADE, related_name="sets")
    exercise = models.ForeignKey(
        "programs.Exercise", on_delete=models.PROTECT, related_name="set_logs"
    )
    prescribed = models.ForeignKey(
        "programs.PrescribedExercise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="set_logs",
    )
    set_number = models.PositiveSmallIntegerField(validators=between(1, 50))
    reps = models.PositiveSmallIntegerField(null=True, blank=True, validators=between(0, 1000))
    load_kg = models.DecimalField(
        max_digits=6, decimal_places=2, null=True, blank=True, validators=between(0, 1000)
    )
    duration_seconds = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=between(0, MAX_SET_SECONDS),
        help_text="How long a timed set lasted (a plank, a carry, a row).",
    )
    rpe = models.DecimalField(
        max_digits=3, decimal_places=1, null=True, blank=True, validators=[validate_rpe_step]
    )
    is_completed = models.BooleanField(default=True, help_text="Unticked = skipped.")
    notes = models.CharField(max_length=200, blank=True)

    objects = SetLogQuerySet.as_manager()

    class Meta:
        ordering = ["workout_log", "exercise", "set_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["workout_log", "exercise", "set_number"],
                name="setlog_unique_number",
                violation_error_message="This set is already logged.",
            ),
            range_check("set_number", 1, 50, name="setlog_number_range"),
            range_check("reps", 0, 1000, name="setlog_reps_range", nullable=True),
            range_check("load_kg", 0, 1000, name="setlog_load_range", nullable=True),
            range_check(
                "duration_seconds", 0, MAX_SET_SECONDS, name="setlog_duration_range", nullable=True
            ),
            range_check("rpe", 1, 10, name="setlog_rpe_range", nullable=True),
        ]

    def __str__(self) -> str:
        return f"{self.exercise} set {self.set_number}"

    def clean(self) -> None:
        super().clean()
        if not (self.workout_log_id and self.exercise_id):
            return
        trainer_id = self.workout_log.client.trainer_id
        if not LibraryQuerySet.usable_by(self.exercise, trainer_id=trainer_id):
            raise ValidationError({"exercise": "Pick an exercise from the trainer's library."})
        prescribed = self.prescribed
        if prescribed is not None and prescribed.day_id != self.workout_log.program_day_id:
            raise ValidationError({"prescribed": "That prescription isn't part of this workout."})
