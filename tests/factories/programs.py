from __future__ import annotations

import datetime as dt

import factory

from programs.models import (
    Equipment,
    Exercise,
    MuscleGroup,
    PrescribedExercise,
    Program,
    ProgramAssignment,
    ProgramDay,
)
from tests.factories.core import ClientFactory, TrainerFactory


class MuscleGroupFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = MuscleGroup
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Muscle {n}")
    slug = factory.Sequence(lambda n: f"muscle-{n}")
    body_region = "upper"


class EquipmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Equipment
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Equipment {n}")
    slug = factory.Sequence(lambda n: f"equipment-{n}")


class ExerciseFactory(factory.django.DjangoModelFactory):
    """A global library exercise; pass trainer=... for a trainer's own, and
    primary_muscles=[...], secondary_muscles=[...], equipment=[...] to link them."""

    class Meta:
        model = Exercise
        skip_postgeneration_save = True

    trainer = None
    name = factory.Sequence(lambda n: f"Exercise {n}")
    category = "strength"

    @factory.post_generation
    def primary_muscles(self, create: bool, extracted: list[MuscleGroup] | None, **kw: object):
        if create and extracted:
            self.primary_muscles.set(extracted)

    @factory.post_generation
    def secondary_muscles(self, create: bool, extracted: list[MuscleGroup] | None, **kw: object):
        if create and extracted:
            self.secondary_muscles.set(extracted)

    @factory.post_generation
    def equipment(self, create: bool, extracted: list[Equipment] | None, **kw: object):
        if create and extracted:
            self.equipment.set(extracted)


class OwnExerciseFactory(ExerciseFactory):
    """A trainer's own exercise."""

    trainer = factory.SubFactory(TrainerFactory)
    name = factory.Sequence(lambda n: f"Own exercise {n}")


class ProgramFactory(factory.django.DjangoModelFactory):
    """A trainer's template program."""

    class Meta:
        model = Program

    trainer = factory.SubFactory(TrainerFactory)
    client = None
    name = factory.Sequence(lambda n: f"Program {n}")
    duration_weeks = 4
    is_template = True


class ClientProgramFactory(ProgramFactory):
    """A client's own copy of a program (what assignment creates)."""

    client = factory.SubFactory(ClientFactory)
    trainer = factory.SelfAttribute("client.trainer")
    is_template = False


class ProgramDayFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramDay

    program = factory.SubFactory(ProgramFactory)
    week = 1
    day = factory.Sequence(lambda n: n % 7 + 1)
    title = "Lower body"


class PrescribedExerciseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PrescribedExercise

    day = factory.SubFactory(ProgramDayFactory)
    exercise = factory.SubFactory(ExerciseFactory)
    sets = 3
    reps_min = 8
    reps_max = 12


class ProgramAssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramAssignment

    client = factory.SubFactory(ClientFactory)
    program = factory.SubFactory(ClientProgramFactory, client=factory.SelfAttribute("..client"))
    start_date = factory.LazyFunction(dt.date.today)
    status = "active"
