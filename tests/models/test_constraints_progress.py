from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from progress.models import MEASUREMENT_RANGES, ProgressPhoto
from tests.factories.core import ClientFactory
from tests.factories.programs import (
    ClientProgramFactory,
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
)
from tests.factories.progress import (
    BodyMeasurementFactory,
    ProgressPhotoFactory,
    ProgressReportFactory,
    SetLogFactory,
    WorkoutLogFactory,
)
from tests.models.helpers import check_fails, clean_errors, non_field_errors, unique_fails

pytestmark = pytest.mark.django_db

_EMPTY = dict.fromkeys(MEASUREMENT_RANGES)


class TestBodyMeasurement:
    def test_at_least_one_value(self):
        with check_fails("measurement_has_a_value"):
            BodyMeasurementFactory(**_EMPTY)
        BodyMeasurementFactory(**{**_EMPTY, "body_fat_pct": Decimal("18.5")})

    def test_full_clean_asks_for_a_value(self):
        assert non_field_errors(BodyMeasurementFactory.build(**_EMPTY)) == [
            "Enter at least one measurement."
        ]

    @pytest.mark.parametrize(
        ("field", "value"),
        [("weight_kg", Decimal(500)), ("body_fat_pct", Decimal(1)), ("waist_cm", Decimal(300))],
    )
    def test_unrealistic_values_are_refused(self, field, value):
        with check_fails(f"measurement_{field}_range"):
            BodyMeasurementFactory(**{field: value})

    def test_a_weight_typed_in_pounds_gets_a_field_error(self, client_):
        errors = clean_errors(BodyMeasurementFactory.build(client=client_, weight_kg=Decimal(450)))
        assert list(errors) == ["weight_kg"]

    def test_one_measurement_per_client_per_day(self, client_):
        BodyMeasurementFactory(client=client_, measured_on=dt.date(2026, 5, 1))
        with unique_fails():
            BodyMeasurementFactory(client=client_, measured_on=dt.date(2026, 5, 1))
        BodyMeasurementFactory(measured_on=dt.date(2026, 5, 1))  # another client


class TestProgressPhoto:
    def test_stored_under_an_unguessable_path(self, client_):
        first = ProgressPhotoFactory(client=client_)
        second = ProgressPhotoFactory(client=client_)
        other = ProgressPhotoFactory(client=ClientFactory(trainer=client_.trainer))

        folder, name = re.fullmatch(
            r"progress/([0-9a-f]{20})/([0-9a-f]{32})\.jpg", first.image.name
        ).groups()
        # The folder is a keyed digest of the client, not an id anyone could count up.
        assert second.image.name.startswith(f"progress/{folder}/")
        assert not second.image.name.endswith(f"{name}.jpg")
        assert not other.image.name.startswith(f"progress/{folder}/")

    def test_only_common_image_types(self, client_):
        photo = ProgressPhoto(
            client=client_,
            taken_on=dt.date(2026, 5, 1),
            image=SimpleUploadedFile("photo.gif", b"GIF89a", content_type="image/gif"),
        )
        assert "image" in clean_errors(photo)

    def test_pose_must_be_known(self):
        with check_fails("photo_pose_valid"):
            ProgressPhotoFactory(pose="selfie")


