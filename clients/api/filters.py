from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet

from clients.models import Client, ClientStatus


class StableOrderingFilter(django_filters.OrderingFilter):
    """Ordering with the id as a tie-breaker, so pages never repeat or skip a row."""

    def filter(self, qs: QuerySet[Any], value: Any) -> QuerySet[Any]:
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "pk") if value else qs


class ClientFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=ClientStatus.choices)
    ordering = StableOrderingFilter(
        fields=(
            ("user__first_name", "first_name"),
            ("user__last_name", "last_name"),
            ("user__email", "email"),
            ("status", "status"),
            ("created_at", "created_at"),
        ),
        help_text="Sort by first_name, last_name, email, status or created_at; "
        "prefix with - for descending.",
    )

    class Meta:
        model = Client
        fields = ["status"]
