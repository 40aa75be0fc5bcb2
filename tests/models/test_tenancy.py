"""Every owned model, scoped by its queryset: the owner sees the row, an outsider trainer
doesn't, the client it belongs to sees it where clients may read it, and other clients
don't. Adding an owned model means adding one line to CASES (a test enforces it)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pytest
from django.apps import apps
from django.contrib.auth.models import AnonymousUser
from django.db import models

from billing.models import BillingProfile, Invoice, InvoiceLine, Package, Payment
from clients.models import Client, ReminderSettings
from fitnesspr.actor import actor_for_user
from fitnesspr.tenancy import LibraryQuerySet, TrainerScopedQuerySet
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
from portability.models import DataExport, DataImport
from programs.models import (
    Exercise,
    PrescribedExercise,
    Program,
    ProgramAssignment,
    ProgramDay,
)
from progress.models import (
    AttentionDismissal,
    BodyMeasurement,
    CheckIn,
    CustomMeasurement,
    OneRepMax,
    ProgressPhoto,
    ProgressReport,
    ProgressSettings,
    Reply,
    SetLog,
    WorkoutLog,
)
from tests.factories.billing import (
    BillingProfileFactory,
    InvoiceFactory,
    InvoiceLineFactory,
    PackageFactory,
    PaymentFactory,
)
from tests.factories.core import ClientFactory, OutboundEmailFactory, ReminderSettingsFactory
from tests.factories.nutrition import (
    ClientMealPlanFactory,
    DiaryEntryFactory,
    FoodFactory,
    FoodPortionFactory,
    MealPlanAssignmentFactory,
    MealPlanDayFactory,
    MealPlanEntryFactory,
    MealPlanFactory,
    MealPlanSlotFactory,
    RecipeFactory,
    RecipeIngredientFactory,
)
from tests.factories.programs import (
    ClientProgramFactory,
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
    ProgramFactory,
)
from tests.factories.progress import (
    AttentionDismissalFactory,
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
from trainers.models import OutboundEmail, Trainer

# Which clients may read a trainer's row: only the client it belongs to ("own"),
# every client of that trainer ("trainer": libraries, the trainer's profile), or none.
Reach = Literal["own", "trainer", "none"]
Make = Callable[[Trainer, Client], models.Model]


@dataclass(frozen=True)
class Case:
    model: type[models.Model]
    make: Make
    client_reach: Reach

    def __str__(self) -> str:
        return self.model.__name__


def _client_day(t: Trainer, c: Client) -> ProgramDay:
    return ProgramDayFactory(program=ClientProgramFactory(client=c))


def _recipe_in_plan(t: Trainer, c: Client) -> Recipe:
    recipe = RecipeFactory(trainer=t)
    day = MealPlanDayFactory(plan=ClientMealPlanFactory(client=c))
    MealPlanEntryFactory(day=day, recipe=recipe, servings=1, food=None, grams=None)
    return recipe


def _client_workout(c: Client) -> WorkoutLog:
    return WorkoutLogFactory(client=c)


CASES = [
    Case(Trainer, lambda t, c: t, "trainer"),
    Case(OutboundEmail, lambda t, c: OutboundEmailFactory(trainer=t), "none"),
    Case(Client, lambda t, c: c, "own"),
    Case(ReminderSettings, lambda t, c: ReminderSettingsFactory(client=c), "own"),
    Case(Exercise, lambda t, c: ExerciseFactory(trainer=t), "trainer"),
    Case(Program, lambda t, c: ClientProgramFactory(client=c), "own"),
    Case(ProgramDay, _client_day, "own"),
    Case(
        PrescribedExercise,
        lambda t, c: PrescribedExerciseFactory(
            day=_client_day(t, c), exercise=ExerciseFactory(trainer=t)
        ),
        "own",
    ),
    Case(ProgramAssignment, lambda t, c: ProgramAssignmentFactory(client=c), "own"),
    Case(Food, lambda t, c: FoodFactory(trainer=t), "trainer"),
    Case(FoodPortion, lambda t, c: FoodPortionFactory(food=FoodFactory(trainer=t)), "trainer"),
    Case(Recipe, _recipe_in_plan, "own"),
    Case(
        RecipeIngredient,
        lambda t, c: RecipeIngredientFactory(recipe=_recipe_in_plan(t, c)),
        "own",
    ),
    Case(MealPlan, lambda t, c: ClientMealPlanFactory(client=c), "own"),
    Case(MealPlanDay, lambda t, c: MealPlanDayFactory(plan=ClientMealPlanFactory(client=c)), "own"),
    Case(
        MealPlanSlot, lambda t, c: MealPlanSlotFactory(plan=ClientMealPlanFactory(client=c)), "own"
    ),
    Case(
        MealPlanEntry,
        lambda t, c: MealPlanEntryFactory(
            day=MealPlanDayFactory(plan=ClientMealPlanFactory(client=c))
        ),
        "own",
    ),
    Case(MealPlanAssignment, lambda t, c: MealPlanAssignmentFactory(client=c), "own"),
    Case(DiaryEntry, lambda t, c: DiaryEntryFactory(client=c), "own"),
    Case(BodyMeasurement, lambda t, c: BodyMeasurementFactory(client=c), "own"),
    Case(ProgressPhoto, lambda t, c: ProgressPhotoFactory(client=c), "own"),
    Case(WorkoutLog, lambda t, c: _client_workout(c), "own"),
    Case(SetLog, lambda t, c: SetLogFactory(workout_log=_client_workout(c)), "own"),
    Case(
        OneRepMax,
        lambda t, c: OneRepMaxFactory(client=c, exercise=ExerciseFactory(trainer=t)),
        "own",
    ),
    Case(ProgressReport, lambda t, c: ProgressReportFactory(client=c), "none"),
    Case(CustomMeasurement, lambda t, c: CustomMeasurementFactory(client=c), "own"),
    Case(ProgressSettings, lambda t, c: ProgressSettingsFactory(client=c), "own"),
    Case(CheckIn, lambda t, c: CheckInFactory(client=c), "own"),
    Case(Reply, lambda t, c: ReplyFactory(check_in=CheckInFactory(client=c)), "own"),
    Case(AttentionDismissal, lambda t, c: AttentionDismissalFactory(client=c), "none"),
    Case(Package, lambda t, c: PackageFactory(trainer=t), "none"),
    Case(Invoice, lambda t, c: InvoiceFactory(client=c), "own"),
    Case(InvoiceLine, lambda t, c: InvoiceLineFactory(invoice=InvoiceFactory(client=c)), "own"),
    Case(Payment, lambda t, c: PaymentFactory(invoice=InvoiceFactory(client=c)), "own"),
    Case(BillingProfile, lambda t, c: BillingProfileFactory(trainer=t), "trainer"),
    Case(DataExport, lambda t, c: DataExport.objects.create(trainer=t), "none"),
    Case(DataImport, lambda t, c: DataImport.objects.create(trainer=t, status="done"), "none"),
]


def _visible(model: type[models.Model], user: object, row: models.Model) -> bool:
    return model._default_manager.for_user(user).filter(pk=row.pk).exists()  # type: ignore[attr-defined]


def test_every_owned_model_is_in_the_table() -> None:
    owned = {
        model
        for model in apps.get_models()
        if isinstance(model._default_manager.all(), TrainerScopedQuerySet)
    }
    covered = {case.model for case in CASES}
    assert owned - covered == set(), "add the new owned model to CASES"
    assert covered - owned == set()


@pytest.mark.parametrize("case", CASES, ids=str)
def test_owner_trainer_sees_the_row(case, trainer, client_):
    row = case.make(trainer, client_)
    manager = case.model._default_manager
    assert manager.for_trainer(trainer).filter(pk=row.pk).exists()
    assert _visible(case.model, trainer.user, row)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_outsider_trainer_does_not_see_the_row(case, trainer, client_, outsider):
    row = case.make(trainer, client_)
    assert not case.model._default_manager.for_trainer(outsider).filter(pk=row.pk).exists()
    assert not _visible(case.model, outsider.user, row)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_clients_see_the_row_only_within_reach(case, trainer, client_, outsider):
    row = case.make(trainer, client_)
    sibling = ClientFactory(trainer=trainer)  # same trainer, not the row's client
    stranger = ClientFactory(trainer=outsider)

    assert _visible(case.model, client_.user, row) is (case.client_reach != "none")
    assert _visible(case.model, sibling.user, row) is (case.client_reach == "trainer")
    assert not _visible(case.model, stranger.user, row)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_staff_see_everything_and_nobody_else_without_a_login(case, trainer, client_, staff):
    row = case.make(trainer, client_)
    assert _visible(case.model, staff, row)
    assert not _visible(case.model, AnonymousUser(), row)
    trainer.user.is_active = False
    assert not _visible(case.model, trainer.user, row)


def test_a_template_program_is_not_shown_to_any_client(trainer, client_):
    template = ProgramFactory(trainer=trainer)
    assert not _visible(Program, client_.user, template)
    assert _visible(Program, trainer.user, template)


def test_a_template_meal_plan_is_not_shown_to_any_client(trainer, client_):
    template = MealPlanFactory(trainer=trainer)
    assert not _visible(MealPlan, client_.user, template)


def test_a_recipe_outside_the_clients_plans_is_hidden_from_them(trainer, client_):
    in_plan = _recipe_in_plan(trainer, client_)
    _recipe_in_plan(trainer, client_).meal_plan_entries.all().delete()
    elsewhere = RecipeFactory(trainer=trainer)
    visible = Recipe.objects.for_user(client_.user)
    assert list(visible) == [in_plan]
    assert elsewhere not in visible


def test_a_recipe_used_twice_in_a_plan_is_listed_once(trainer, client_):
    recipe = _recipe_in_plan(trainer, client_)
    day = MealPlanDayFactory(plan=ClientMealPlanFactory(client=client_))
    MealPlanEntryFactory(day=day, recipe=recipe, servings=2, food=None, grams=None)
    assert Recipe.objects.for_client(client_).count() == 1
    assert RecipeIngredientFactory(recipe=recipe) in RecipeIngredient.objects.for_client(client_)


def test_a_draft_invoice_its_lines_and_payments_are_hidden_from_the_client(trainer, client_):
    draft = InvoiceFactory(client=client_, status="draft", issue_date=None)
    line = InvoiceLineFactory(invoice=draft)
    payment = PaymentFactory(invoice=draft, status="pending", received_at=None)

    assert not _visible(Invoice, client_.user, draft)
    assert not _visible(InvoiceLine, client_.user, line)
    assert not _visible(Payment, client_.user, payment)
    assert _visible(Invoice, trainer.user, draft)

    draft.status = "open"
    draft.issue_date = draft.created_at.date()
    draft.number_year, draft.number = draft.issue_date.year, 1
    draft.save()
    assert _visible(Invoice, client_.user, draft)
    assert _visible(InvoiceLine, client_.user, line)


def _portion(trainer: Trainer | None) -> FoodPortion:
    return FoodPortionFactory(food=FoodFactory(trainer=trainer))


@pytest.mark.parametrize(
    ("model", "factory"),
    [
        (Exercise, ExerciseFactory),
        (Food, FoodFactory),
        (FoodPortion, lambda trainer: _portion(trainer)),
    ],
    ids=str,
)
def test_global_library_rows_are_read_by_everyone_and_changed_by_staff_only(
    model, factory, trainer, client_, outsider, staff
):
    global_row = factory(trainer=None)
    own_row = factory(trainer=trainer)
    stranger = ClientFactory(trainer=outsider)
    qs: LibraryQuerySet = model.objects.all()

    for user in (trainer.user, outsider.user, client_.user, stranger.user, staff):
        assert _visible(model, user, global_row)
    assert _visible(model, trainer.user, own_row)
    assert not _visible(model, outsider.user, own_row)

    assert set(qs.writable_by(actor_for_user(trainer.user))) == {own_row}
    assert set(qs.writable_by(actor_for_user(outsider.user))) == set()
    assert set(qs.writable_by(actor_for_user(client_.user))) == set()
    assert {global_row, own_row} <= set(qs.writable_by(actor_for_user(staff)))
