"""Weekly check-ins and the threads of replies on them and on logged workouts."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from fitnesspr.constraints import between, not_blank, range_check
from fitnesspr.dates import validate_date_in_window

from .body import MEASUREMENT_RANGES, ClientOwnedQuerySet

#: a check-in's 1-5 scores, with what 1 and 5 mean (forms, the API and pages show these)
SCORES: dict[str, tuple[str, str, str]] = {
    "energy": ("Energy", "very low", "very high"),
    "sleep": ("Sleep", "very poor", "great"),
    "stress": ("Stress", "very low", "very high"),
    "hunger": ("Hunger", "never hungry", "always hungry"),
    "adherence": ("Sticking to the plan", "not at all", "completely"),
}
MAX_TEXT = 2000


def _score(name: str) -> models.PositiveSmallIntegerField[int, int]:
    label, low, high = SCORES[name]
    return models.PositiveSmallIntegerField(
        verbose_name=label, validators=between(1, 5), help_text=f"1 = {low}, 5 = {high}."
    )


class CheckIn(models.Model):
    """A client's weekly check-in: how the week went, in five 1-5 scores and a comment,
    with an optional weight (also recorded as that day's weigh-in) and photos. One per
    check-in week, named by the day it is due (the weekday the trainer chose)."""

    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="check_ins")
    due_on = models.DateField(
        validators=[validate_date_in_window], help_text="The day this week's check-in is due."
    )
    weight_kg = models.DecimalField(
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=between(*MEASUREMENT_RANGES["weight_kg"]),
    )
    energy = _score("energy")
    sleep = _score("sleep")
    stress = _score("stress")
    hunger = _score("hunger")
    adherence = _score("adherence")
    comment = models.TextField(blank=True, max_length=MAX_TEXT)
    submitted_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClientOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-due_on", "-pk"]
        indexes = [models.Index(fields=["client", "submitted_at"], name="checkin_client_submitted")]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "due_on"],
                name="checkin_one_per_week",
                violation_error_message="This week's check-in is already in.",
            ),
            range_check("weight_kg", 20, 400, name="checkin_weight_range", nullable=True),
            *(range_check(name, 1, 5, name=f"checkin_{name}_range") for name in SCORES),
        ]

    def __str__(self) -> str:
        return f"{self.client}: check-in due {self.due_on}"

    @property
    def scores(self) -> list[tuple[str, int, str, str]]:
        """(label, score, what 1 means, what 5 means), in the form's order."""
        return [
            (label, getattr(self, name), low, high) for name, (label, low, high) in SCORES.items()
        ]


class Reply(models.Model):
    """One message in a thread between a client and their trainer, on a check-in or on a
    logged workout. `by_trainer` tells the two sides apart; `read_at` is when the other
    side first saw it."""

    client = models.ForeignKey("clients.Client", on_delete=models.CASCADE, related_name="replies")
    check_in = models.ForeignKey(
        CheckIn, on_delete=models.CASCADE, null=True, blank=True, related_name="replies"
    )
    workout_log = models.ForeignKey(
        "progress.WorkoutLog",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="replies",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    by_trainer = models.BooleanField(help_text="Written by the trainer (else by the client).")
    body = models.TextField(max_length=MAX_TEXT)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)

    objects = ClientOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "replies"
        indexes = [models.Index(fields=["client", "created_at"], name="reply_client_created")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(check_in__isnull=False, workout_log__isnull=True)
                | models.Q(check_in__isnull=True, workout_log__isnull=False),
                name="reply_has_one_subject",
                violation_error_message="A reply is on a check-in or on a workout, not both.",
            ),
            not_blank("body", name="reply_body_set"),
        ]

    def __str__(self) -> str:
        return f"{'Trainer' if self.by_trainer else 'Client'} on {self.subject}"

    @property
    def subject(self) -> models.Model | None:
        return self.check_in or self.workout_log

    def clean(self) -> None:
        super().clean()
        subject = self.check_in or self.workout_log
        if subject is not None and self.client_id and subject.client_id != self.client_id:
            raise ValidationError("The reply and what it answers belong to different clients.")
