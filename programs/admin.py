from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from fitnesspr.admin import ScopedAdmin, ScopedTabularInline
from fitnesspr.versions import library_changed
from programs.models import (
    Equipment,
    Exercise,
    MuscleGroup,
    PrescribedExercise,
    Program,
    ProgramAssignment,
    ProgramDay,
)
from programs.selectors.exercises import CACHE


@admin.register(MuscleGroup)
class MuscleGroupAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "body_region")
    list_filter = ("body_region",)
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Equipment)
class EquipmentAdmin(admin.ModelAdmin):
    list_display = ("name", "slug")
    search_fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Exercise)
class ExerciseAdmin(ScopedAdmin):
    list_display = ("name", "category", "trainer", "is_unilateral", "updated_at")
    list_filter = ("category", "is_unilateral", ("trainer", admin.EmptyFieldListFilter))
    list_select_related = ("trainer",)
    search_fields = ("name", "aliases", "trainer__business_name")
    autocomplete_fields = ("trainer",)
    filter_horizontal = ("primary_muscles", "secondary_muscles", "equipment")
    readonly_fields = ("created_at", "updated_at")

    def save_model(self, request: HttpRequest, obj: Exercise, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "trainer" in form.changed_data:
            # saving bumped the new owner's cached library (programs.signals); the one
            # it was taken from shows it no more either
            library_changed(CACHE, trainer_id=form.initial.get("trainer"))


class ProgramDayInline(ScopedTabularInline):
    model = ProgramDay
    fields = ("week", "day", "title")


@admin.register(Program)
class ProgramAdmin(ScopedAdmin):
    list_display = ("name", "trainer", "client", "goal", "duration_weeks", "is_template")
    list_filter = ("is_template", "goal")
    list_select_related = ("trainer", "client__user")
    search_fields = ("name", "trainer__business_name", "client__user__email")
    autocomplete_fields = ("trainer", "client", "source")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "created_at"
    inlines = (ProgramDayInline,)


class PrescribedExerciseInline(ScopedTabularInline):
    model = PrescribedExercise
    autocomplete_fields = ("exercise",)
    fields = (
        "order",
        "superset_group",
        "exercise",
        "sets",
        "reps_min",
        "reps_max",
        "duration_seconds",
        "load_kg",
        "load_percent_1rm",
        "rpe",
        "rir",
        "rest_seconds",
        "tempo",
    )


@admin.register(ProgramDay)
class ProgramDayAdmin(ScopedAdmin):
    list_display = ("__str__", "program", "week", "day")
    list_select_related = ("program",)
    search_fields = ("title", "program__name")
    autocomplete_fields = ("program",)
    inlines = (PrescribedExerciseInline,)


@admin.register(PrescribedExercise)
class PrescribedExerciseAdmin(ScopedAdmin):
    list_display = (
        "exercise",
        "day",
        "order",
        "sets",
        "reps_min",
        "reps_max",
        "duration_seconds",
        "load_kg",
        "rpe",
    )
    list_select_related = ("exercise", "day__program")
    search_fields = ("exercise__name", "day__program__name")
    autocomplete_fields = ("day", "exercise")


@admin.register(ProgramAssignment)
class ProgramAssignmentAdmin(ScopedAdmin):
    list_display = ("program", "client", "status", "start_date", "end_date")
    list_filter = ("status",)
    list_select_related = ("program", "client__user")
    search_fields = ("program__name", "client__user__email", "client__user__last_name")
    autocomplete_fields = ("client", "program", "source_program")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "start_date"
