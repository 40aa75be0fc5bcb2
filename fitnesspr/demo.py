"""Demo data for a fresh install: one trainer running a small business, seeded app by
app (each app's demo.py), so a newcomer sees every part of the product working.

Idempotent: running it again finds the same rows instead of adding new ones. Each run
issues the first demo client a fresh PIN, so the logins it prints always work. (Demo
seeding is one of the few core modules allowed to name domain apps.)"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction

from billing.demo import demo_billing
from clients.demo import demo_clients, demo_reminder_settings
from clients.services import client_reset_pin
from nutrition.demo import demo_nutrition
from portability.demo import demo_portability
from programs.demo import demo_programs
from progress.demo import demo_body_progress, demo_reports, demo_sent_emails, demo_workout_logs
from trainers.demo import (
    DEMO_STAFF_EMAIL,
    DEMO_STAFF_PASSWORD,
    DEMO_TRAINER_EMAIL,
    DEMO_TRAINER_PASSWORD,
    demo_staff,
    demo_trainer,
)


@dataclass(frozen=True)
class DemoLogins:
    trainer_email: str
    trainer_password: str
    client_email: str
    client_pin: str
    staff_email: str
    staff_password: str


@transaction.atomic
def demo_seed() -> DemoLogins:
    trainer = demo_trainer()
    clients = demo_clients(trainer=trainer)
    assignments = demo_programs(trainer=trainer, clients=clients[:2])
    if assignments:  # only the first client has been keeping up
        demo_workout_logs(assignment=assignments[0])
    demo_nutrition(trainer=trainer, clients=clients[:2])
    demo_body_progress(trainer=trainer, clients=clients)
    demo_reports(clients=clients)
    demo_billing(trainer=trainer, clients=clients)
    demo_reminder_settings(clients=clients)
    demo_sent_emails(trainer=trainer)
    demo_portability(trainer=trainer)  # last: the export holds everything above
    first = clients[0]
    pin = client_reset_pin(client=first)
    demo_staff()
    return DemoLogins(
        trainer_email=DEMO_TRAINER_EMAIL,
        trainer_password=DEMO_TRAINER_PASSWORD,
        client_email=first.user.email,
        client_pin=pin,
        staff_email=DEMO_STAFF_EMAIL,
        staff_password=DEMO_STAFF_PASSWORD,
    )
