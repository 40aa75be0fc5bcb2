from clients.models import AssignmentStatus

from .library import (
    Food,
    FoodQuerySet,
    Recipe,
    RecipeIngredient,
    RecipeIngredientQuerySet,
    RecipeQuerySet,
)
from .plans import (
    MealPlan,
    MealPlanAssignment,
    MealPlanAssignmentQuerySet,
    MealPlanDay,
    MealPlanDayQuerySet,
    MealPlanEntry,
    MealPlanEntryQuerySet,
    MealPlanQuerySet,
    MealSlot,
)

__all__ = [
    "AssignmentStatus",
    "Food",
    "FoodQuerySet",
    "MealPlan",
    "MealPlanAssignment",
    "MealPlanAssignmentQuerySet",
    "MealPlanDay",
    "MealPlanDayQuerySet",
    "MealPlanEntry",
    "MealPlanEntryQuerySet",
    "MealPlanQuerySet",
    "MealSlot",
    "Recipe",
    "RecipeIngredient",
    "RecipeIngredientQuerySet",
    "RecipeQuerySet",
]
