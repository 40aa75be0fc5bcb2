"""The outbox: every email is written once under its key, sent once, and a failure is
retried, then kept for the trainer to see and send again."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import override_settings

from clients import services as client_services
from trainers.models import EmailKind, EmailStatus, OutboundEmail
from trainers.services import SECRET_REMOVED, email_deliver, email_queue, email_resend

DOWN = {"default": {"BACKEND": "tests.mail_backends.DownBackend"}}


def queue(trainer, key="test:1", **extra):
    return email_queue(
        trainer=trainer,
        key=key,
        kind=EmailKind.WEEKLY_SUMMARY,
        to_email="carol@example.com",
        subject="Your week",
        template="clients/emails/welcome",
        context={"client": {"first_name": "Carol"}, "portal_url": "https://x.test/portal/"},
        **extra,
    )


def test_an_email_goes_out_once_per_key(trainer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = queue(trainer)
        again = queue(trainer)

    assert again.pk == first.pk
    assert OutboundEmail.objects.count() == 1
    assert len(mail.outbox) == 1
    first.refresh_from_db()
    assert (first.status, first.attempts) == (EmailStatus.SENT, 1)
    assert first.sent_at is not None


def test_delivering_a_sent_email_again_sends_nothing(trainer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(trainer)

    assert email_deliver(email_id=email.pk, last_attempt=False) is None
    assert len(mail.outbox) == 1


def test_the_email_is_from_the_business_with_replies_to_the_trainer(
    trainer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        queue(trainer, unsubscribe_url="https://x.test/unsubscribe/abc/")

    sent = mail.outbox[0]
    assert sent.from_email.startswith("Alice Strength via FitnessPr <")
    assert sent.reply_to == ["alice@example.com"]
    assert sent.extra_headers["List-Unsubscribe"] == "<https://x.test/unsubscribe/abc/>"
    assert sent.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    html, mimetype = sent.alternatives[0]
    assert mimetype == "text/html"
    assert "Alice Strength" in html
    assert "Stop these reminders" in html


@override_settings(MAILERS=DOWN)
def test_a_failed_send_is_recorded_and_retried_then_failed(trainer):
    email = queue(trainer)  # not committed: the send runs below, as a worker would

    error = email_deliver(email_id=email.pk, last_attempt=False)
    email.refresh_from_db()
    assert error is not None
    assert (email.status, email.attempts) == (EmailStatus.QUEUED, 1)
    assert "Connection unexpectedly closed" in email.last_error

    assert email_deliver(email_id=email.pk, last_attempt=True) is None
    email.refresh_from_db()
    assert (email.status, email.attempts) == (EmailStatus.FAILED, 2)


def test_a_failing_mail_server_never_breaks_adding_a_client(
    trainer, django_capture_on_commit_callbacks
):
    with override_settings(MAILERS=DOWN), django_capture_on_commit_callbacks(execute=True):
        client, _pin = client_services.client_create(
            trainer=trainer, first_name="Dana", last_name="Lee", email="dana@example.com"
        )

    email = OutboundEmail.objects.get(key=f"welcome:client:{client.pk}")
    assert email.status == EmailStatus.FAILED  # in-process: one attempt, then visible

    with django_capture_on_commit_callbacks(execute=True):
        email_resend(email=email)
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT
    assert mail.outbox[0].to == ["dana@example.com"]


def test_a_pin_is_emailed_only_when_asked_and_not_kept_after_sending(
    trainer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client, pin = client_services.client_create(
            trainer=trainer,
            first_name="Dana",
            last_name="Lee",
            email="dana@example.com",
            email_pin=True,
        )

    assert pin in mail.outbox[0].body
    stored = OutboundEmail.objects.get(key=f"welcome:client:{client.pk}")
    assert pin not in stored.text_body + stored.html_body
    assert stored.text_body == SECRET_REMOVED


def test_only_a_failed_email_can_be_sent_again(trainer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        email = queue(trainer)

    with pytest.raises(Exception, match="could not be sent"):
        email_resend(email=email)


def test_the_trainer_sees_failed_emails_and_sends_them_again(
    client, trainer, django_capture_on_commit_callbacks
):
    with override_settings(MAILERS=DOWN), django_capture_on_commit_callbacks(execute=True):
        email = queue(trainer)
    client.force_login(trainer.user)

    page = client.get("/dashboard/emails/?status=failed").content.decode()
    assert "Not sent" in page
    assert "Connection unexpectedly closed" in page

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/dashboard/emails/{email.pk}/resend/", follow=True)
    assert "is on its way again" in response.content.decode()
    email.refresh_from_db()
    assert email.status == EmailStatus.SENT


def test_another_trainers_email_cannot_be_resent(
    client, trainer, outsider, django_capture_on_commit_callbacks
):
    with override_settings(MAILERS=DOWN), django_capture_on_commit_callbacks(execute=True):
        email = queue(trainer)
    client.force_login(outsider.user)

    assert client.post(f"/dashboard/emails/{email.pk}/resend/").status_code == 404
    assert "Your week" not in client.get("/dashboard/emails/").content.decode()
