"""Two tenants with one of every kind of owned object: trainer A with client A1 and
trainer B with client B1. The authorization matrix and the fuzzer run against it.

`build_world()` returns both tenants; each object is reached by a key (`"program"`,
`"invoice"`…) that the matrix uses to fill ids into paths. A new kind of object is one
line in `_objects` (and the key is then usable in `tests/security/matrix.py`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.files.base import ContentFile
from django.db import models
from django.utils import timezone

from fitnesspr.tenancy import TrainerScopedQuerySet
from portability.models import DataExport, ExportStatus
from tests.factories.billing import (
    BillingProfileFactory,
    InvoiceFactory,
    InvoiceLineFactory,
    PackageFactory,
    PaymentFactory,
)
from tests.factories.core import ClientFactory, OutboundEmailFactory, TrainerFactory
from tests.factories.nutrition import (
    DiaryEntryFactory,
    FoodFactory,
    FoodPortionFactory,
    MealPlanAssignmentFactory,
    MealPlanDayFactory,
    MealPlanEntryFactory,
    MealPlanFactory,
    RecipeFactory,
    RecipeIngredientFactory,
)
from tests.factories.programs import (
    OwnExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
    ProgramFactory,
)
from tests.factories.progress import (
    BodyMeasurementFactory,
    CheckInFactory,
    CustomMeasurementFactory,
    OneRepMaxFactory,
    ProgressPhotoFactory,
    ProgressReportFactory,
    ProgressSettingsFactory,
    ReplyFactory,
    SetLogFactory,
    WorkoutLogFactory,
)


@dataclass
class Tenant:
    """One trainer, their client and everything they own."""

    name: str
    objects: dict[str, Any] = field(default_factory=dict)

    @property
    def trainer(self) -> Any:
        return self.objects["trainer"]

    @property
    def client(self) -> Any:
        return self.objects["client"]

    @property
    def markers(self) -> tuple[str, ...]:
        """Strings only this tenant's rows contain: never in another tenant's answer."""
        return (self.name, self.client.user.email)


@dataclass
class World:
    a: Tenant
    b: Tenant
    #: `fingerprint(a)` right after building: every request starts from this world
    a_as_built: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)


def _objects(tag: str) -> dict[str, Any]:
    today = timezone.localdate()
    trainer = TrainerFactory(
        business_name=f"Secret {tag} Coaching", user__email=f"coach-{tag.lower()}@example.com"
    )
    client = ClientFactory(trainer=trainer, user__email=f"client-{tag.lower()}@example.com")
    exercise = OwnExerciseFactory(trainer=trainer, name=f"{tag} own lunge")
    food = FoodFactory(trainer=trainer, name=f"{tag} own porridge")
    program = ProgramFactory(trainer=trainer, name=f"{tag} template program")
    day = ProgramDayFactory(program=program, day=1)
    assignment = ProgramAssignmentFactory(client=client, start_date=today - dt.timedelta(days=3))
    client_day = ProgramDayFactory(program=assignment.program, day=1)
    workout_log = WorkoutLogFactory(
        client=client,
        assignment=assignment,
        program_day=client_day,
        performed_on=today - dt.timedelta(days=1),
        started_at=timezone.now() - dt.timedelta(days=1, hours=1),
        status="completed",
        completed_at=timezone.now() - dt.timedelta(days=1),
    )
    check_in = CheckInFactory(client=client, due_on=today - dt.timedelta(days=2))
    meal_plan = MealPlanFactory(trainer=trainer, name=f"{tag} template plan")
    plan_day = MealPlanDayFactory(plan=meal_plan, day_number=1)
    meal_assignment = MealPlanAssignmentFactory(client=client, start_date=today)
    client_plan_day = MealPlanDayFactory(plan=meal_assignment.meal_plan, day_number=1)
    plan_entry = MealPlanEntryFactory(day=plan_day, food=food)
    recipe = RecipeFactory(trainer=trainer, name=f"{tag} recipe")
    invoice = InvoiceFactory(client=client)
    draft = InvoiceFactory(client=client, status="draft")
    # Ready, with files in the private storage (reached only through the access-checking
    # views): the row exists before its file, which is named after it.
    report = ProgressReportFactory(client=client)
    report.file.save("report.pdf", ContentFile(b"%PDF-1.4 world report"), save=False)
    report.status, report.completed_at = "ready", timezone.now()
    report.save()
    export = DataExport.objects.create(trainer=trainer)
    export.file.save("export.zip", ContentFile(b"PK world export"), save=False)
    export.status, export.completed_at = ExportStatus.READY, timezone.now()
    export.save()
    return {
        "trainer": trainer,
        "client": client,
        "exercise": exercise,
        "food": food,
        "food_portion": FoodPortionFactory(food=food),
        "program": program,
        "day": day,
        "prescription": PrescribedExerciseFactory(day=day, exercise=exercise),
        "assignment": assignment,
        "client_program": assignment.program,
        "client_day": client_day,
        "client_prescription": PrescribedExerciseFactory(day=client_day, exercise=exercise),
        "workout_log": workout_log,
        "set_log": SetLogFactory(workout_log=workout_log, exercise=exercise, set_number=1),
        "workout_reply": ReplyFactory(
            check_in=None, workout_log=workout_log, client=client, author=trainer.user
        ),
        "measurement": BodyMeasurementFactory(client=client, measured_on=today),
        "photo": ProgressPhotoFactory(client=client, taken_on=today),
        "custom_measurement": CustomMeasurementFactory(client=client, name=f"{tag} wrist"),
        "progress_settings": ProgressSettingsFactory(client=client),
        "check_in": check_in,
        "reply": ReplyFactory(check_in=check_in),
        "one_rep_max": OneRepMaxFactory(client=client, exercise=exercise),
        "recipe": recipe,
        "ingredient": RecipeIngredientFactory(recipe=recipe, food=food),
        "meal_plan": meal_plan,
        "plan_day": plan_day,
        "plan_entry": plan_entry,
        "plan_slot": plan_entry.slot,
        "meal_assignment": meal_assignment,
        "client_plan": meal_assignment.meal_plan,
        "client_plan_day": client_plan_day,
        "client_plan_entry": MealPlanEntryFactory(day=client_plan_day, food=food),
        "diary_entry": DiaryEntryFactory(client=client, food=food, grams=80),
        "package": PackageFactory(trainer=trainer, name=f"{tag} 10 sessions"),
        "invoice": invoice,
        "invoice_line": InvoiceLineFactory(invoice=invoice),
        "draft_invoice": draft,
        "draft_line": InvoiceLineFactory(invoice=draft),
        "payment": PaymentFactory(invoice=invoice, amount_minor=1000),
        "billing_profile": BillingProfileFactory(trainer=trainer),
        "email": OutboundEmailFactory(trainer=trainer),
        "report": report,
        "failed_report": ProgressReportFactory(client=client, status="failed", error="Too slow."),
        "export": export,
    }


def build_world() -> World:
    return World(a=Tenant("Alpha", _objects("Alpha")), b=Tenant("Bravo", _objects("Bravo")))


def _scoped_models() -> list[type[models.Model]]:
    return [
        model
        for model in apps.get_models()
        if isinstance(model._default_manager.all(), TrainerScopedQuerySet)
    ]


def fingerprint(tenant: Tenant) -> dict[str, list[tuple[Any, ...]]]:
    """Every row the tenant's trainer owns, field by field: a write someone else makes
    that changes, adds or removes any of them shows up as a difference."""
    trainer = tenant.trainer
    prints: dict[str, list[tuple[Any, ...]]] = {}
    for model in _scoped_models():
        queryset: Any = model._default_manager.all()
        rows = queryset.for_trainer(trainer)
        if hasattr(model, "trainer_id") and model._meta.label in LIBRARIES:
            rows = rows.filter(trainer=trainer)  # the shared library is nobody's
        prints[model._meta.label] = list(rows.order_by("pk").values_list())
    return prints


LIBRARIES = {"programs.Exercise", "nutrition.Food"}
