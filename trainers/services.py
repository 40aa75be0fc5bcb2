from __future__ import annotations

from decimal import Decimal
from typing import TypedDict, Unpack

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from fitnesspr.models import Role, User
from fitnesspr.services import user_create
from trainers.models import Trainer


def _unique_slug(name: str) -> str:
    base = slugify(name)[:120] or "trainer"
    slug, n = base, 2
    while Trainer.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def trainer_register(
    *,
    email: str,
    password: str,
    first_name: str,
    last_name: str,
    business_name: str,
    timezone: str = "UTC",
    unit_system: str = "metric",
    currency: str = "USD",
) -> Trainer:
    """A trainer signs up: one User (role trainer) and one Trainer profile, or nothing."""
    business_name = business_name.strip()
    if not business_name:
        raise ValidationError({"business_name": "Enter your business name."})
    if not first_name.strip():
        raise ValidationError({"first_name": "Enter your first name."})
    validate_password(password, User(email=email, first_name=first_name, last_name=last_name))
    user = user_create(
        email=email,
        password=password,
        role=Role.TRAINER,
        first_name=first_name.strip(),
        last_name=last_name.strip(),
    )
    trainer = Trainer(
        user=user,
        business_name=business_name,
        slug=_unique_slug(business_name),
        timezone=timezone,
        unit_system=unit_system,
        currency=currency,
    )
    trainer.full_clean(exclude=["user"])
    trainer.save()
    return trainer


class TrainerChanges(TypedDict, total=False):
    """What `trainer_update` may change; any subset."""

    business_name: str
    timezone: str
    unit_system: str
    currency: str
    plate_increment_kg: Decimal | None


@transaction.atomic
def trainer_update(*, trainer: Trainer, **changes: Unpack[TrainerChanges]) -> Trainer:
    """Change the business profile (the slug stays: links to it must keep working)."""
    allowed = set(TrainerChanges.__annotations__)
    for name, value in changes.items():
        if name not in allowed:
            raise ValidationError({name: "This field cannot be changed."})
        setattr(trainer, name, value)
    trainer.full_clean(exclude=["user"])
    trainer.save()
    return trainer
