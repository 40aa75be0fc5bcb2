"""Daily targets from a person's body and habits, by the Mifflin-St Jeor equation
(Mifflin et al., 1990), the estimate of resting energy most dietitians use:

    BMR = 10 x weight (kg) + 6.25 x height (cm) - 5 x age (years) + 5      (men)
    BMR = 10 x weight (kg) + 6.25 x height (cm) - 5 x age (years) - 161    (women)

Maintenance = BMR x an activity multiplier; the goal moves it up or down. Protein is set
per kg of body weight, fat at a share of the energy, and carbohydrate fills the rest.
Every step is returned, so a page can show the arithmetic."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from nutrition.models import ActivityLevel, Goal, Sex

FORMULA_NAME = "Mifflin-St Jeor"

ACTIVITY_MULTIPLIERS: dict[str, Decimal] = {
    ActivityLevel.SEDENTARY: Decimal("1.2"),
    ActivityLevel.LIGHT: Decimal("1.375"),
    ActivityLevel.MODERATE: Decimal("1.55"),
    ActivityLevel.VERY: Decimal("1.725"),
    ActivityLevel.EXTRA: Decimal("1.9"),
}
GOAL_FACTORS: dict[str, Decimal] = {
    Goal.LOSE: Decimal("0.8"),
    Goal.LOSE_SLOWLY: Decimal("0.9"),
    Goal.MAINTAIN: Decimal("1.0"),
    Goal.GAIN: Decimal("1.1"),
}
#: grams of protein per kg of body weight: more while losing fat, to keep the muscle
PROTEIN_G_PER_KG: dict[str, Decimal] = {
    Goal.LOSE: Decimal("2.0"),
    Goal.LOSE_SLOWLY: Decimal("1.8"),
    Goal.MAINTAIN: Decimal("1.6"),
    Goal.GAIN: Decimal("1.8"),
}
FAT_SHARE = Decimal("0.25")
SEX_CONSTANT = {Sex.MALE: Decimal(5), Sex.FEMALE: Decimal(-161)}


def _whole(value: Decimal, step: int = 1) -> int:
    return int((value / step).quantize(Decimal(1), ROUND_HALF_UP)) * step


@dataclass(frozen=True)
class TargetInputs:
    sex: str
    age: int
    weight_kg: Decimal
    height_cm: Decimal
    activity: str
    goal: str


@dataclass(frozen=True)
class Targets:
    """The result and the steps that led to it (unrounded steps, rounded targets)."""

    inputs: TargetInputs
    bmr: Decimal
    multiplier: Decimal
    maintenance: Decimal
    goal_factor: Decimal
    protein_per_kg: Decimal
    kcal: int
    protein_g: int
    carbs_g: int
    fat_g: int

    @property
    def formula(self) -> str:
        return FORMULA_NAME

    @property
    def sex_constant(self) -> Decimal:
        return SEX_CONSTANT[Sex(self.inputs.sex)]

    @property
    def sex_term(self) -> str:
        """The formula's last term as written: "+ 5" or "- 161"."""
        constant = self.sex_constant
        return f"+ {constant}" if constant >= 0 else f"\u2212 {-constant}"

    @property
    def fat_share_percent(self) -> int:
        return int(FAT_SHARE * 100)

    @property
    def goal_change_percent(self) -> int:
        return int((self.goal_factor - 1) * 100)


def mifflin_st_jeor(inputs: TargetInputs) -> Targets:
    """Targets for one person. kcal is rounded to the nearest 10; protein and fat to
    whole grams; carbs take what energy is left (4 kcal/g protein and carbs, 9 fat)."""
    bmr = (
        10 * Decimal(inputs.weight_kg)
        + Decimal("6.25") * Decimal(inputs.height_cm)
        - 5 * Decimal(inputs.age)
        + SEX_CONSTANT[Sex(inputs.sex)]
    )
    multiplier = ACTIVITY_MULTIPLIERS[ActivityLevel(inputs.activity)]
    maintenance = bmr * multiplier
    goal_factor = GOAL_FACTORS[Goal(inputs.goal)]
    kcal = _whole(maintenance * goal_factor, 10)
    per_kg = PROTEIN_G_PER_KG[Goal(inputs.goal)]
    protein = _whole(per_kg * Decimal(inputs.weight_kg))
    fat = _whole(kcal * FAT_SHARE / 9)
    carbs = max(0, _whole(Decimal(kcal - 4 * protein - 9 * fat) / 4))
    return Targets(
        inputs=inputs,
        bmr=bmr,
        multiplier=multiplier,
        maintenance=maintenance,
        goal_factor=goal_factor,
        protein_per_kg=per_kg,
        kcal=kcal,
        protein_g=protein,
        carbs_g=carbs,
        fat_g=fat,
    )
