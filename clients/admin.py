from __future__ import annotations

from django.contrib import admin

from clients.models import Client
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
