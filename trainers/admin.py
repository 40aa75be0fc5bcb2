from __future__ import annotations

from django.contrib import admin

from fitnesspr.admin import ScopedAdmin
from trainers.models import Trainer


@admin.register(Trainer)
class TrainerAdmin(ScopedAdmin):
    list_display = ("business_name", "slug", "user", "currency", "unit_system", "created_at")
    list_filter = ("currency", "unit_system")
    list_select_related = ("user",)
    search_fields = ("business_name", "slug", "user__email", "user__last_name")
    autocomplete_fields = ("user",)
    readonly_fields = ("created_at", "updated_at")
    date_hierarchy = "created_at"
