from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from tests.factories.core import ClientFactory
from tests.factories.programs import (
    ClientProgramFactory,
    ExerciseFactory,
    MuscleGroupFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
    ProgramFactory,
)
from tests.models.helpers import check_fails, clean_errors, non_field_errors, unique_fails

pytestmark = pytest.mark.django_db


class TestExercise:
    def test_global_names_are_unique_ignoring_case(self):
        ExerciseFactory(name="Back Squat")
        with unique_fails():
            ExerciseFactory(name="back squat")

    def test_a_trainers_names_are_unique_for_them_only(self, trainer, outsider):
        ExerciseFactory(trainer=trainer, name="Zercher carry")
        ExerciseFactory(trainer=outsider, name="Zercher carry")  # another trainer: fine
        ExerciseFactory(name="Zercher carry")  # the global library: fine
        with unique_fails():
            ExerciseFactory(trainer=trainer, name="ZERCHER CARRY")

    def test_full_clean_explains_a_duplicate(self, trainer):
        ExerciseFactory(trainer=trainer, name="Goblet squat")
        duplicate = ExerciseFactory.build(trainer=trainer, name="goblet squat")
        assert non_field_errors(duplicate) == ["You already have an exercise by this name."]

    def test_unknown_category_is_refused(self):
        with check_fails("exercise_category_valid"):
            ExerciseFactory(category="yoga")

    def test_video_must_be_a_web_link(self):
        exercise = ExerciseFactory.build(video_url="ftp://example.com/squat.mp4")
        assert "video_url" in clean_errors(exercise)
        exercise.video_url = "https://example.com/squat.mp4"
        assert clean_errors(exercise) == {}

    def test_muscle_group_region_must_be_known(self):
        with check_fails("musclegroup_region_valid"):
            MuscleGroupFactory(body_region="head")


class TestProgram:
    def test_a_template_cannot_belong_to_a_client(self, client_):
        with check_fails("program_template_has_no_client"):
            ProgramFactory(trainer=client_.trainer, client=client_, is_template=True)

    @pytest.mark.parametrize("weeks", [0, 53])
    def test_duration_is_1_to_52_weeks(self, trainer, weeks):
        with check_fails("program_duration_range"):
            ProgramFactory(trainer=trainer, duration_weeks=weeks)

    def test_the_client_must_be_the_trainers_own(self, trainer, outsider):
        program = ProgramFactory.build(
            trainer=trainer, client=ClientFactory(trainer=outsider), is_template=False
        )
        assert clean_errors(program)["client"] == ["This client belongs to another trainer."]

    def test_copies_come_from_the_trainers_own_programs(self, trainer, outsider):
        program = ProgramFactory.build(trainer=trainer, source=ProgramFactory(trainer=outsider))
        assert "source" in clean_errors(program)


class TestProgramDay:
    def test_a_day_slot_is_used_once(self):
        day = ProgramDayFactory(week=1, day=3)
        with unique_fails():
            ProgramDayFactory(program=day.program, week=1, day=3)
        ProgramDayFactory(program=day.program, week=2, day=3)

    def test_day_is_a_position_in_the_week(self):
        with check_fails("programday_day_range"):
            ProgramDayFactory(day=8)
        with check_fails("programday_week_range"):
            ProgramDayFactory(week=0)

    def test_the_week_must_fall_inside_the_program(self, trainer):
        day = ProgramDayFactory.build(program=ProgramFactory(trainer=trainer, duration_weeks=4))
        day.week = 5
        assert clean_errors(day)["week"] == ["The program only runs 4 weeks."]


