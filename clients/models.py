from __future__ import annotations

from datetime import time
from typing import Self
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from fitnesspr.actor import Actor, ActorKind
from fitnesspr.constraints import choices_check
from fitnesspr.dates import validate_birth_date, validate_date_in_window
from fitnesspr.tenancy import TrainerScopedQuerySet
from fitnesspr.text import TEXT_MAX, text_cap
from trainers.models import Trainer, validate_timezone


class ClientStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    PAUSED = "paused", "Paused"
    ARCHIVED = "archived", "Archived"


class ClientQuerySet(TrainerScopedQuerySet):
    trainer_path = "trainer"
    client_path = "pk"

    def for_client(self, client: Client) -> ClientQuerySet:
        # filter(pk=<instance>) is refused by Django, so compare ids.
        return self.filter(pk=client.pk)


class Client(models.Model):
    """A trainer's client. Signs in to the portal with email + PIN; the PIN is stored
    hashed (like a password) and shown to the trainer only at creation and reset."""

    trainer = models.ForeignKey(Trainer, on_delete=models.CASCADE, related_name="clients")
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="client_profile"
    )
    phone = models.CharField(max_length=32, blank=True)
    date_of_birth = models.DateField(validators=[validate_birth_date], null=True, blank=True)
    height_cm = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(50), MaxValueValidator(272)],
    )
    goals = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    notes = models.TextField(
        max_length=TEXT_MAX, validators=[text_cap], blank=True, help_text="Private to the trainer."
    )
    status = models.CharField(
        max_length=10, choices=ClientStatus.choices, default=ClientStatus.ACTIVE
    )
    pin_hash = models.CharField(max_length=128, editable=False)
    #: bumped at every PIN reset; remembered-device cookies carry it, so a reset revokes them
    pin_version = models.PositiveIntegerField(default=1, editable=False)
    failed_pin_attempts = models.PositiveSmallIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    # Wrong PINs typed on the client's remembered device count apart, so failures
    # from elsewhere (someone trying their email) never lock them out of their phone.
    device_failed_pin_attempts = models.PositiveSmallIntegerField(default=0)
    device_locked_until = models.DateTimeField(null=True, blank=True)
    last_login_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ClientQuerySet.as_manager()

    class Meta:
        ordering = ["user__first_name", "user__last_name"]
        indexes = [models.Index(fields=["trainer", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["active", "paused", "archived"]),
                name="client_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(height_cm__isnull=True)
                | models.Q(height_cm__gte=50, height_cm__lte=272),
                name="client_height_range",
            ),
        ]

    def __str__(self) -> str:
        return self.full_name

    def clean(self) -> None:
        super().clean()
        if self.date_of_birth and self.date_of_birth > timezone.localdate():
            raise ValidationError({"date_of_birth": "The date of birth cannot be in the future."})

    @property
    def full_name(self) -> str:
        return self.user.get_full_name()

    @property
    def first_name(self) -> str:
        return self.user.first_name

    @property
    def last_name(self) -> str:
        return self.user.last_name

    @property
    def email(self) -> str:
        return self.user.email

    @property
    def has_portal_access(self) -> bool:
        """An archived client keeps their history but may no longer sign in."""
        return self.status != ClientStatus.ARCHIVED

    @property
    def is_locked(self) -> bool:
        """Signing in with email and PIN is locked (too many wrong PINs)."""
        return self.locked_until is not None and self.locked_until > timezone.now()

    @property
    def is_device_locked(self) -> bool:
        """Signing in on the remembered device is locked (too many wrong PINs there)."""
        return self.device_locked_until is not None and self.device_locked_until > timezone.now()


#: when a workout reminder goes out until the client picks a time
DEFAULT_REMINDER_TIME = time(7, 0)


class ReminderSettingsQuerySet(TrainerScopedQuerySet):
    trainer_path = "client__trainer"
    client_path = "client"
    client_may_write = True  # the client decides which emails they get
    read_only_message = "Reminders are the client's choice: they change them in their portal."

    def writable_by(self, actor: Actor) -> Self:
        # The trainer reads the client's choice but never makes it for them.
        return super().writable_by(actor) if self.may_write(actor) else self.none()

    def may_write(self, actor: Actor) -> bool:
        return actor.kind is not ActorKind.TRAINER


class ReminderSettings(models.Model):
    """The reminder emails a client gets, and when (the client's choice; the trainer
    only reads it). One row per client, created the first time something is chosen;
    until then the defaults apply: both reminders on, workouts at 07:00 in the
    trainer's time zone."""

    client = models.OneToOneField(
        Client, on_delete=models.CASCADE, related_name="reminder_settings"
    )
    workout_reminders = models.BooleanField(
        default=True, help_text="An email on days with a workout not yet logged."
    )
    workout_reminder_time = models.TimeField(
        default=DEFAULT_REMINDER_TIME, help_text="When the workout reminder goes out."
    )
    check_in_reminders = models.BooleanField(
        default=True, help_text="An email on the day the weekly check-in is due."
    )
    timezone = models.CharField(
        max_length=64,
        blank=True,
        validators=[validate_timezone],
        help_text="The client's time zone; empty = the trainer's.",
    )
    #: when the client last turned everything off from an email's unsubscribe link
    unsubscribed_at = models.DateTimeField(null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ReminderSettingsQuerySet.as_manager()

    class Meta:
        verbose_name_plural = "reminder settings"

    def __str__(self) -> str:
        return f"Reminders of {self.client}"

    @property
    def zone_name(self) -> str:
        return self.timezone or self.client.trainer.timezone

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.zone_name)


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    ENDED = "ended", "Ended early"
    REPLACED = "replaced", "Replaced"


class AssignmentQuerySet(TrainerScopedQuerySet):
    trainer_path = "client__trainer"
    client_path = "client"

    def active(self) -> Self:
        return self.filter(status=AssignmentStatus.ACTIVE)


class ClientAssignment(models.Model):
    """Something a client follows from a start date: a program, a meal plan. The client
    gets their own copy, so the trainer can change the template without touching them;
    a client follows one of each kind at a time. Each kind adds the `client` foreign key
    (with its related name), its copy and its source, and `assignment_constraints()`."""

    start_date = models.DateField(
        validators=[validate_date_in_window],
    )
    end_date = models.DateField(validators=[validate_date_in_window], null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=AssignmentStatus.choices, default=AssignmentStatus.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["-start_date", "-pk"]

    @staticmethod
    def assignment_constraints(prefix: str, what: str) -> list[models.BaseConstraint]:
        """One active assignment per client, an end on or after the start, a known status."""
        return [
            models.UniqueConstraint(
                fields=["client"],
                condition=models.Q(status="active"),
                name=f"{prefix}_one_active_per_client",
                violation_error_message=f"This client already has an active {what}.",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name=f"{prefix}_end_after_start",
                violation_error_message="The end date can't be before the start date.",
            ),
            choices_check("status", AssignmentStatus.values, name=f"{prefix}_status_valid"),
        ]
