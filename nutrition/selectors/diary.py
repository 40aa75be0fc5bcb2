"""Getters of the food diary and of the planned items a client ticks. A client reaches
only their own (someone else's is a 404); their trainer reads them; only the client
writes their diary."""

from __future__ import annotations

from django.db.models import QuerySet

from fitnesspr.actor import Actor
from fitnesspr.tenancy import get_for_read, get_for_write
from nutrition.models import DiaryEntry, MealPlanEntry


def diary_entries(*, actor: Actor) -> QuerySet[DiaryEntry]:
    return (
        DiaryEntry.objects.for_actor(actor)
        .select_related("client__user", "recipe", "food", "portion")
        .order_by("-eaten_on", "created_at", "pk")
    )


def diary_entry_get(*, actor: Actor, pk: int) -> DiaryEntry:
    return get_for_read(diary_entries(actor=actor), actor=actor, pk=pk)


def diary_entry_get_for_write(*, actor: Actor, pk: int) -> DiaryEntry:
    return get_for_write(
        DiaryEntry.objects.select_related("client__trainer", "plan_entry__slot", "food", "portion"),
        actor=actor,
        pk=pk,
    )


def planned_item_get(*, actor: Actor, pk: int) -> MealPlanEntry:
    """A planned item the actor may read (a client: one of their own plan's)."""
    return get_for_read(
        MealPlanEntry.objects.select_related("day__plan", "slot", "recipe", "food", "portion"),
        actor=actor,
        pk=pk,
    )
