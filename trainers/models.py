from __future__ import annotations

import zoneinfo
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.timezone import localdate

from fitnesspr.constraints import between, choices_check, range_check
from fitnesspr.tenancy import TrainerScopedQuerySet
from fitnesspr.units import IMPERIAL, KG_PER_LB


class UnitSystem(models.TextChoices):
    METRIC = "metric", "Metric (kg, cm)"
    IMPERIAL = "imperial", "Imperial (lb, in)"


class Currency(models.TextChoices):
    USD = "USD", "US dollar"
    EUR = "EUR", "Euro"
    GBP = "GBP", "Pound sterling"
    CAD = "CAD", "Canadian dollar"
    AUD = "AUD", "Australian dollar"
    NZD = "NZD", "New Zealand dollar"
    CHF = "CHF", "Swiss franc"
    SEK = "SEK", "Swedish krona"
    NOK = "NOK", "Norwegian krone"
    DKK = "DKK", "Danish krone"
    PLN = "PLN", "Polish złoty"
    JPY = "JPY", "Japanese yen"
    INR = "INR", "Indian rupee"
    BRL = "BRL", "Brazilian real"
    MXN = "MXN", "Mexican peso"
    ZAR = "ZAR", "South African rand"


def validate_timezone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError("%(value)s is not a known time zone.", params={"value": value})


#: the smallest jump in load when none is set: two of the lightest common plates
DEFAULT_PLATE_INCREMENT_KG = {"metric": Decimal("2.5"), "imperial": 5 * KG_PER_LB}
PLATE_INCREMENT_BOUNDS_KG = (Decimal("0.1"), Decimal("25"))


class TrainerQuerySet(TrainerScopedQuerySet):
    trainer_path = "pk"

    def for_trainer(self, trainer: Trainer) -> TrainerQuerySet:
        return self.filter(pk=trainer.pk)

    def for_client(self, client: object) -> TrainerQuerySet:
        return self.filter(pk=client.trainer_id)  # type: ignore[attr-defined]


class Trainer(models.Model):
    """A personal trainer's business profile; owns clients, programs, plans, invoices."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="trainer_profile"
    )
    business_name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=140, unique=True)
    timezone = models.CharField(max_length=64, default="UTC", validators=[validate_timezone])
    unit_system = models.CharField(
        max_length=10, choices=UnitSystem.choices, default=UnitSystem.METRIC
    )
    currency = models.CharField(max_length=3, choices=Currency.choices, default=Currency.USD)
    plate_increment_kg = models.DecimalField(
        max_digits=6,
        decimal_places=3,
        null=True,
        blank=True,
        validators=between(*PLATE_INCREMENT_BOUNDS_KG),
        help_text="Loads worked out from a % of 1RM round to this step. Empty: 2.5 kg / 5 lb.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TrainerQuerySet.as_manager()

    class Meta:
        ordering = ["business_name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(unit_system__in=["metric", "imperial"]),
                name="trainer_unit_system_valid",
            ),
            models.CheckConstraint(
                condition=~models.Q(business_name=""), name="trainer_business_name_set"
            ),
            range_check(
                "plate_increment_kg",
                *PLATE_INCREMENT_BOUNDS_KG,
                name="trainer_plate_increment_range",
                nullable=True,
            ),
        ]

    def __str__(self) -> str:
        return self.business_name

    @property
    def load_step_kg(self) -> Decimal:
        """The step loads round to: the trainer's own, else 2.5 kg (5 lb in pounds)."""
        if self.plate_increment_kg:
            return self.plate_increment_kg
        return DEFAULT_PLATE_INCREMENT_KG["imperial" if self.unit_system == IMPERIAL else "metric"]

    def today(self) -> date:
        """Today's date where the trainer works: the calendar their clients train on."""
        return localdate(timezone=zoneinfo.ZoneInfo(self.timezone))


class EmailKind(models.TextChoices):
    WELCOME = "welcome", "Welcome to the portal"
    INVOICE_ISSUED = "invoice_issued", "Invoice issued"
    PAYMENT_RECEIPT = "payment_receipt", "Payment receipt"
    INVOICE_OVERDUE = "invoice_overdue", "Invoice overdue"
    WORKOUT_REMINDER = "workout_reminder", "Workout reminder"
    CHECK_IN_DUE = "check_in_due", "Check-in due"
    REPORT_READY = "report_ready", "Progress report ready"
    WEEKLY_SUMMARY = "weekly_summary", "Weekly summary"


class EmailStatus(models.TextChoices):
    QUEUED = "queued", "Waiting to be sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Could not be sent"


class OutboundEmailQuerySet(TrainerScopedQuerySet):
    trainer_path = "trainer"


class OutboundEmail(models.Model):
    """One email a trainer's business sends (the outbox). Written once, with its content
    rendered, under a unique `key` naming what it is about ("welcome:client:42",
    "reminder:client:42:2026-03-02"): queueing the same key twice, a retry or a worker
    killed mid-send still sends it once. Failures stay visible to the trainer."""

    trainer = models.ForeignKey(Trainer, on_delete=models.CASCADE, related_name="emails")
    key = models.CharField(max_length=200, unique=True)
    kind = models.CharField(max_length=20, choices=EmailKind.choices)
    to_email = models.EmailField("to", max_length=254)
    subject = models.CharField(max_length=200)
    text_body = models.TextField()
    html_body = models.TextField(blank=True)
    #: one-click unsubscribe (reminders): sent as List-Unsubscribe
    unsubscribe_url = models.URLField(max_length=500, blank=True)
    #: the text holds a secret (a PIN): it is wiped once the email is sent
    has_secret = models.BooleanField(default=False)
    status = models.CharField(max_length=8, choices=EmailStatus.choices, default=EmailStatus.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutboundEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["trainer", "status", "-created_at"], name="email_trainer_status")
        ]
        constraints = [
            choices_check("kind", EmailKind.values, name="email_kind_valid"),
            choices_check("status", EmailStatus.values, name="email_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.to_email}"
