from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from fitnesspr.admin import ScopedAdmin, ScopedTabularInline
from fitnesspr.versions import library_changed
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
    RecipeTag,
    food_search_text,
)
from nutrition.selectors.foods import CACHE


class FoodPortionInline(ScopedTabularInline):
    model = FoodPortion
    fields = ("order", "name", "grams")


@admin.register(Food)
class FoodAdmin(ScopedAdmin):
    list_display = ("name", "brand", "category", "kcal", "protein_g", "carbs_g", "fat_g", "trainer")
    list_filter = ("category", ("trainer", admin.EmptyFieldListFilter))
    list_select_related = ("trainer",)
    search_fields = ("name", "brand", "aliases", "search_text")
    autocomplete_fields = ("trainer",)
    readonly_fields = ("created_at", "updated_at")
    inlines = (FoodPortionInline,)

    def save_model(self, request: HttpRequest, obj: Food, form: Any, change: bool) -> None:
        # the folded names search matches on, as the services and the loader keep them
        obj.search_text = food_search_text(obj)
        super().save_model(request, obj, form, change)
        if change and "trainer" in form.changed_data:
            # saving bumped the new owner's cached library (nutrition.signals); the one
            # it was taken from shows it no more either
            library_changed(CACHE, trainer_id=form.initial.get("trainer"))


@admin.register(FoodPortion)
class FoodPortionAdmin(ScopedAdmin):
    list_display = ("name", "food", "grams", "order")
    list_select_related = ("food",)
    search_fields = ("name", "food__name")
    autocomplete_fields = ("food",)

    def save_model(self, request: HttpRequest, obj: FoodPortion, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "food" in form.changed_data:  # the food it left shows it no more
            old = Food.objects.filter(pk=form.initial.get("food")).first()
            if old is not None:
                library_changed(CACHE, trainer_id=old.trainer_id)


@admin.register(RecipeTag)
class RecipeTagAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "order")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


class RecipeIngredientInline(ScopedTabularInline):
    model = RecipeIngredient
    autocomplete_fields = ("food", "portion")
    fields = ("order", "food", "grams", "portion", "quantity", "note")


@admin.register(Recipe)
class RecipeAdmin(ScopedAdmin):
    list_display = ("name", "trainer", "servings", "prep_minutes", "cook_minutes", "updated_at")
    list_filter = ("tags",)
    list_select_related = ("trainer",)
    search_fields = ("name", "trainer__business_name")
    autocomplete_fields = ("trainer",)
    filter_horizontal = ("tags",)
    readonly_fields = ("created_at", "updated_at")
    inlines = (RecipeIngredientInline,)


@admin.register(RecipeIngredient)
class RecipeIngredientAdmin(ScopedAdmin):
    list_display = ("food", "recipe", "grams", "portion", "quantity", "order")
    list_select_related = ("food", "recipe", "portion")
    search_fields = ("food__name", "recipe__name")
    autocomplete_fields = ("recipe", "food", "portion")


class MealPlanSlotInline(ScopedTabularInline):
    model = MealPlanSlot
    fields = ("order", "name")


class MealPlanDayInline(ScopedTabularInline):
    model = MealPlanDay
    fields = ("day_number", "title")


@admin.register(MealPlan)
class MealPlanAdmin(ScopedAdmin):
    list_display = ("name", "trainer", "client", "target_kcal", "targets_from", "is_template")
    list_filter = ("is_template", "targets_from")
    list_select_related = ("trainer", "client__user")
    search_fields = ("name", "trainer__business_name", "client__user__email")
    autocomplete_fields = ("trainer", "client", "source")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "created_at"
    inlines = (MealPlanSlotInline, MealPlanDayInline)
    fieldsets = (
        (None, {"fields": ("trainer", "client", "name", "description", "is_template", "source")}),
        (
            "Daily targets",
            {"fields": ("target_kcal", "target_protein_g", "target_carbs_g", "target_fat_g")},
        ),
        (
            "Formula inputs",
            {
                "fields": (
                    "targets_from",
                    "calc_sex",
                    "calc_age",
                    "calc_weight_kg",
                    "calc_height_cm",
                    "calc_activity",
                    "calc_goal",
                )
            },
        ),
        ("Dates", {"fields": ("created_at", "updated_at")}),
    )


@admin.register(MealPlanSlot)
class MealPlanSlotAdmin(ScopedAdmin):
    list_display = ("name", "plan", "order")
    list_select_related = ("plan",)
    search_fields = ("name", "plan__name")
    autocomplete_fields = ("plan",)


class MealPlanEntryInline(ScopedTabularInline):
    model = MealPlanEntry
    autocomplete_fields = ("slot", "recipe", "food", "portion")
    fields = (
        "slot",
        "order",
        "recipe",
        "servings",
        "food",
        "grams",
        "portion",
        "quantity",
        "notes",
    )


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
    list_select_related = ("day__plan", "slot", "recipe", "food")
    search_fields = ("recipe__name", "food__name", "day__plan__name", "slot__name")
    autocomplete_fields = ("day", "slot", "recipe", "food", "portion")


@admin.register(MealPlanAssignment)
class MealPlanAssignmentAdmin(ScopedAdmin):
    list_display = ("meal_plan", "client", "status", "start_date", "end_date")
    list_filter = ("status",)
    list_select_related = ("meal_plan", "client__user")
    search_fields = ("meal_plan__name", "client__user__email", "client__user__last_name")
    autocomplete_fields = ("client", "meal_plan", "source_meal_plan")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "start_date"


@admin.register(DiaryEntry)
class DiaryEntryAdmin(ScopedAdmin):
    list_display = ("eaten_on", "client", "meal", "__str__", "status", "kcal")
    list_filter = ("status", "eaten_on")
    list_select_related = ("client__user", "recipe", "food")
    search_fields = (
        "client__user__email",
        "client__user__last_name",
        "meal",
        "recipe__name",
        "food__name",
    )
    autocomplete_fields = ("client", "plan_entry", "recipe", "food", "portion")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "eaten_on"
