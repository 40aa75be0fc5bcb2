"""Reads of a trainer's packages, on the tenancy scope: another trainer's package is a
404 for the caller."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from billing.models import Package
from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
from trainers.models import Trainer

#: the packages page's filter: "" = on offer
PACKAGE_FILTERS = {"": "On offer", "archived": "Archived", "all": "All"}


def package_list(*, actor: Actor, show: str = "") -> QuerySet[Package]:
    """The packages the actor may see, each with `times_invoiced` (lines using it)."""
    qs = Package.objects.for_actor(actor).annotate(times_invoiced=Count("invoice_lines"))
    if show == "archived":
        qs = qs.filter(is_active=False)
    elif show != "all":
        qs = qs.filter(is_active=True)
    return qs.order_by("name", "pk")


def package_choices(*, trainer: Trainer) -> QuerySet[Package]:
    """What a new invoice line may be sold from: the trainer's packages on offer."""
    return Package.objects.for_trainer(trainer).active().order_by("name", "pk")


def package_get(*, actor: Actor, pk: int) -> Package:
    return get_for_read(Package.objects.all(), actor=actor, pk=pk)


def package_get_for_write(*, actor: Actor, pk: int) -> Package:
    return get_for_write(Package.objects.all(), actor=actor, pk=pk)
