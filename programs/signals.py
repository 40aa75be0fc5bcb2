"""The exercise library's cache versions (`fitnesspr.versions`) follow every saved
change, whoever makes it: the services, the admin, a shell. An exercise of the shared
library, a muscle group or a piece of equipment (named on every trainer's rows) bumps
the shared version; a trainer's own exercise bumps theirs. Bulk writes send no signals:
the library loader and the data import bump for themselves."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from fitnesspr.versions import library_changed
from programs.models import Equipment, Exercise, MuscleGroup
from programs.selectors.exercises import CACHE

_LINKS = (
    Exercise.primary_muscles.through,
    Exercise.secondary_muscles.through,
    Exercise.equipment.through,
)


@receiver([post_save, post_delete], sender=Exercise)
def exercise_changed(sender: Any, instance: Exercise, using: str, **kwargs: Any) -> None:
    library_changed(CACHE, trainer_id=instance.trainer_id, using=using)


@receiver([post_save, post_delete], sender=MuscleGroup)
@receiver([post_save, post_delete], sender=Equipment)
def reference_changed(sender: Any, using: str, **kwargs: Any) -> None:
    library_changed(CACHE, trainer_id=None, using=using)


def links_changed(
    sender: Any, instance: Any, action: str, reverse: bool, using: str, **kwargs: Any
) -> None:
    if not action.startswith("post_"):
        return
    # From the muscle's side the exercises may be anyone's: the shared version covers all.
    trainer_id = None if reverse else instance.trainer_id
    library_changed(CACHE, trainer_id=trainer_id, using=using)


for _through in _LINKS:
    m2m_changed.connect(links_changed, sender=_through, dispatch_uid=f"library-{_through}")
