from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string

from clients.models import Client


@shared_task(bind=True, max_retries=3, default_retry_delay=60)
def send_client_welcome_email(self: object, client_id: int) -> None:
    """Tell a new client where their portal is. Never includes the PIN: the trainer
    hands that over. Safe to retry: it only sends mail."""
    client = Client.objects.select_related("user", "trainer").filter(pk=client_id).first()
    if client is None:
        return
    context = {"client": client, "portal_url": f"{settings.SITE_URL}/portal/login/"}
    send_mail(
        subject=f"Welcome to {client.trainer.business_name}",
        message=render_to_string("clients/emails/welcome.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[client.user.email],
    )
