"""What an export holds: every kind of row a trainer owns, in the order an import
creates them (a kind refers only to kinds above it, or to itself).

Each kind is one JSON file (`<name>.json`, a list of records). A record carries the
model's own fields; its `id` is export-local (1, 2, 3… in creation order), and a
reference to another row is that row's export-local id in its kind, so an export
survives an import into another database. Rows of the shared libraries (global
exercises, foods and their portions, muscle groups, equipment, recipe tags) are named
by natural key instead: `{"library": "Barbell Back Squat"}`. A reference to a person
(who wrote a reply, who uploaded a photo) is `"trainer"` or `"client:<id>"`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import models

from billing.models import BillingProfile, Invoice, InvoiceLine, Package, Payment
from clients.models import Client
from fitnesspr.actor import Actor, ActorKind
from fitnesspr.models import User
from fitnesspr.tenancy import TrainerScopedQuerySet, scope_of
from nutrition.models import (
    DiaryEntry,
    Food,
    FoodPortion,
    MealPlan,
    MealPlanAssignment,
    MealPlanDay,
    MealPlanEntry,
    MealPlanSlot,
    Recipe,
    RecipeIngredient,
)
from programs.models import Exercise, PrescribedExercise, Program, ProgramAssignment, ProgramDay
from progress.models import (
    BodyMeasurement,
    CheckIn,
    CustomMeasurement,
    OneRepMax,
    ProgressPhoto,
    ProgressSettings,
    Reply,
    SetLog,
    WorkoutLog,
)
from trainers.models import Trainer

FORMAT = "fitnesspr-export"
CLIENT_FORMAT = "fitnesspr-client-export"
FORMAT_VERSION = 1

#: the client's sign-in secrets and lock state never leave (an import issues new PINs)
CLIENT_SECRETS = frozenset(
    {
        "user",
        "pin_hash",
        "pin_version",
        "failed_pin_attempts",
        "locked_until",
        "device_failed_pin_attempts",
        "device_locked_until",
        "last_login_at",
    }
)
#: a client record also carries these fields of the client's login
CLIENT_USER_FIELDS = ("email", "first_name", "last_name")
#: the trainer's profile (profile.json)
PROFILE_FIELDS = ("business_name", "timezone", "unit_system", "currency", "plate_increment_kg")
PROFILE_USER_FIELDS = ("email", "first_name", "last_name")


@dataclass(frozen=True)
class Kind:
    name: str
    model: type[models.Model]
    exclude: frozenset[str] = field(default_factory=frozenset)
    #: also written as `<name>.csv` (the tabular kinds a spreadsheet opens)
    csv: bool = False
    #: part of a client's own download
    for_client: bool = False

    @property
    def filename(self) -> str:
        return f"{self.name}.json"

    def fields(self) -> list[models.Field[Any, Any]]:
        """The model's stored fields the record carries (not the id, not the owner)."""
        return [
            f
            for f in self.model._meta.concrete_fields
            if not f.primary_key
            and f.name not in self.exclude
            and not (f.is_relation and f.related_model is Trainer)
        ]

    def many_to_many(self) -> list[models.ManyToManyField[Any, Any]]:
        return list(self.model._meta.many_to_many)  # type: ignore[arg-type]


KINDS: tuple[Kind, ...] = (
    Kind("clients", Client, exclude=CLIENT_SECRETS, csv=True),
    Kind("exercises", Exercise),
    Kind("programs", Program),
    Kind("program_days", ProgramDay),
    Kind("prescriptions", PrescribedExercise),
    Kind("program_assignments", ProgramAssignment),
    Kind("one_rep_maxes", OneRepMax, for_client=True),
    Kind("foods", Food),
    Kind("food_portions", FoodPortion),
    Kind("recipes", Recipe),
    Kind("recipe_ingredients", RecipeIngredient),
    Kind("meal_plans", MealPlan),
    Kind("meal_plan_slots", MealPlanSlot),
    Kind("meal_plan_days", MealPlanDay),
    Kind("meal_plan_entries", MealPlanEntry),
    Kind("meal_plan_assignments", MealPlanAssignment),
    Kind("diary_entries", DiaryEntry, csv=True, for_client=True),
    Kind("progress_settings", ProgressSettings),
    Kind("custom_measurements", CustomMeasurement, for_client=True),
    Kind("measurements", BodyMeasurement, csv=True, for_client=True),
    Kind("check_ins", CheckIn, for_client=True),
    Kind("photos", ProgressPhoto, for_client=True),
    Kind("workout_logs", WorkoutLog, for_client=True),
    Kind("workout_sets", SetLog, csv=True, for_client=True),
    Kind("replies", Reply, for_client=True),
    Kind("billing_profile", BillingProfile),
    Kind("packages", Package),
    Kind("invoices", Invoice, csv=True, for_client=True),
    Kind("invoice_lines", InvoiceLine, for_client=True),
    Kind("payments", Payment, csv=True, for_client=True),
)
KIND_OF_MODEL: dict[type[models.Model], Kind] = {kind.model: kind for kind in KINDS}
CLIENT_KINDS: tuple[Kind, ...] = tuple(kind for kind in KINDS if kind.for_client)


def _exercise_key(row: Any) -> Any:
    return row.name


def _food_key(row: Any) -> Any:
    return [row.name, row.brand]


def _portion_key(row: Any) -> Any:
    return [row.food.name, row.food.brand, row.name]


def _recipe_key(row: Any) -> Any:
    return row.name


#: rows named by natural key when not exported themselves (the shared libraries; a
#: client's download names the trainer's exercises and recipes the same way)
NATURAL_KEYS: dict[type[models.Model], Any] = {
    Exercise: _exercise_key,
    Food: _food_key,
    FoodPortion: _portion_key,
    Recipe: _recipe_key,
}


def trainer_actor(trainer: Trainer) -> Actor:
    return Actor(user=trainer.user, kind=ActorKind.TRAINER, trainer=trainer)


def client_actor(client: Client) -> Actor:
    return Actor(user=client.user, kind=ActorKind.CLIENT, trainer=client.trainer, client=client)


def owned_rows(kind: Kind, actor: Actor) -> TrainerScopedQuerySet:
    """The rows of a kind the actor owns: a trainer's own (never the shared library's),
    or a client's own."""
    scope = scope_of(kind.model)
    rows = scope.for_actor(actor) if actor.is_client else scope.writable_by(actor)
    return rows.order_by("pk")


def is_user_field(f: models.Field[Any, Any]) -> bool:
    return f.is_relation and f.related_model is User


def is_file_field(f: models.Field[Any, Any]) -> bool:
    return isinstance(f, models.FileField)


def app_version() -> str:
    """The version in pyproject.toml (the project isn't installed as a package)."""
    import tomllib

    from django.conf import settings

    try:
        with open(settings.BASE_DIR / "pyproject.toml", "rb") as handle:
            return str(tomllib.load(handle)["project"]["version"])
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"
