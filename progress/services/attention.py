"""Setting an attention-list item aside (progress.selectors.attention)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from clients.models import Client
from fitnesspr.models import User
from progress.models import AttentionDismissal


@transaction.atomic
def attention_dismiss(
    *, client: Client, rule: str, subject: str, fingerprint: str, by: User | None
) -> AttentionDismissal:
    """Hide the item until what it is about (its fingerprint) changes; dismissing it
    again later replaces the old record."""
    if not rule or len(rule) > 40 or len(subject) > 40 or not 0 < len(fingerprint) <= 200:
        raise ValidationError("That item can't be dismissed.")
    dismissal, _ = AttentionDismissal.objects.update_or_create(
        client=client,
        rule=rule,
        subject=subject,
        defaults={"fingerprint": fingerprint, "dismissed_by": by, "dismissed_at": timezone.now()},
    )
    return dismissal
