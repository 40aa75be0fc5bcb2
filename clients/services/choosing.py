"""Several clients picked at once (assigning a program or a meal plan to many)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from django.core.exceptions import ValidationError

from clients.models import Client

#: the most clients one request may assign to at once
MAX_CLIENTS_AT_ONCE = 200


def clients_chosen(clients: Iterable[Client]) -> list[Client]:
    """The clients as a list, refused when empty, too many, or when one is listed twice
    (`[6, 6, 6]` is a mistake, not three assignments)."""
    chosen = list(clients)
    if not chosen:
        raise ValidationError({"clients": "Pick at least one client."})
    if len(chosen) > MAX_CLIENTS_AT_ONCE:
        raise ValidationError({"clients": f"Pick at most {MAX_CLIENTS_AT_ONCE} clients at once."})
    twice = [client for client, count in Counter(chosen).items() if count > 1]
    if twice:
        names = ", ".join(sorted(c.full_name for c in twice))
        raise ValidationError(
            {"clients": f"Each client can be picked once; listed twice: {names}."}
        )
    return chosen
