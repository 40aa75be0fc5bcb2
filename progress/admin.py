from __future__ import annotations

from django.contrib import admin

from fitnesspr.admin import ScopedAdmin, ScopedTabularInline
from progress.models import (
    BodyMeasurement,
    OneRepMax,
    ProgressPhoto,
    ProgressReport,
    SetLog,
    WorkoutLog,
)

_CLIENT_SEARCH = ("client__user__email", "client__user__first_name", "client__user__last_name")


@admin.register(BodyMeasurement)
class BodyMeasurementAdmin(ScopedAdmin):
    list_display = ("client", "measured_on", "weight_kg", "body_fat_pct", "waist_cm")
    list_select_related = ("client__user",)
    search_fields = _CLIENT_SEARCH
    autocomplete_fields = ("client",)
    readonly_fields = ("created_at",)
    date_hierarchy = "measured_on"


@admin.register(ProgressPhoto)
class ProgressPhotoAdmin(ScopedAdmin):
    list_display = ("client", "pose", "taken_on", "created_at")
    list_filter = ("pose",)
    list_select_related = ("client__user",)
    search_fields = _CLIENT_SEARCH
    autocomplete_fields = ("client",)
    readonly_fields = ("created_at",)
    date_hierarchy = "taken_on"


class SetLogInline(ScopedTabularInline):
    model = SetLog
    autocomplete_fields = ("exercise",)
    raw_id_fields = ("prescribed",)
    fields = (
        "exercise",
        "set_number",
        "reps",
        "duration_seconds",
        "load_kg",
        "rpe",
        "is_completed",
        "prescribed",
    )


@admin.register(WorkoutLog)
class WorkoutLogAdmin(ScopedAdmin):
    list_display = ("client", "performed_on", "program_day", "status", "completed_at")
    list_filter = ("status",)
    list_select_related = ("client__user", "program_day")
    search_fields = (*_CLIENT_SEARCH, "notes")
    autocomplete_fields = ("client", "assignment", "program_day")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "performed_on"
    inlines = (SetLogInline,)


@admin.register(SetLog)
class SetLogAdmin(ScopedAdmin):
    list_display = (
        "exercise",
        "workout_log",
        "set_number",
        "reps",
        "duration_seconds",
        "load_kg",
        "is_completed",
    )
    list_filter = ("is_completed",)
    list_select_related = ("exercise", "workout_log__client__user")
    search_fields = ("exercise__name", "workout_log__client__user__email")
    autocomplete_fields = ("workout_log", "exercise")
    raw_id_fields = ("prescribed",)


@admin.register(ProgressReport)
class ProgressReportAdmin(ScopedAdmin):
    list_display = ("client", "period_start", "period_end", "status", "created_at")
    list_filter = ("status",)
    list_select_related = ("client__user",)
    search_fields = _CLIENT_SEARCH
    autocomplete_fields = ("client",)
    raw_id_fields = ("requested_by",)
    readonly_fields = ("created_at", "completed_at", "error")
    date_hierarchy = "created_at"


@admin.register(OneRepMax)
class OneRepMaxAdmin(ScopedAdmin):
    list_display = ("client", "exercise", "weight_kg", "tested_on", "updated_at")
    list_select_related = ("client__user", "exercise")
    search_fields = (*_CLIENT_SEARCH, "exercise__name")
    autocomplete_fields = ("client", "exercise")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "updated_at"
