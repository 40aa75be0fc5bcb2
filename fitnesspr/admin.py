"""The admin follows the tenancy rule too: for anyone but staff (a trainer given admin
access, say), ScopedAdmin shows only the rows the actor may read (`for_actor`), lets them
change only the rows they may write (`writable_by`), and only offers in-scope rows as
foreign-key choices."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import AdminUserCreationForm, UserChangeForm
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest

from fitnesspr.actor import actor_of
from fitnesspr.models import User
from fitnesspr.tenancy import TrainerScopedQuerySet


def _unrestricted(request: HttpRequest) -> bool:
    return actor_of(request).is_staff


class ScopedAdmin(admin.ModelAdmin):
    list_per_page = 50
    show_full_result_count = False  # no COUNT(*) over a whole big table on every page

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if _unrestricted(request) or not isinstance(qs, TrainerScopedQuerySet):
            return qs
        return qs.for_actor(actor_of(request))

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        # A trainer reads the global library but may only change their own rows.
        allowed = super().has_change_permission(request, obj)
        if not allowed or obj is None or _unrestricted(request):
            return allowed
        qs = self.model._default_manager.all()
        if isinstance(qs, TrainerScopedQuerySet):
            return qs.writable_by(actor_of(request)).filter(pk=obj.pk).exists()
        return allowed

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        if obj is not None and not self.has_change_permission(request, obj):
            return False
        return super().has_delete_permission(request, obj)

    def formfield_for_foreignkey(
        self, db_field: models.ForeignKey[Any, Any], request: HttpRequest, **kwargs: Any
    ) -> Any:
        qs = db_field.remote_field.model._default_manager.all()
        if not _unrestricted(request) and isinstance(qs, TrainerScopedQuerySet):
            kwargs.setdefault("queryset", qs.for_actor(actor_of(request)))
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ScopedTabularInline(admin.TabularInline):
    extra = 0
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Any]:
        qs = super().get_queryset(request)
        if _unrestricted(request) or not isinstance(qs, TrainerScopedQuerySet):
            return qs
        return qs.for_actor(actor_of(request))


class UserCreationForm(AdminUserCreationForm):
    class Meta:
        model = User
        fields = ("email", "first_name", "last_name", "role")


class UserEditForm(UserChangeForm):
    class Meta:
        model = User
        fields = "__all__"


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = UserEditForm
    add_form = UserCreationForm
    fieldsets = (
        (None, {"fields": ("email", "password", "role")}),
        ("Personal info", {"fields": ("first_name", "last_name")}),
        (
            "Permissions",
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        ("Important dates", {"fields": ("last_login", "date_joined")}),
    )
    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": (
                    "email",
                    "first_name",
                    "last_name",
                    "role",
                    "usable_password",
                    "password1",
                    "password2",
                ),
            },
        ),
    )
    list_display = ("email", "first_name", "last_name", "role", "is_active", "is_staff")
    list_filter = ("role", "is_active", "is_staff", "is_superuser")
    search_fields = ("email", "first_name", "last_name")
    ordering = ("email",)
    readonly_fields = ("last_login", "date_joined")
    date_hierarchy = "date_joined"
