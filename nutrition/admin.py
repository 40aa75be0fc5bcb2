from __future__ import annotations

from django.contrib import admin

from fitnesspr.admin import ScopedAdmin, ScopedTabularInline
from nutrition.models import (
    Food,
    MealPlan,
    MealPlanAssignment,
    MealPlanDay,
    MealPlanEntry,
    Recipe,
    RecipeIngredient,
)


@admin.register(Food)
class FoodAdmin(ScopedAdmin):
    list_display = ("name", "brand", "kcal", "protein_g", "carbs_g", "fat_g", "trainer")
    list_filter = (("trainer", admin.EmptyFieldListFilter),)
    list_select_related = ("trainer",)
    search_fields = ("name", "brand")
    autocomplete_fields = ("trainer",)
    readonly_fields = ("created_at", "updated_at")


class RecipeIngredientInline(ScopedTabularInline):
    model = RecipeIngredient
    autocomplete_fields = ("food",)
    fields = ("order", "food", "grams", "note")


@admin.register(Recipe)
class RecipeAdmin(ScopedAdmin):
    list_display = ("name", "trainer", "servings", "prep_minutes", "cook_minutes", "updated_at")
    list_select_related = ("trainer",)
    search_fields = ("name", "trainer__business_name")
    autocomplete_fields = ("trainer",)
    readonly_fields = ("created_at", "updated_at")
    inlines = (RecipeIngredientInline,)


@admin.register(RecipeIngredient)
class RecipeIngredientAdmin(ScopedAdmin):
    list_display = ("food", "recipe", "grams", "order")
    list_select_related = ("food", "recipe")
    search_fields = ("food__name", "recipe__name")
    autocomplete_fields = ("recipe", "food")


class MealPlanDayInline(ScopedTabularInline):
    model = MealPlanDay
    fields = ("day_number", "title")


@admin.register(MealPlan)
class MealPlanAdmin(ScopedAdmin):
    list_display = ("name", "trainer", "client", "target_kcal", "is_template", "updated_at")
    list_filter = ("is_template",)
    list_select_related = ("trainer", "client__user")
    search_fields = ("name", "trainer__business_name", "client__user__email")
    autocomplete_fields = ("trainer", "client", "source")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "created_at"
    inlines = (MealPlanDayInline,)


class MealPlanEntryInline(ScopedTabularInline):
    model = MealPlanEntry
    autocomplete_fields = ("recipe", "food")
    fields = ("slot", "order", "recipe", "servings", "food", "grams", "notes")


@admin.register(MealPlanDay)
class MealPlanDayAdmin(ScopedAdmin):
    list_display = ("__str__", "plan", "day_number")
    list_select_related = ("plan",)
    search_fields = ("title", "plan__name")
    autocomplete_fields = ("plan",)
    inlines = (MealPlanEntryInline,)


@admin.register(MealPlanEntry)
class MealPlanEntryAdmin(ScopedAdmin):
    list_display = ("__str__", "day", "slot", "order")
    list_filter = ("slot",)
    list_select_related = ("day__plan", "recipe", "food")
    search_fields = ("recipe__name", "food__name", "day__plan__name")
    autocomplete_fields = ("day", "recipe", "food")


@admin.register(MealPlanAssignment)
class MealPlanAssignmentAdmin(ScopedAdmin):
    list_display = ("meal_plan", "client", "status", "start_date", "end_date")
    list_filter = ("status",)
    list_select_related = ("meal_plan", "client__user")
    search_fields = ("meal_plan__name", "client__user__email", "client__user__last_name")
    autocomplete_fields = ("client", "meal_plan", "source_meal_plan")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "start_date"
