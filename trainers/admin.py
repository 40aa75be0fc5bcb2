from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest

from fitnesspr.admin import ScopedAdmin
from trainers.models import OutboundEmail, Trainer


@admin.register(Trainer)
class TrainerAdmin(ScopedAdmin):
    list_display = ("business_name", "slug", "user", "currency", "unit_system", "created_at")
    list_filter = ("currency", "unit_system")
    list_select_related = ("user",)
    search_fields = ("business_name", "slug", "user__email", "user__last_name")
    autocomplete_fields = ("user",)
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "created_at"


@admin.register(OutboundEmail)
class OutboundEmailAdmin(ScopedAdmin):
    """The outbox, read-only: an email is what was sent; "Send again" lives on the
    trainer's Emails page."""

    list_display = ("subject", "kind", "to_email", "trainer", "status", "attempts", "created_at")
    list_filter = ("status", "kind")
    list_select_related = ("trainer",)
    search_fields = ("to_email", "subject", "key", "trainer__business_name")
    date_hierarchy = "created_at"
    readonly_fields = [field.name for field in OutboundEmail._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False
