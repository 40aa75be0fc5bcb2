from __future__ import annotations

import django_filters

from clients.models import Client, ClientStatus
from fitnesspr.api.filters import FilterSet, StableOrderingFilter


class ClientFilter(FilterSet):
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
