"""Daily targets by Mifflin-St Jeor, against examples worked by hand, and the rule that
typed macros must roughly give the kcal target."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from nutrition.selectors.targets import TargetInputs, mifflin_st_jeor
from nutrition.services.plans import plan_calculate_targets, plan_create, plan_update

# Worked by hand (kcal to the nearest 10; protein and fat whole grams; carbs the rest):
# a man, 80 kg, 180 cm, 30, moderately active, maintaining:
#   BMR 10x80 + 6.25x180 - 5x30 + 5 = 1780; x 1.55 = 2759 -> 2760 kcal; protein 1.6 g/kg =
#   128 g; fat 25% of 2760 / 9 = 76.7 -> 77 g; carbs (2760 - 512 - 693) / 4 = 388.75 -> 389 g
# a woman, 60 kg, 165 cm, 40, lightly active, losing fat:
#   BMR 600 + 1031.25 - 200 - 161 = 1270.25; x 1.375 = 1746.59; x 0.8 = 1397.3 -> 1400 kcal;
#   protein 2.0 g/kg = 120 g; fat 1400 / 4 / 9 = 38.9 -> 39 g; carbs (1400 - 480 - 351) / 4 = 142
# a man, 72.5 kg, 178 cm, 22, very active, building muscle:
#   BMR 725 + 1112.5 - 110 + 5 = 1732.5; x 1.725 = 2988.56; x 1.1 = 3287.4 -> 3290 kcal;
#   protein 1.8 x 72.5 = 130.5 -> 131 g; fat 3290 / 4 / 9 = 91.4 -> 91 g; carbs 486.75 -> 487 g
WORKED = [
    (("male", 30, "80", "180", "moderate", "maintain"), Decimal(1780), (2760, 128, 77, 389)),
    (("female", 40, "60", "165", "light", "lose"), Decimal("1270.25"), (1400, 120, 39, 142)),
    (("male", 22, "72.5", "178", "very", "gain"), Decimal("1732.5"), (3290, 131, 91, 487)),
]


@pytest.mark.parametrize(("inputs", "bmr", "targets"), WORKED)
def test_the_formula_against_examples_worked_by_hand(inputs, bmr, targets):
    sex, age, weight, height, activity, goal = inputs
    result = mifflin_st_jeor(
        TargetInputs(
            sex=sex,
            age=age,
            weight_kg=Decimal(weight),
            height_cm=Decimal(height),
            activity=activity,
            goal=goal,
        )
    )
    assert result.bmr == bmr
    assert (result.kcal, result.protein_g, result.fat_g, result.carbs_g) == targets
    assert result.formula == "Mifflin-St Jeor"


def test_the_steps_are_there_to_show():
    result = mifflin_st_jeor(
        TargetInputs(
            sex="female",
            age=40,
            weight_kg=Decimal(60),
            height_cm=Decimal(165),
            activity="light",
            goal="lose",
        )
    )
    assert result.multiplier == Decimal("1.375")
    assert result.maintenance.quantize(Decimal("0.01")) == Decimal("1746.59")
    assert result.goal_change_percent == -20
    assert result.sex_term == "\u2212 161"


@pytest.mark.django_db
def test_calculating_stores_the_targets_and_the_inputs(trainer):
    plan = plan_create(trainer=trainer, name="Cut")
    plan_calculate_targets(
        plan=plan,
        sex="female",
        age=40,
        weight_kg=Decimal(60),
        height_cm=Decimal(165),
        activity="light",
        goal="lose",
    )
    plan.refresh_from_db()
    assert (plan.target_kcal, plan.target_protein_g, plan.target_carbs_g, plan.target_fat_g) == (
        1400,
        120,
        142,
        39,
    )
    assert plan.targets_from == "mifflin_st_jeor"
    assert (plan.calc_sex, plan.calc_age, plan.calc_activity) == ("female", 40, "light")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("weight", "goal", "refused"),
    [(Decimal(600), "", "calc_goal"), (Decimal(600), "lose", "calc_weight_kg")],
)
def test_the_formula_refuses_a_missing_or_impossible_input(trainer, weight, goal, refused):
    plan = plan_create(trainer=trainer, name="Cut", target_kcal=2000)
    inputs = {"sex": "female", "age": 40, "height_cm": Decimal(165), "activity": "light"}
    with pytest.raises(ValidationError) as exc:
        plan_calculate_targets(plan=plan, weight_kg=weight, goal=goal, **inputs)
    assert refused in exc.value.message_dict
    plan.refresh_from_db()
    assert plan.target_kcal == 2000
    assert plan.calc_weight_kg is None


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("kcal", "protein", "carbs", "fat", "ok"),
    [
        (2000, 150, 200, 67, True),  # 600 + 800 + 603 = 2003
        (2000, 150, 200, 100, False),  # 2300: 15% more
        (2000, 100, 150, 50, False),  # 1450: 28% less
        (2000, 150, None, None, True),  # only protein typed: 600 kcal, room for the rest
        (2000, 300, 300, None, False),  # already 2400 without the fat
        (None, 150, 200, 67, True),  # no kcal target: nothing to compare with
    ],
)
def test_typed_macros_must_add_up_to_about_the_kcal_target(trainer, kcal, protein, carbs, fat, ok):
    plan = plan_create(trainer=trainer, name="Typed")
    changes = {
        "target_kcal": kcal,
        "target_protein_g": protein,
        "target_carbs_g": carbs,
        "target_fat_g": fat,
    }
    if ok:
        plan_update(plan=plan, **changes)
        return
    with pytest.raises(ValidationError) as exc:
        plan_update(plan=plan, **changes)
    message = exc.value.message_dict["target_kcal"][0]
    assert "kcal target" in message
    plan.refresh_from_db()
    assert plan.target_kcal is None
