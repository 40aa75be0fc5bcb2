"""Reading the exercise library: what each person sees, search and filters, the
picker's search, and a constant number of queries however long the list."""

from __future__ import annotations

import pytest

from fitnesspr.actor import actor_for_user
from programs.selectors.exercises import exercise_list, exercise_search
from tests.factories.core import ClientFactory
from tests.factories.programs import EquipmentFactory, ExerciseFactory, MuscleGroupFactory


def listed(user, **filters):
    """The library as `user` sees it (through their actor)."""
    return exercise_list(actor=actor_for_user(user), **filters)


pytestmark = pytest.mark.django_db


def names(qs) -> list[str]:
    return [e.name for e in qs]


def test_a_trainer_sees_the_library_and_their_own_never_another_trainers(trainer, outsider):
    mine = ExerciseFactory(trainer=trainer, name="Zorblat Press")
    theirs = ExerciseFactory(trainer=outsider, name="Zorblat Row")

    seen = set(listed(trainer.user))

    assert mine in seen
    assert theirs not in seen
    assert any(e.is_global for e in seen)
    assert len(seen) >= 150


def test_a_client_sees_what_their_trainer_sees(trainer, outsider, client_):
    mine = ExerciseFactory(trainer=trainer, name="Zorblat Press")
    ExerciseFactory(trainer=outsider, name="Zorblat Row")
    stranger = ClientFactory(trainer=outsider)

    assert names(listed(client_.user, search="zorblat")) == [mine.name]
    assert names(listed(stranger.user, search="zorblat")) == ["Zorblat Row"]


def test_search_matches_the_name_or_another_name(trainer):
    ExerciseFactory(trainer=trainer, name="Zorblat Press", aliases="ZBP, Floor zorb")
    ExerciseFactory(trainer=trainer, name="Quexing Row")

    assert names(listed(trainer.user, search="zbp")) == ["Zorblat Press"]
    assert names(listed(trainer.user, search="ZORB")) == ["Zorblat Press"]
    assert names(listed(trainer.user, search="floor zorb")) == ["Zorblat Press"]
    assert "Romanian Deadlift" in names(listed(trainer.user, search="RDL"))
    assert names(listed(trainer.user, search="nothing-like-this")) == []


def test_muscle_filter_matches_primary_or_secondary_once(trainer):
    calf, shin = MuscleGroupFactory(slug="test-calf"), MuscleGroupFactory(slug="test-shin")
    ExerciseFactory(trainer=trainer, name="A raise", primary_muscles=[calf])
    ExerciseFactory(trainer=trainer, name="B hop", primary_muscles=[shin], secondary_muscles=[calf])
    ExerciseFactory(trainer=trainer, name="C walk", primary_muscles=[shin])

    assert names(listed(trainer.user, muscle="test-calf")) == [
        "A raise",
        "B hop",
    ]
    assert names(listed(trainer.user, muscle="test-shin")) == [
        "B hop",
        "C walk",
    ]
    assert names(listed(trainer.user, muscle="no-such-muscle")) == []


def test_equipment_category_and_owner_filters(trainer):
    sandbag = EquipmentFactory(slug="test-sandbag")
    ExerciseFactory(trainer=trainer, name="Sandbag carry", equipment=[sandbag], category="cardio")
    ExerciseFactory(trainer=trainer, name="Sandbag squat", equipment=[sandbag])

    assert names(listed(trainer.user, equipment="test-sandbag")) == [
        "Sandbag carry",
        "Sandbag squat",
    ]
    assert names(
        exercise_list(
            actor=actor_for_user(trainer.user), equipment="test-sandbag", category="cardio"
        )
    ) == ["Sandbag carry"]
    assert names(listed(trainer.user, owner="mine")) == [
        "Sandbag carry",
        "Sandbag squat",
    ]
    library = listed(trainer.user, owner="global")
    assert library.count() >= 150
    assert all(e.is_global for e in library)
    barbell = exercise_list(
        actor=actor_for_user(trainer.user), equipment="barbell", category="strength"
    )
    assert "Barbell Back Squat" in names(barbell)


def test_the_picker_search_puts_names_starting_with_the_text_first(trainer, outsider):
    ExerciseFactory(trainer=trainer, name="Zorb curl")
    ExerciseFactory(trainer=trainer, name="Alpha zorb")
    ExerciseFactory(trainer=outsider, name="Zorb row")

    assert names(exercise_search(trainer=trainer, q="zorb")) == ["Zorb curl", "Alpha zorb"]
    assert len(exercise_search(trainer=trainer, q="", limit=7)) == 7
    assert len(exercise_search(trainer=trainer, q="squat", limit=3)) == 3


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_takes_a_constant_number_of_queries(trainer, count, django_assert_max_num_queries):
    muscle, kit = MuscleGroupFactory(), EquipmentFactory()
    for _ in range(count):
        ExerciseFactory(
            trainer=trainer, primary_muscles=[muscle], secondary_muscles=[muscle], equipment=[kit]
        )

    with django_assert_max_num_queries(4):  # the rows, then one per list shown
        rows = list(listed(trainer.user, owner="mine"))
        shown = [
            (
                e.name,
                list(e.primary_muscles.all()),
                list(e.secondary_muscles.all()),
                list(e.equipment.all()),
            )
            for e in rows
        ]

    assert len(shown) == count
