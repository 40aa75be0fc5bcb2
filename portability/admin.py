from __future__ import annotations

from django.contrib import admin

from fitnesspr.admin import ScopedAdmin
from portability.models import DataExport, DataImport


@admin.register(DataExport)
class DataExportAdmin(ScopedAdmin):
    list_display = ("trainer", "status", "size_bytes", "created_at", "completed_at")
    list_filter = ("status",)
    list_select_related = ("trainer",)
    search_fields = ("trainer__business_name", "trainer__user__email")
    readonly_fields = ("file", "size_bytes", "counts", "error", "created_at", "completed_at")


@admin.register(DataImport)
class DataImportAdmin(ScopedAdmin):
    list_display = ("trainer", "status", "filename", "created_at")
    list_filter = ("status",)
    list_select_related = ("trainer",)
    search_fields = ("trainer__business_name", "trainer__user__email")
    readonly_fields = ("filename", "counts", "error", "created_at")
