from __future__ import annotations

import zoneinfo
from datetime import date
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.timezone import localdate

from fitnesspr.constraints import between, range_check
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
