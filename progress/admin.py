from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString

from fitnesspr.admin import ScopedAdmin, ScopedTabularInline
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

_CLIENT_SEARCH = ("client__user__email", "client__user__first_name", "client__user__last_name")


@admin.register(BodyMeasurement)
class BodyMeasurementAdmin(ScopedAdmin):
    list_display = ("client", "measured_on", "weight_kg", "body_fat_pct", "waist_cm")
    list_select_related = ("client__user",)
    search_fields = _CLIENT_SEARCH
    autocomplete_fields = ("client",)
    readonly_fields = ("created_at",)
    date_hierarchy = "measured_on"


@admin.register(CustomMeasurement)
class CustomMeasurementAdmin(ScopedAdmin):
    list_display = ("name", "client", "created_at")
    list_select_related = ("client__user",)
    search_fields = ("name", *_CLIENT_SEARCH)
    autocomplete_fields = ("client",)
    readonly_fields = ("created_at",)


def _photo_preview(photo: ProgressPhoto, height: int) -> SafeString | str:
    """A thumbnail linking to the full photo, both through the access-checked view."""
    if not photo.pk or not photo.image:
        return "—"
    full = reverse("progress:photo_file", args=[photo.pk, "photo"])
    thumb = reverse("progress:photo_file", args=[photo.pk, "thumb"])
    return format_html('<a href="{}"><img src="{}" alt="" height="{}"></a>', full, thumb, height)


@admin.register(ProgressPhoto)
class ProgressPhotoAdmin(ScopedAdmin):
    """Photos arrive only through the portal, the dashboard or the API, where they are
    checked and stripped of metadata: the admin reads and re-files them, never uploads.
    The files have no URL: previews go through the access-checking photo view."""

    list_display = ("client", "pose", "taken_on", "thumbnail_preview", "created_at")
    list_filter = ("pose",)
    list_select_related = ("client__user",)
    search_fields = _CLIENT_SEARCH
    autocomplete_fields = ("client", "check_in")
    raw_id_fields = ("uploaded_by",)
    exclude = ("image", "thumbnail")
    readonly_fields = ("preview", "width", "height", "created_at")
    date_hierarchy = "taken_on"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="Photo")
    def preview(self, photo: ProgressPhoto) -> SafeString | str:
        return _photo_preview(photo, 240)

    @admin.display(description="Thumbnail")
    def thumbnail_preview(self, photo: ProgressPhoto) -> SafeString | str:
        return _photo_preview(photo, 60)


class ReplyInline(ScopedTabularInline):
    model = Reply
    fk_name = "check_in"
    fields = ("created_at", "by_trainer", "author", "body", "read_at")
    readonly_fields = ("created_at",)
    raw_id_fields = ("author", "client")
    show_change_link = True


@admin.register(CheckIn)
class CheckInAdmin(ScopedAdmin):
    list_display = (
        "client",
        "due_on",
        "submitted_at",
        "energy",
        "sleep",
        "stress",
        "hunger",
        "adherence",
        "weight_kg",
    )
    list_select_related = ("client__user",)
    search_fields = (*_CLIENT_SEARCH, "comment")
    autocomplete_fields = ("client",)
    readonly_fields = ("updated_at",)
    date_hierarchy = "due_on"
    inlines = (ReplyInline,)


@admin.register(Reply)
class ReplyAdmin(ScopedAdmin):
    list_display = ("client", "created_at", "by_trainer", "check_in", "workout_log", "read_at")
    list_filter = ("by_trainer",)
    list_select_related = ("client__user", "check_in", "workout_log")
    search_fields = (*_CLIENT_SEARCH, "body")
    autocomplete_fields = ("client", "check_in", "workout_log")
    raw_id_fields = ("author",)
    date_hierarchy = "created_at"


@admin.register(ProgressSettings)
class ProgressSettingsAdmin(ScopedAdmin):
    list_display = (
        "client",
        "check_in_weekday",
        "weight_goal",
        "target_weight_kg",
        "photos_in_reports",
        "weekly_report",
    )
    list_filter = ("check_in_weekday", "weight_goal", "photos_in_reports", "weekly_report")
    list_select_related = ("client__user",)
    search_fields = _CLIENT_SEARCH
    autocomplete_fields = ("client",)
    readonly_fields = ("updated_at",)


@admin.register(AttentionDismissal)
class AttentionDismissalAdmin(ScopedAdmin):
    list_display = ("client", "rule", "subject", "fingerprint", "dismissed_at")
    list_filter = ("rule",)
    list_select_related = ("client__user",)
    search_fields = (*_CLIENT_SEARCH, "rule")
    autocomplete_fields = ("client",)
    raw_id_fields = ("dismissed_by",)
    date_hierarchy = "dismissed_at"


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
    readonly_fields = ("created_at", "completed_at", "error", "key")
    date_hierarchy = "created_at"


@admin.register(OneRepMax)
class OneRepMaxAdmin(ScopedAdmin):
    list_display = ("client", "exercise", "weight_kg", "tested_on", "updated_at")
    list_select_related = ("client__user", "exercise")
    search_fields = (*_CLIENT_SEARCH, "exercise__name")
    autocomplete_fields = ("client", "exercise")
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "updated_at"
