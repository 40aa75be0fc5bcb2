"""What the trainer set aside on their attention list (progress.selectors.attention)."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone

from fitnesspr.tenancy import TrainerScopedQuerySet


class DismissalQuerySet(TrainerScopedQuerySet):
    """The trainer's own working list: clients never see it."""

    trainer_path = "client__trainer"
    client_path = None


class AttentionDismissal(models.Model):
    """An item the trainer dismissed, with what it was about (`fingerprint`: the last
    workout's date, the check-in's latest message, ...). The item stays hidden while its
    fingerprint is the same, and comes back as soon as it changes."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="attention_dismissals"
    )
    rule = models.CharField(max_length=40)
    #: which one of the rule's items, when a client can have several (a check-in's id)
    subject = models.CharField(max_length=40, blank=True)
    fingerprint = models.CharField(max_length=200)
    dismissed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    dismissed_at = models.DateTimeField(default=timezone.now)

    objects = DismissalQuerySet.as_manager()

    class Meta:
        ordering = ["-dismissed_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["client", "rule", "subject"], name="dismissal_one_per_item"
            )
        ]

    def __str__(self) -> str:
        return f"{self.client}: {self.rule} dismissed"
