from __future__ import annotations

from django.core.validators import URLValidator
from django.db import models
from django.db.models.functions import Lower

from fitnesspr.constraints import choices_check, not_blank
from fitnesspr.tenancy import LibraryQuerySet
from fitnesspr.text import TEXT_MAX, text_cap


class BodyRegion(models.TextChoices):
    UPPER = "upper", "Upper body"
    LOWER = "lower", "Lower body"
    CORE = "core", "Core"
    FULL_BODY = "full_body", "Full body"


class ExerciseCategory(models.TextChoices):
    STRENGTH = "strength", "Strength"
    CARDIO = "cardio", "Cardio"
    MOBILITY = "mobility", "Mobility"
    PLYOMETRIC = "plyometric", "Plyometric"
    STRETCHING = "stretching", "Stretching"
    BALANCE = "balance", "Balance"
    OTHER = "other", "Other"


class MuscleGroup(models.Model):
    """Shared reference data, edited by staff only."""

    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    body_region = models.CharField(max_length=10, choices=BodyRegion.choices)

    class Meta:
        ordering = ["name"]
        constraints = [
            choices_check("body_region", BodyRegion.values, name="musclegroup_region_valid")
        ]

    def __str__(self) -> str:
        return self.name


class Equipment(models.Model):
    name = models.CharField(max_length=60, unique=True)
    slug = models.SlugField(max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "equipment"

    def __str__(self) -> str:
        return self.name


#: what a trainer writes about an exercise (forms, the API and the services share it)
EXERCISE_FIELDS = (
    "name",
    "aliases",
    "category",
    "primary_muscles",
    "secondary_muscles",
    "equipment",
    "instructions",
    "video_url",
    "is_unilateral",
)
EXERCISE_MANY_FIELDS = ("primary_muscles", "secondary_muscles", "equipment")


class ExerciseQuerySet(LibraryQuerySet):
    trainer_path = "trainer"
    read_only_message = (
        "Exercises from the shared library can't be changed. Add your own exercise instead."
    )


class Exercise(models.Model):
    """The exercise library: global rows (trainer null) plus each trainer's own."""

    trainer = models.ForeignKey(
        "trainers.Trainer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="exercises",
        help_text="Empty for the global library.",
    )
    name = models.CharField(max_length=120)
    aliases = models.CharField(
        max_length=255, blank=True, help_text="Other names, comma-separated; used by search."
    )
    category = models.CharField(
        max_length=12, choices=ExerciseCategory.choices, default=ExerciseCategory.STRENGTH
    )
    primary_muscles = models.ManyToManyField(
        MuscleGroup, blank=True, related_name="primary_exercises"
    )
    secondary_muscles = models.ManyToManyField(
        MuscleGroup, blank=True, related_name="secondary_exercises"
    )
    equipment = models.ManyToManyField(Equipment, blank=True, related_name="exercises")
    instructions = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    video_url = models.URLField(blank=True, validators=[URLValidator(schemes=["http", "https"])])
    is_unilateral = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ExerciseQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["trainer", "category"], name="exercise_trainer_category")]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                condition=models.Q(trainer__isnull=True),
                name="exercise_global_name_unique",
                violation_error_message="The global library already has an exercise by this name.",
            ),
            models.UniqueConstraint(
                Lower("name"),
                "trainer",
                condition=models.Q(trainer__isnull=False),
                name="exercise_trainer_name_unique",
                violation_error_message="You already have an exercise by this name.",
            ),
            not_blank("name", name="exercise_name_set"),
            choices_check("category", ExerciseCategory.values, name="exercise_category_valid"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_global(self) -> bool:
        return self.trainer_id is None
