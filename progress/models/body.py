from __future__ import annotations

import uuid
from decimal import Decimal
from functools import reduce
from operator import or_
from pathlib import PurePath
from typing import TYPE_CHECKING

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils.crypto import salted_hmac

from fitnesspr.constraints import between, choices_check, not_blank, range_check
from fitnesspr.dates import validate_date_in_window
from fitnesspr.storage import private_storage
from fitnesspr.tenancy import TrainerScopedQuerySet
from fitnesspr.text import TEXT_MAX, text_cap

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
#: the circumferences among them, in the order forms and charts list them
CIRCUMFERENCES = ("waist_cm", "hips_cm", "chest_cm", "arm_cm", "thigh_cm", "neck_cm", "calf_cm")
#: bounds of a trainer's own circumference (a wrist, a calf, a left and a right arm)
CUSTOM_RANGE = (Decimal(5), Decimal(250))


def client_media_dir(client: Client) -> str:
    """A stable folder per client that doesn't reveal (or let anyone enumerate) ids."""
    return salted_hmac("progress.client-media-dir", str(client.pk), algorithm="sha256").hexdigest()[
        :20
    ]


def progress_photo_path(instance: ProgressPhoto, filename: str) -> str:
    ext = PurePath(filename).suffix.lower().lstrip(".") or "jpg"
    return f"progress/{client_media_dir(instance.client)}/{uuid.uuid4().hex}.{ext}"


class CustomMeasurementQuerySet(TrainerScopedQuerySet):
    """A client's own measurement kinds: the trainer defines them, the client reads them."""

    trainer_path = "client__trainer"
    client_path = "client"


class CustomMeasurement(models.Model):
    """A circumference the trainer tracks for one client besides the usual ones (a
    wrist, a left and a right arm); its values live on BodyMeasurement.custom_cm, in cm."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="custom_measurements"
    )
    name = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = CustomMeasurementQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.UniqueConstraint(
                "client",
                Lower("name"),
                name="custom_measurement_unique_name",
                violation_error_message="This client already has a measurement with that name.",
            ),
            not_blank("name", name="custom_measurement_name_set"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def key(self) -> str:
        """Its key in BodyMeasurement.custom_cm."""
        return str(self.pk)


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
    measured_on = models.DateField(
        validators=[validate_date_in_window],
    )
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
    #: the client's custom circumferences, in cm: {"<CustomMeasurement id>": "38.5"}
    custom_cm = models.JSONField(default=dict, blank=True)
    notes = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClientOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-measured_on"]
        indexes = [models.Index(fields=["client", "measured_on"], name="measurement_client_date")]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "measured_on"],
                name="measurement_one_per_day",
                violation_error_message="There is already a measurement for this day.",
            ),
            models.CheckConstraint(
                condition=reduce(
                    or_, (models.Q(**{f"{f}__isnull": False}) for f in MEASUREMENT_RANGES)
                )
                | ~models.Q(custom_cm={}),
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

    def clean(self) -> None:
        super().clean()
        if not isinstance(self.custom_cm, dict):
            raise ValidationError({"custom_cm": "Give custom measurements as {id: cm}."})
        low, high = CUSTOM_RANGE
        for key, value in self.custom_cm.items():
            try:
                number = Decimal(str(value))
            except ArithmeticError:
                number = None
            if not str(key).isdigit() or number is None or not low <= number <= high:
                raise ValidationError(
                    {"custom_cm": f"Each custom measurement is from {low} to {high} cm."}
                )
        if self.custom_cm and self.client_id:
            known = set(
                CustomMeasurement.objects.filter(client_id=self.client_id).values_list(
                    "pk", flat=True
                )
            )
            if {int(key) for key in self.custom_cm} - known:
                raise ValidationError(
                    {"custom_cm": "That measurement isn't set up for this client."}
                )

    def custom_value(self, kind: CustomMeasurement) -> Decimal | None:
        value = self.custom_cm.get(kind.key)
        return None if value is None else Decimal(str(value))


class PhotoPose(models.TextChoices):
    FRONT = "front", "Front"
    SIDE = "side", "Side"
    BACK = "back", "Back"
    OTHER = "other", "Other"


class ProgressPhoto(models.Model):
    """A progress photo, re-encoded without its metadata when it came in. Stored in the
    private storage (fitnesspr.storage) under an unguessable path; served only through
    a view that checks tenancy, never as a media URL."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="progress_photos"
    )
    image = models.ImageField(
        upload_to=progress_photo_path,
        storage=private_storage,
        max_length=200,
        validators=[FileExtensionValidator(PHOTO_EXTENSIONS)],
    )
    thumbnail = models.ImageField(
        upload_to=progress_photo_path, storage=private_storage, max_length=200, blank=True
    )
    width = models.PositiveIntegerField(default=0, editable=False)
    height = models.PositiveIntegerField(default=0, editable=False)
    pose = models.CharField(max_length=8, choices=PhotoPose.choices, default=PhotoPose.FRONT)
    taken_on = models.DateField(
        validators=[validate_date_in_window],
    )
    check_in = models.ForeignKey(
        "progress.CheckIn",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="photos",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    notes = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClientOwnedQuerySet.as_manager()

    class Meta:
        ordering = ["-taken_on", "-pk"]
        indexes = [models.Index(fields=["client", "taken_on"], name="photo_client_taken_on")]
        constraints = [choices_check("pose", PhotoPose.values, name="photo_pose_valid")]

    def __str__(self) -> str:
        return f"{self.client} · {self.get_pose_display()} · {self.taken_on}"

    def clean(self) -> None:
        super().clean()
        if self.check_in is not None and self.check_in.client_id != self.client_id:
            raise ValidationError({"check_in": "That check-in belongs to another client."})
