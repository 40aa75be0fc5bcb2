import pytest
from django.core.exceptions import ValidationError

from fitnesspr.errors import ConflictError
from fitnesspr.models import User
from trainers.models import Trainer
from trainers.services import trainer_register, trainer_update

pytestmark = pytest.mark.django_db

GOOD = {
    "email": "Jo@Gym.com",
    "password": "lift-heavy-things-42",
    "first_name": "Jo",
    "last_name": "Smith",
    "business_name": "Jo's Gym",
}


def test_register_creates_a_trainer_login_and_profile():
    trainer = trainer_register(**GOOD)
    assert trainer.user.email == "jo@gym.com"
    assert trainer.user.role == "trainer"
    assert trainer.user.check_password(GOOD["password"])
    assert trainer.slug == "jos-gym"


def test_slugs_stay_unique():
    first = trainer_register(**GOOD)
    second = trainer_register(**{**GOOD, "email": "jo2@gym.com"})
    assert first.slug != second.slug


def test_duplicate_email_in_any_case_is_a_conflict():
    trainer_register(**GOOD)
    with pytest.raises(ConflictError):
        trainer_register(**{**GOOD, "email": "JO@GYM.COM"})
    assert User.objects.count() == 1


@pytest.mark.parametrize(
    "override",
    [
        {"password": "123"},
        {"business_name": "  "},
        {"email": "nope"},
        {"timezone": "Mars/Olympus"},
        {"currency": "XXX"},
    ],
)
def test_bad_input_writes_nothing(override):
    with pytest.raises(ValidationError):
        trainer_register(**{**GOOD, **override})
    assert not User.objects.exists()
    assert not Trainer.objects.exists()


def test_update_validates_and_ignores_nothing_silently(trainer):
    trainer_update(trainer=trainer, timezone="America/New_York", unit_system="imperial")
    trainer.refresh_from_db()
    assert trainer.timezone == "America/New_York"
    with pytest.raises(ValidationError):
        trainer_update(trainer=trainer, slug="hijack")
    with pytest.raises(ValidationError):
        trainer_update(trainer=trainer, timezone="Nowhere/Land")
