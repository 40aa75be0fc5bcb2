from __future__ import annotations

from typing import Any

import factory
from django.contrib.auth.hashers import make_password

from clients.models import Client, ReminderSettings
from fitnesspr.models import Role, User
from trainers.models import EmailKind, OutboundEmail, Trainer

DEFAULT_PASSWORD = "correct-horse-battery-9"
DEFAULT_PIN = "402913"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"user{n}@example.com")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    role = Role.TRAINER
    password = factory.LazyFunction(lambda: make_password(DEFAULT_PASSWORD))


class StaffFactory(UserFactory):
    role = Role.STAFF
    is_staff = True
    is_superuser = True


class TrainerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trainer

    user = factory.SubFactory(UserFactory, role=Role.TRAINER)
    business_name = factory.Sequence(lambda n: f"Strong Coaching {n}")
    slug = factory.Sequence(lambda n: f"strong-coaching-{n}")
    timezone = "Europe/London"


class ClientFactory(factory.django.DjangoModelFactory):
    """A client whose PIN is DEFAULT_PIN (or `pin=...`)."""

    class Meta:
        model = Client

    trainer = factory.SubFactory(TrainerFactory)
    user = factory.SubFactory(UserFactory, role=Role.CLIENT, password="!")
    pin_hash = factory.LazyFunction(lambda: make_password(DEFAULT_PIN))

    @classmethod
    def _create(cls, model_class: type[Client], *args: Any, **kwargs: Any) -> Client:
        pin = kwargs.pop("pin", None)
        if pin is not None:
            kwargs["pin_hash"] = make_password(pin)
        return super()._create(model_class, *args, **kwargs)


class ReminderSettingsFactory(factory.django.DjangoModelFactory):
    """Both reminders on, workouts at 07:00, in the trainer's time zone."""

    class Meta:
        model = ReminderSettings

    client = factory.SubFactory(ClientFactory)


class OutboundEmailFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OutboundEmail

    trainer = factory.SubFactory(TrainerFactory)
    key = factory.Sequence(lambda n: f"test:email:{n}")
    kind = EmailKind.WELCOME
    to_email = factory.Sequence(lambda n: f"someone{n}@example.com")
    subject = "Welcome"
    text_body = "Hello."
