from datetime import timedelta

import pytest
from django.contrib.auth.hashers import check_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from clients import services
from clients.models import Client
from fitnesspr.errors import ConflictError
from fitnesspr.models import User
from tests.factories.core import DEFAULT_PIN, ClientFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_pins_are_six_random_digits_never_trivial():
    pins = {services.pin_generate() for _ in range(300)}
    assert len(pins) > 290  # random, not a counter
    for pin in pins:
        assert len(pin) == 6
        assert pin.isdigit()
        assert len(set(pin)) > 1
        assert pin not in {"123456", "654321", "012345", "543210"}


def test_pin_length_is_bounded():
    assert len(services.pin_generate(8)) == 8
    with pytest.raises(ValueError, match="6 to 8"):
        services.pin_generate(5)


def test_client_create_stores_only_a_hash_of_the_pin(trainer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client, pin = services.client_create(
            trainer=trainer, first_name="Dana", last_name="Lee", email="Dana@Example.com "
        )
    client.refresh_from_db()
    assert pin not in client.pin_hash
    assert check_password(pin, client.pin_hash)
    assert client.user.email == "dana@example.com"
    assert client.user.role == "client"
    assert not client.user.has_usable_password()
    # the welcome email tells the client where to sign in, never the PIN
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["dana@example.com"]
    assert "/portal/login/" in mail.outbox[0].body
    assert pin not in mail.outbox[0].body


def test_client_create_with_a_taken_email_is_a_conflict_and_writes_nothing(trainer):
    UserFactory(email="taken@example.com")
    with pytest.raises(ConflictError):
        services.client_create(
            trainer=trainer, first_name="X", last_name="Y", email="TAKEN@example.com"
        )
    assert not Client.objects.exists()
    assert User.objects.filter(email__iexact="taken@example.com").count() == 1


def test_client_create_rejects_bad_input_and_writes_nothing(trainer):
    with pytest.raises(ValidationError):
        services.client_create(trainer=trainer, first_name="A", last_name="B", email="not-an-email")
    with pytest.raises(ValidationError):
        services.client_create(trainer=trainer, first_name=" ", last_name="B", email="a@b.co")
    assert not User.objects.filter(role="client").exists()


def test_pin_login_needs_the_matching_email(client_):
    other = ClientFactory(trainer=client_.trainer, user__email="other@example.com")
    assert services.client_pin_login(email="carol@example.com", pin=DEFAULT_PIN) == client_
    assert services.client_pin_login(email="CAROL@example.com ", pin=DEFAULT_PIN) == client_
    assert services.client_pin_login(email="nobody@example.com", pin=DEFAULT_PIN) is None
    assert services.client_pin_login(email=other.user.email, pin="999999") is None


def test_ten_wrong_pins_lock_the_account_until_reset(client_):
    for _ in range(10):
        assert services.client_pin_login(email=client_.user.email, pin="000001") is None
    client_.refresh_from_db()
    assert client_.is_locked
    # even the right PIN is refused while locked
    assert services.client_pin_login(email=client_.user.email, pin=DEFAULT_PIN) is None

    new_pin = services.client_reset_pin(client=client_)
    assert services.client_pin_login(email=client_.user.email, pin=new_pin) == client_


def test_lock_lifts_after_the_cool_off(client_, settings):
    client_.locked_until = timezone.now() - timedelta(seconds=1)
    client_.save()
    assert services.client_pin_login(email=client_.user.email, pin=DEFAULT_PIN) == client_


def test_a_success_resets_the_failure_count(client_):
    for _ in range(9):
        services.client_pin_login(email=client_.user.email, pin="000001")
    assert services.client_pin_login(email=client_.user.email, pin=DEFAULT_PIN) == client_
    client_.refresh_from_db()
    assert client_.failed_pin_attempts == 0
    assert client_.last_login_at is not None


def test_archived_client_cannot_sign_in(client_):
    services.client_archive(client=client_)
    assert services.client_pin_login(email=client_.user.email, pin=DEFAULT_PIN) is None


def test_remembered_device_is_revoked_by_a_pin_reset(client_):
    token = services.device_token_make(client_)
    assert services.device_client(token) == client_
    assert services.client_pin_login_device(device_token=token, pin=DEFAULT_PIN) == client_
    assert services.client_pin_login_device(device_token=token + "x", pin=DEFAULT_PIN) is None

    services.client_reset_pin(client=client_)
    assert services.device_client(token) is None


def test_client_update_keeps_emails_unique(client_):
    UserFactory(email="taken@example.com")
    with pytest.raises(ConflictError):
        services.client_update(client=client_, email="taken@example.com")
    services.client_update(client=client_, email="New@Example.com", goals="Run a 10k")
    client_.refresh_from_db()
    assert client_.user.email == "new@example.com"
    assert client_.goals == "Run a 10k"


def test_client_update_refuses_owner_fields(client_, outsider):
    with pytest.raises(ValidationError):
        services.client_update(client=client_, trainer=outsider)
    client_.refresh_from_db()
    assert client_.trainer != outsider


def test_a_future_date_of_birth_is_refused(client_):
    from datetime import date

    with pytest.raises(ValidationError, match="future"):
        services.client_update(client=client_, date_of_birth=date.today() + timedelta(days=2))


def test_a_client_with_invoices_cannot_be_deleted_only_archived(client_):
    from tests.factories.billing import InvoiceFactory

    InvoiceFactory(trainer=client_.trainer, client=client_)
    with pytest.raises(ConflictError, match="archive"):
        services.client_delete(client=client_)
    assert Client.objects.filter(pk=client_.pk).exists()


def test_delete_removes_the_client_and_the_login(client_):
    user_id = client_.user_id
    services.client_delete(client=client_)
    assert not Client.objects.filter(pk=client_.pk).exists()
    assert not User.objects.filter(pk=user_id).exists()


def test_archiving_signs_the_client_out_and_unarchiving_lets_them_back(client_):
    from fitnesspr.tokens import tokens_for, tokens_refresh

    tokens = tokens_for(client_.user)
    services.client_update(client=client_, status="archived")
    client_.user.refresh_from_db()
    assert not client_.user.is_active
    with pytest.raises(Exception, match=r"(?i)token|user|auth"):
        tokens_refresh(tokens["refresh"])

    services.client_update(client=client_, status="active")
    assert services.client_pin_login(email=client_.user.email, pin=DEFAULT_PIN) == client_


def test_a_pin_reset_revokes_api_refresh_tokens(client_):
    from fitnesspr.tokens import tokens_for, tokens_refresh

    tokens = tokens_for(client_.user)
    services.client_reset_pin(client=client_)
    with pytest.raises(Exception, match=r"(?i)token|auth"):
        tokens_refresh(tokens["refresh"])
