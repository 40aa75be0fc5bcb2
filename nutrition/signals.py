"""The food library's cache versions (`fitnesspr.versions`) follow every saved change,
whoever makes it: the services, the admin, a shell. A food of the shared library or one
of its portions bumps the shared version; a trainer's own food or portion bumps theirs.
Bulk writes send no signals: the library loader and the data import bump for
themselves."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from fitnesspr.versions import library_changed
from nutrition.models import Food, FoodPortion
from nutrition.selectors.foods import CACHE


@receiver([post_save, post_delete], sender=Food)
def food_changed(sender: Any, instance: Food, using: str, **kwargs: Any) -> None:
    library_changed(CACHE, trainer_id=instance.trainer_id, using=using)


@receiver([post_save, post_delete], sender=FoodPortion)
def portion_changed(sender: Any, instance: FoodPortion, using: str, **kwargs: Any) -> None:
    if FoodPortion.food.is_cached(instance):  # type: ignore[attr-defined]
        owners = [instance.food.trainer_id]
    else:  # none when the food itself is being deleted: its own signal bumps
        foods = Food.objects.using(using).filter(pk=instance.food_id)
        owners = list(foods.values_list("trainer_id", flat=True))
    for trainer_id in owners:
        library_changed(CACHE, trainer_id=trainer_id, using=using)
