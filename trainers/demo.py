"""The demo trainer and the demo staff user. Each run sets their passwords again, so
the logins `seed_demo` prints always work."""

from __future__ import annotations

from fitnesspr.models import User
from trainers.models import Trainer
from trainers.services import trainer_register

DEMO_TRAINER_EMAIL = "coach@demo.fitnesspr.app"
DEMO_TRAINER_PASSWORD = "demo-coach-2026"
DEMO_STAFF_EMAIL = "admin@demo.fitnesspr.app"
DEMO_STAFF_PASSWORD = "demo-admin-2026"


def demo_trainer() -> Trainer:
    user = User.objects.filter(email=DEMO_TRAINER_EMAIL).first()
    if user is None:
        return trainer_register(
            email=DEMO_TRAINER_EMAIL,
            password=DEMO_TRAINER_PASSWORD,
            first_name="Sam",
            last_name="Rivera",
            business_name="Rivera Strength & Conditioning",
            timezone="Europe/London",
            unit_system="metric",
            currency="GBP",
        )
    user.set_password(DEMO_TRAINER_PASSWORD)
    user.is_active = True
    user.save(update_fields=["password", "is_active"])
    return Trainer.objects.get(user=user)


def demo_staff() -> None:
    staff = User.objects.filter(email=DEMO_STAFF_EMAIL).first()
    if staff is None:
        User.objects.create_superuser(
            DEMO_STAFF_EMAIL, DEMO_STAFF_PASSWORD, first_name="Site", last_name="Admin"
        )
    else:
        staff.set_password(DEMO_STAFF_PASSWORD)
        staff.save(update_fields=["password"])
