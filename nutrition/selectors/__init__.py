"""Reads for nutrition, by subject: macros (the arithmetic), targets (the formula),
foods, recipes, plans (the editor's week), today (a client's day), compliance and the
shopping list."""

from nutrition.selectors.macros import Macros, RecipeMacros, food_macros, recipe_macros

__all__ = ["Macros", "RecipeMacros", "food_macros", "recipe_macros"]
