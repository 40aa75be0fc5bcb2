from __future__ import annotations

import uuid
from decimal import Decimal
from functools import reduce
from operator import or_
from pathlib import PurePath
from typing import TYPE_CHECKING

from django.core.validators import FileExtensionValidator
from django.db import models
from django.utils.crypto import salted_hmac

from fitnesspr.constraints import between, choices_check, range_check
from fitnesspr.tenancy import TrainerScopedQuerySet

if TYPE_CHECKING:
    from clients.models import Client

PHOTO_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]

# Realistic bounds for an adult (SI units). Wide enough for every real client, narrow
# enough to catch a value typed in the wrong unit (lb for kg, inches for cm).
MEASUREMENT_RANGES: dict[str, tuple[Decimal, Decimal]] = {
    "weight_kg": (Decimal(20), Decimal(400)),
    "body_fat_pct": (Decimal(2), Decimal(75)),
    "neck_cm": (Decimal(15), Decimal(80)),
    "chest_cm": (Decimal(40), Decimal(250)),
    "waist_cm": (Decimal(40), Decimal(250)),
    "hips_cm": (Decimal(40), Decimal(250)),
    "arm_cm": (Decimal(10), Decimal(100)),
    "thigh_cm": (Decimal(20), Decimal(150)),
    "calf_cm": (Decimal(15), Decimal(100)),
}


def client_media_dir(client: Client) -> str:
    """A stable folder per client that doesn't reveal (or let anyone enumerate) ids."""
    return salted_hmac("progress.client-media-dir", str(client.pk), algorithm="sha256").hexdigest()[
        :20
    ]


def progress_photo_path(instance: ProgressPhoto, filename: str) -> str:
    ext = PurePath(filename).suffix.lower().lstrip(".") or "jpg"
    return f"progress/{client_media_dir(instance.client)}/{uuid.uuid4().hex}.{ext}"


def _measurement(
    field: str, digits: int, places: int = 1
) -> models.DecimalField[Decimal | None, Decimal | None]:
    low, high = MEASUREMENT_RANGES[field]
    return models.DecimalField(
        max_digits=digits,
        decimal_places=places,
        null=True,
        blank=True,
        validators=between(low, high),
    )


class ClientOwnedQuerySet(TrainerScopedQuerySet):
    """A client's own records (workout logs, measurements, photos): the client writes
    them; their trainer reads them (and writes where the services allow)."""

    trainer_path = "client__trainer"
    client_path = "client"
    client_may_write = True


class BodyMeasurement(models.Model):
    """One day's measurements for a client; any subset of the values, at least one."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="body_measurements"
    )
    measured_on = models.DateField()
    # Two places so a weight entered in pounds survives the trip to kg and back.
    weight_kg = _measurement("weight_kg", 5, places=2)
    body_fat_pct = _measurement("body_fat_pct", 4)
    neck_cm = _measurement("neck_cm", 4)
    chest_cm = _measurement("chest_cm", 4)
    waist_cm = _measurement("waist_cm", 4)
    hips_cm = _measurement("hips_cm", 4)
    arm_cm = _measurement("arm_cm", 4)
    thigh_cm = _measurement("thigh_cm", 4)
    calf_cm = _measurement("calf_cm", 4)
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClientOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-measured_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "measured_on"],
                name="measurement_one_per_day",
                violation_error_message="There is already a measurement for this day.",
            ),
            models.CheckConstraint(
                condition=reduce(
                    or_, (models.Q(**{f"{f}__isnull": False}) for f in MEASUREMENT_RANGES)
                ),
                name="measurement_has_a_value",
                violation_error_message="Enter at least one measurement.",
            ),
            *(
                range_check(field, low, high, name=f"measurement_{field}_range", nullable=True)
                for field, (low, high) in MEASUREMENT_RANGES.items()
            ),
        ]

    def __str__(self) -> str:
        return f"{self.client} on {self.measured_on}"


class PhotoPose(models.TextChoices):
    FRONT = "front", "Front"
    SIDE = "side", "Side"
    BACK = "back", "Back"
    OTHER = "other", "Other"


class ProgressPhoto(models.Model):
    """A progress photo. Stored under an unguessable path; served only through a view
    that checks tenancy, never as a public media URL."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="progress_photos"
    )
    image = models.ImageField(
        upload_to=progress_photo_path,
        max_length=200,
        validators=[FileExtensionValidator(PHOTO_EXTENSIONS)],
    )
    pose = models.CharField(max_length=8, choices=PhotoPose.choices, default=PhotoPose.FRONT)
    taken_on = models.DateField()
    notes = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClientOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-taken_on", "-pk"]
        indexes = [models.Index(fields=["client", "taken_on"], name="photo_client_taken_on")]
        constraints = [choices_check("pose", PhotoPose.values, name="photo_pose_valid")]

    def __str__(self) -> str:
        return f"{self.client} · {self.get_pose_display()} · {self.taken_on}"
