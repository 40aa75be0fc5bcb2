"""The other side of every constraint test: a sensible row is accepted, by the database
(the factory saves it) and by full_clean()."""

from __future__ import annotations

import pytest

from tests.factories import billing, nutrition, programs, progress
from tests.models.helpers import clean_errors

FACTORIES = [
    programs.MuscleGroupFactory,
    programs.EquipmentFactory,
    programs.ExerciseFactory,
    programs.ProgramFactory,
    programs.ClientProgramFactory,
    programs.ProgramDayFactory,
    programs.PrescribedExerciseFactory,
    programs.ProgramAssignmentFactory,
    nutrition.FoodFactory,
    nutrition.RecipeFactory,
    nutrition.RecipeIngredientFactory,
    nutrition.MealPlanFactory,
    nutrition.ClientMealPlanFactory,
    nutrition.MealPlanDayFactory,
    nutrition.MealPlanEntryFactory,
    nutrition.MealPlanAssignmentFactory,
    progress.BodyMeasurementFactory,
    progress.ProgressPhotoFactory,
    progress.WorkoutLogFactory,
    progress.SetLogFactory,
    progress.ProgressReportFactory,
    billing.PackageFactory,
    billing.InvoiceFactory,
    billing.InvoiceLineFactory,
    billing.PaymentFactory,
    billing.StripeEventFactory,
    billing.BillingProfileFactory,
]


@pytest.mark.django_db
@pytest.mark.parametrize("factory", FACTORIES, ids=lambda f: f.__name__)
def test_a_sensible_row_is_accepted(factory):
    row = factory()
    assert clean_errors(row) == {}
    assert str(row)
