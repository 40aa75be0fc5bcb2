from __future__ import annotations

from typing import Self

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Lower

from fitnesspr.constraints import between, choices_check, not_blank, range_check
from fitnesspr.tenancy import TrainerScopedQuerySet
from fitnesspr.text import TEXT_MAX, text_cap
from trainers.models import Currency


class PackageInterval(models.TextChoices):
    ONE_OFF = "one_off", "One-off"
    WEEKLY = "weekly", "Weekly"
    MONTHLY = "monthly", "Monthly"


class PackageQuerySet(TrainerScopedQuerySet):
    trainer_path = "trainer"

    def active(self) -> Self:
        return self.filter(is_active=True)


class Package(models.Model):
    """Something a trainer sells: a block of sessions, or coaching by the week or month.
    Once on an invoice it can be archived (no longer offered) but never deleted."""

    trainer = models.ForeignKey(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="packages"
    )
    name = models.CharField(max_length=120)
    description = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    price_minor = models.BigIntegerField(
        validators=[MinValueValidator(0)], help_text="In minor units (cents)."
    )
    currency = models.CharField(max_length=3, choices=Currency.choices)
    interval = models.CharField(
        max_length=8, choices=PackageInterval.choices, default=PackageInterval.ONE_OFF
    )
    sessions_included = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=between(1, 1000)
    )
    is_active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PackageQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["trainer", "is_active"], name="package_trainer_active")]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "trainer",
                name="package_trainer_name_unique",
                violation_error_message="You already have a package by this name.",
            ),
            not_blank("name", name="package_name_set"),
            models.CheckConstraint(
                condition=models.Q(price_minor__gte=0),
                name="package_price_not_negative",
                violation_error_message="The price can't be negative.",
            ),
            choices_check("currency", Currency.values, name="package_currency_valid"),
            choices_check("interval", PackageInterval.values, name="package_interval_valid"),
            range_check("sessions_included", 1, 1000, name="package_sessions_range", nullable=True),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def terms(self) -> str:
        """What the price buys, in words: "10 sessions", "per month", "8 sessions a week"."""
        sessions = self.sessions_included
        count = f"{sessions} session{'s' if sessions != 1 else ''}" if sessions else ""
        if self.interval == PackageInterval.ONE_OFF:
            return count
        period = "week" if self.interval == PackageInterval.WEEKLY else "month"
        return f"{count} a {period}" if count else f"per {period}"