class TestWorkoutLog:
    def test_status_and_completion_time_agree(self):
        with check_fails("workout_completed_has_time"):
            WorkoutLogFactory(status="completed", completed_at=None)
        start = timezone.now() - dt.timedelta(hours=1)
        with check_fails("workout_completed_has_time"):
            WorkoutLogFactory(status="in_progress", started_at=start, completed_at=timezone.now())

    def test_it_cannot_finish_before_it_starts(self):
        start = timezone.now()
        with check_fails("workout_completed_after_start"):
            WorkoutLogFactory(
                status="completed", started_at=start, completed_at=start - dt.timedelta(minutes=1)
            )

    def test_a_program_day_is_logged_once_per_date(self, client_):
        day = ProgramDayFactory(program=ClientProgramFactory(client=client_))
        WorkoutLogFactory(client=client_, program_day=day, performed_on=dt.date(2026, 5, 1))
        with unique_fails():
            WorkoutLogFactory(client=client_, program_day=day, performed_on=dt.date(2026, 5, 1))
        WorkoutLogFactory(client=client_, program_day=day, performed_on=dt.date(2026, 5, 8))

    def test_free_workouts_can_repeat_on_a_date(self, client_):
        WorkoutLogFactory(client=client_, performed_on=dt.date(2026, 5, 1))
        WorkoutLogFactory(client=client_, performed_on=dt.date(2026, 5, 1))

    def test_the_day_comes_from_the_clients_own_program(self, client_):
        sibling = ClientFactory(trainer=client_.trainer)
        day = ProgramDayFactory(program=ClientProgramFactory(client=sibling))
        log = WorkoutLogFactory.build(client=client_, program_day=day)
        assert clean_errors(log)["program_day"] == ["That day isn't in this client's program."]

    def test_the_day_belongs_to_the_logged_assignment(self, client_):
        assignment = ProgramAssignmentFactory(client=client_, status="replaced")
        other_day = ProgramDayFactory(program=ClientProgramFactory(client=client_))
        log = WorkoutLogFactory.build(client=client_, assignment=assignment, program_day=other_day)
        assert "program_day" in clean_errors(log)


class TestSetLog:
    def test_a_set_number_is_logged_once_per_exercise(self):
        first = SetLogFactory(set_number=1)
        with unique_fails():
            SetLogFactory(workout_log=first.workout_log, exercise=first.exercise, set_number=1)
        SetLogFactory(workout_log=first.workout_log, exercise=first.exercise, set_number=2)

    @pytest.mark.parametrize(
        ("fields", "constraint"),
        [
            ({"set_number": 0}, "setlog_number_range"),
            ({"load_kg": Decimal(1001)}, "setlog_load_range"),
            ({"rpe": Decimal(11)}, "setlog_rpe_range"),
            ({"duration_seconds": 86401}, "setlog_duration_range"),
        ],
    )
    def test_values_are_realistic(self, fields, constraint):
        with check_fails(constraint):
            SetLogFactory(**fields)

    def test_a_timed_set_records_how_long_it_lasted(self):
        timed = SetLogFactory(reps=None, load_kg=None, duration_seconds=45)
        assert clean_errors(timed) == {}
        assert SetLogFactory(duration_seconds=0).duration_seconds == 0  # a failed hold

    def test_the_exercise_comes_from_the_trainers_library(self, client_, outsider):
        log = WorkoutLogFactory(client=client_)
        foreign = SetLogFactory.build(workout_log=log, exercise=ExerciseFactory(trainer=outsider))
        assert "exercise" in clean_errors(foreign)

    def test_the_prescription_belongs_to_the_workouts_day(self, client_):
        day = ProgramDayFactory(program=ClientProgramFactory(client=client_))
        log = WorkoutLogFactory(client=client_, program_day=day)
        elsewhere = PrescribedExerciseFactory()
        set_log = SetLogFactory.build(
            workout_log=log, exercise=elsewhere.exercise, prescribed=elsewhere
        )
        assert "prescribed" in clean_errors(set_log)
        on_day = PrescribedExerciseFactory(day=day)
        set_log.prescribed = on_day
        assert clean_errors(set_log) == {}


class TestProgressReport:
    def test_the_period_cannot_end_before_it_starts(self):
        with check_fails("report_period_order"):
            ProgressReportFactory(period_start=dt.date(2026, 3, 1), period_end=dt.date(2026, 2, 1))

    def test_a_ready_report_has_its_file(self):
        with check_fails("report_ready_has_file"):
            ProgressReportFactory(status="ready")
        ProgressReportFactory(status="ready", file="reports/abc/report.pdf")