class TestPrescribedExercise:
    @pytest.mark.parametrize("sets", [0, 21])
    def test_sets_are_1_to_20(self, sets):
        with check_fails("prescribed_sets_range"):
            PrescribedExerciseFactory(sets=sets)

    def test_rep_range_cannot_be_upside_down(self):
        with check_fails("prescribed_reps_max_range"):
            PrescribedExerciseFactory(reps_min=10, reps_max=8)
        PrescribedExerciseFactory(reps_min=10, reps_max=None)

    def test_a_set_is_dosed_in_reps_or_in_time(self):
        timed = PrescribedExerciseFactory(reps_min=None, reps_max=None, duration_seconds=30)
        assert clean_errors(timed) == {}
        with check_fails("prescribed_reps_or_duration"):  # both
            PrescribedExerciseFactory(reps_min=8, reps_max=None, duration_seconds=30)
        with check_fails("prescribed_reps_or_duration"):  # a rep range on a timed set
            PrescribedExerciseFactory(reps_min=None, reps_max=12, duration_seconds=30)
        with check_fails("prescribed_reps_or_duration"):  # neither
            PrescribedExerciseFactory(reps_min=None, reps_max=None, duration_seconds=None)

    def test_full_clean_explains_reps_or_time_once_on_the_reps(self):
        prescription = PrescribedExerciseFactory(reps_min=8, reps_max=None)
        prescription.duration_seconds = 30
        assert clean_errors(prescription) == {"reps_min": ["Give reps or a time, not both."]}
        prescription.reps_min = prescription.duration_seconds = None
        assert clean_errors(prescription) == {
            "reps_min": ["Give reps (8 or 8-12) or a time (30 s)."]
        }

    @pytest.mark.parametrize("seconds", [0, 7201])
    def test_a_time_is_a_second_to_two_hours(self, seconds):
        with check_fails("prescribed_duration_range"):
            PrescribedExerciseFactory(reps_min=None, reps_max=None, duration_seconds=seconds)
        prescription = PrescribedExerciseFactory(reps_min=None, reps_max=None, duration_seconds=60)
        prescription.duration_seconds = seconds
        assert "duration_seconds" in clean_errors(prescription)

    def test_load_is_kg_or_percent_never_both(self):
        with check_fails("prescribed_one_load_kind"):
            PrescribedExerciseFactory(load_kg=Decimal(100), load_percent_1rm=Decimal(80))

    def test_load_percent_is_realistic(self):
        with check_fails("prescribed_load_pct_range"):
            PrescribedExerciseFactory(load_percent_1rm=Decimal(150))

    def test_rpe_goes_in_half_steps(self):
        PrescribedExerciseFactory(rpe=Decimal("8.5"))
        with check_fails("prescribed_rpe_steps"):
            PrescribedExerciseFactory(rpe=Decimal("8.3"))
        with check_fails("prescribed_rpe_steps"):
            PrescribedExerciseFactory(rpe=Decimal("10.5"))

    def test_effort_is_rpe_or_rir_never_both(self):
        with check_fails("prescribed_one_effort_kind"):
            PrescribedExerciseFactory(rpe=Decimal(8), rir=2)

    def test_rest_is_at_most_half_an_hour(self):
        with check_fails("prescribed_rest_range"):
            PrescribedExerciseFactory(rest_seconds=1801)

    def test_superset_group_is_one_capital_letter(self):
        with check_fails("prescribed_superset_letter"):
            PrescribedExerciseFactory(superset_group="a")
        PrescribedExerciseFactory(superset_group="B")

    def test_tempo_is_validated(self):
        prescription = PrescribedExerciseFactory()
        prescription.tempo = "slow"
        assert "tempo" in clean_errors(prescription)
        prescription.tempo = "3-1-X-0"
        assert clean_errors(prescription) == {}

    def test_the_exercise_comes_from_the_trainers_library(self, trainer, outsider):
        day = ProgramDayFactory(program=ProgramFactory(trainer=trainer))
        foreign = PrescribedExerciseFactory.build(
            day=day, exercise=ExerciseFactory(trainer=outsider)
        )
        assert clean_errors(foreign)["exercise"] == ["Pick an exercise from your library."]
        own = PrescribedExerciseFactory.build(day=day, exercise=ExerciseFactory(trainer=trainer))
        assert clean_errors(own) == {}


class TestProgramAssignment:
    def test_a_client_has_one_active_program(self, client_):
        ProgramAssignmentFactory(client=client_)
        with unique_fails():
            ProgramAssignmentFactory(client=client_)
        ProgramAssignmentFactory(client=client_, status="replaced")
        ProgramAssignmentFactory(client=ClientFactory(trainer=client_.trainer))

    def test_full_clean_explains_the_second_active_program(self, client_):
        ProgramAssignmentFactory(client=client_)
        second = ProgramAssignmentFactory.build(
            client=client_, program=ClientProgramFactory(client=client_)
        )
        assert non_field_errors(second) == ["This client already has an active program."]

    def test_it_cannot_end_before_it_starts(self):
        with check_fails("progassign_end_after_start"):
            ProgramAssignmentFactory(
                start_date=dt.date(2026, 3, 1), end_date=dt.date(2026, 2, 28), status="ended"
            )

    def test_the_program_is_the_clients_own_copy(self, client_):
        someone_elses = ClientProgramFactory(client=ClientFactory(trainer=client_.trainer))
        assignment = ProgramAssignmentFactory.build(client=client_, program=someone_elses)
        assert "program" in clean_errors(assignment)
