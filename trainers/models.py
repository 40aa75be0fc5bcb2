from __future__ import annotations

import zoneinfo
from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.timezone import localdate

from fitnesspr.tenancy import TrainerScopedQuerySet


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
        ]

    def __str__(self) -> str:
        return self.business_name

    def today(self) -> date:
        """Today's date where the trainer works: the calendar their clients train on."""
        return localdate(timezone=zoneinfo.ZoneInfo(self.timezone))
