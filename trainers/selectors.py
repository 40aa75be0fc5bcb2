from __future__ import annotations

from typing import Any

from clients import selectors as client_selectors
from trainers.models import Trainer


def dashboard_summary(*, trainer: Trainer) -> dict[str, Any]:
    """What the dashboard home shows: head counts and the newest clients."""
    return {
        "counts": client_selectors.client_counts(trainer=trainer),
        "recent_clients": list(client_selectors.client_recent(trainer=trainer)),
    }
