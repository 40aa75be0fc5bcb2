"""Demo data for a fresh install: one trainer with a handful of clients.

Idempotent: running it again finds the same rows instead of adding new ones. Each run
issues the first demo client a fresh PIN, so the logins it prints always work."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import transaction

from clients.models import Client
from clients.services import client_create, client_reset_pin
from fitnesspr.demo_training import demo_training
from fitnesspr.models import User
from trainers.models import Trainer
from trainers.services import trainer_register

DEMO_TRAINER_EMAIL = "coach@demo.fitnesspr.app"
DEMO_TRAINER_PASSWORD = "demo-coach-2026"
DEMO_STAFF_EMAIL = "admin@demo.fitnesspr.app"
DEMO_STAFF_PASSWORD = "demo-admin-2026"

DEMO_CLIENTS = [
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


@dataclass(frozen=True)
class DemoLogins:
    trainer_email: str
    trainer_password: str
    client_email: str
    client_pin: str
    staff_email: str
    staff_password: str


def _demo_staff() -> None:
    staff = User.objects.filter(email=DEMO_STAFF_EMAIL).first()
    if staff is None:
        User.objects.create_superuser(
            DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD, first_name="Site", last_name="Admin"
        )
    else:
        staff.set_password(DEMO_STAFF_PASSWORD)
        staff.save(update_fields=["password"])


@transaction.atomic
def demo_seed() -> DemoLogins:
    user = User.objects.filter(email=DEMO_TRAINER_EMAIL).first()
    if user is None:
        trainer = trainer_register(
            email=DEMO_TRAINER_EMAIL,
            password=DEMO_TRAINER_PASSWORD,
            first_name="Sam",
            last_name="Rivera",
            business_name="Rivera Strength & Conditioning",
            timezone="Europe/London",
            unit_system="metric",
            currency="GBP",
        )
    else:
        trainer = Trainer.objects.get(user=user)
        user.set_password(DEMO_TRAINER_PASSWORD)  # keep the printed login true
        user.is_active = True
        user.save(update_fields=["password", "is_active"])

    clients: list[Client] = []
    for fields in DEMO_CLIENTS:
        client = Client.objects.for_trainer(trainer).filter(user__email=fields["email"]).first()
        if client is None:
            client, _pin = client_create(trainer=trainer, send_welcome=False, **fields)  # type: ignore[arg-type]
        clients.append(client)
    first = clients[0]
    demo_training(trainer=trainer, clients=clients[:2])
    pin = client_reset_pin(client=first)
    _demo_staff()
    return DemoLogins(
        trainer_email=DEMO_TRAINER_EMAIL,
        trainer_password=DEMO_TRAINER_PASSWORD,
        client_email=first.user.email,
        client_pin=pin,
        staff_email=DEMO_STAFF_EMAIL,
        staff_password=DEMO_STAFF_PASSWORD,
    )
