from __future__ import annotations

from django.contrib import admin

from clients.models import Client, ReminderSettings
from fitnesspr.admin import ScopedAdmin


@admin.register(Client)
class ClientAdmin(ScopedAdmin):
    # pin_hash and pin_version are editable=False, so no admin form ever shows them;
    # a PIN is only ever changed through clients.services.client_reset_pin.
    list_display = ("__str__", "user", "trainer", "status", "is_locked", "last_login_at")
    list_filter = ("status",)
    list_select_related = ("user", "trainer")
    search_fields = ("user__email", "user__first_name", "user__last_name", "phone")
    autocomplete_fields = ("trainer", "user")
    readonly_fields = (
        "failed_pin_attempts",
        "device_failed_pin_attempts",
        "last_login_at",
        "created_at",
        "updated_at",
    )
    date_hierarchy = "created_at"

    @admin.display(boolean=True, description="locked")
    def is_locked(self, obj: Client) -> bool:
        return obj.is_locked or obj.is_device_locked


@admin.register(ReminderSettings)
class ReminderSettingsAdmin(ScopedAdmin):
    list_display = (
        "client",
        "workout_reminders",
        "workout_reminder_time",
        "check_in_reminders",
        "timezone",
        "unsubscribed_at",
    )
    list_filter = ("workout_reminders", "check_in_reminders")
    list_select_related = ("client__user",)
    search_fields = ("client__user__email", "client__user__first_name", "client__user__last_name")
    autocomplete_fields = ("client",)
    readonly_fields = ("unsubscribed_at", "updated_at")
