"""Demo clients: four people with goals, one paused."""

from __future__ import annotations

from datetime import date, time
from decimal import Decimal
from typing import Any

from django.utils import timezone

from clients.models import Client
from clients.services import client_create
from clients.services.reminders import reminder_settings_update, reminders_unsubscribe
from trainers.models import Trainer

DEMO_CLIENTS: list[dict[str, Any]] = [
    {
        "first_name": "Anna",
        "last_name": "Kowalski",
        "email": "anna@demo.fitnesspr.app",
        "date_of_birth": date(1991, 4, 12),
        "height_cm": Decimal("168.0"),
        "goals": "Deadlift 100 kg and run a sub-25 minute 5k by summer.",
    },
    {
        "first_name": "Ben",
        "last_name": "Okafor",
        "email": "ben@demo.fitnesspr.app",
        "date_of_birth": date(1985, 9, 3),
        "height_cm": Decimal("183.5"),
        "goals": "Lose 8 kg while keeping strength; fix lower-back stiffness.",
    },
    {
        "first_name": "Chloé",
        "last_name": "Martin",
        "email": "chloe@demo.fitnesspr.app",
        "date_of_birth": date(1998, 1, 27),
        "height_cm": Decimal("161.0"),
        "goals": "First pull-up, better posture at the desk.",
    },
    {
        "first_name": "Dev",
        "last_name": "Patel",
        "email": "dev@demo.fitnesspr.app",
        "date_of_birth": date(1979, 11, 8),
        "height_cm": Decimal("176.0"),
        "goals": "Stay fit for skiing season; knee-friendly leg work.",
        "status": "paused",
    },
]


def demo_clients(*, trainer: Trainer) -> list[Client]:
    """The demo clients, created on the first run and found again after."""
    clients: list[Client] = []
    for fields in DEMO_CLIENTS:
        client = Client.objects.for_trainer(trainer).filter(user__email=fields["email"]).first()
        if client is None:
            client, _pin = client_create(trainer=trainer, send_welcome=False, **fields)
        clients.append(client)
    return clients


def demo_reminder_settings(*, clients: list[Client]) -> None:
    """Anna keeps the defaults but trains before work, Ben wants his reminders in the
    evening on his own clock, Chloé turned reminders off from an email's link; Dev
    (paused) never chose."""
    anna, ben, chloe = clients[:3]
    reminder_settings_update(client=anna, workout_reminder_time=time(6, 30))
    reminder_settings_update(
        client=ben, workout_reminder_time=time(18, 0), timezone="Europe/Dublin"
    )
    reminders_unsubscribe(client=chloe, now=timezone.now())
