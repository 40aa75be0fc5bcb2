"""Workout logs, "today", exercise history and adherence as the API reads and writes
them. Writes feed progress.services; loads are in kg, times in seconds."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clients.models import Client
from fitnesspr.api.fields import NUMBER, ScopedPrimaryKeyRelatedField, WindowDateField
from fitnesspr.api.filters import QuerySerializer
from fitnesspr.api.rows import RowListSerializer
from fitnesspr.text import TEXT_MAX
from programs.models import (
    DOSE_FIELDS,
    Exercise,
    PrescribedExercise,
    Program,
    ProgramAssignment,
    ProgramDay,
)
from progress.models import OneRepMax, SetLog, WorkoutLog
from progress.services import SetEntry, workout_log_is_editable


class SetLogSerializer(serializers.ModelSerializer[SetLog]):
    exercise = ScopedPrimaryKeyRelatedField(
        Exercise, help_text="The exercise done (may differ from the prescribed one)."
    )
    exercise_name = serializers.CharField(source="exercise.name", read_only=True)
    prescribed = ScopedPrimaryKeyRelatedField(
        PrescribedExercise,
        required=False,
        allow_null=True,
        help_text="The prescription (an exercise id of the program day) this set is for.",
    )

    class Meta:
        model = SetLog
        list_serializer_class = RowListSerializer
        fields = [
            "exercise",
            "exercise_name",
            "prescribed",
            "set_number",
            "reps",
            "duration_seconds",
            "load_kg",
            "rpe",
            "is_completed",
            "notes",
        ]
        extra_kwargs = {
            "duration_seconds": {
                "help_text": "A timed set (plank, carry): how long it lasted, in seconds."
            },
            "load_kg": {**NUMBER, "help_text": "Load lifted, in kg."},
            "rpe": {**NUMBER, "help_text": "Effort 1-10 in half steps."},
            "is_completed": {"help_text": "false = skipped."},
        }


def set_entries(sets: Iterable[dict[str, Any]]) -> list[SetEntry]:
    """Validated `sets` as the service's SetEntry values."""
    return [
        SetEntry.from_data(
            {
                **s,
                "exercise_id": s["exercise"].pk,
                "prescribed_id": s["prescribed"].pk if s.get("prescribed") else None,
            }
        )
        for s in sets
    ]


def saved_entries(log: WorkoutLog) -> list[SetEntry]:
    """A log's current sets as SetEntry values (a PATCH without `sets` keeps them)."""
    return [SetEntry.of(s) for s in log.sets.all()]


class WorkoutLogSerializer(serializers.ModelSerializer[WorkoutLog]):
    """A logged workout (read), or a new one (write: program_day, performed_on, notes,
    finish, sets)."""

    program_day = ScopedPrimaryKeyRelatedField(
        ProgramDay, help_text="A day of your active program (see /progress/today/)."
    )
    client_name = serializers.CharField(source="client.full_name", read_only=True)
    sets = SetLogSerializer(many=True, help_text="Every set of the workout, done or skipped.")
    finish = serializers.BooleanField(
        write_only=True, default=False, help_text="true = the workout is done (completed)."
    )
    is_editable = serializers.SerializerMethodField(
        help_text="Can still be changed: only on the day it was logged."
    )

    class Meta:
        model = WorkoutLog
        list_serializer_class = RowListSerializer
        fields = [
            "id",
            "client",
            "client_name",
            "assignment",
            "program_day",
            "performed_on",
            "status",
            "started_at",
            "completed_at",
            "notes",
            "finish",
            "is_editable",
            "sets",
            "created_at",
            "updated_at",
        ]
        read_only_fields = [
            "id",
            "client",
            "assignment",
            "status",
            "started_at",
            "completed_at",
            "created_at",
            "updated_at",
        ]
        extra_kwargs = {
            "performed_on": {"required": False, "help_text": "Default: today (trainer's zone)."},
        }

    def get_is_editable(self, log: WorkoutLog) -> bool:
        return workout_log_is_editable(log, today=log.client.trainer.today())


class WorkoutLogUpdateSerializer(serializers.Serializer[Any]):
    """A change to a log of today: the whole list of sets (PATCH may leave it out to keep
    them), notes, and finish."""

    sets = SetLogSerializer(many=True, help_text="Replaces every set of the log.")
    notes = serializers.CharField(required=False, allow_blank=True, max_length=TEXT_MAX)
    finish = serializers.BooleanField(default=False, help_text="true = mark it completed.")


class TodaySetSerializer(serializers.ModelSerializer[SetLog]):
    class Meta:
        model = SetLog
        fields = [
            "set_number",
            "reps",
            "duration_seconds",
            "load_kg",
            "rpe",
            "is_completed",
            "notes",
        ]
        read_only_fields = fields
        extra_kwargs = {"load_kg": NUMBER, "rpe": NUMBER}


class TodayPrescriptionSerializer(serializers.ModelSerializer[PrescribedExercise]):
    """What the trainer prescribed for one exercise of the day."""

    exercise_name = serializers.CharField(source="exercise.name", read_only=True)

    class Meta:
        model = PrescribedExercise
        fields = ["id", "exercise", "exercise_name", "order", *DOSE_FIELDS]
        read_only_fields = fields
        extra_kwargs = {
            "load_kg": {**NUMBER, "help_text": "Load in kg (or load_percent_1rm)."},
            "load_percent_1rm": {**NUMBER, "help_text": "Load as % of one-rep max."},
            "rpe": NUMBER,
            "duration_seconds": {"help_text": "A timed exercise: seconds per set."},
        }


class AssignedProgramSerializer(serializers.ModelSerializer[Program]):
    """The client's own copy of the program they follow."""

    class Meta:
        model = Program
        fields = ["id", "name", "goal", "duration_weeks"]
        read_only_fields = fields


class OneRepMaxValueSerializer(serializers.Serializer[Any]):
    kg = serializers.DecimalField(max_digits=7, decimal_places=2, coerce_to_string=False)
    source = serializers.ChoiceField(  # type: ignore[assignment]  # a field, not Field.source
        choices=["trainer", "logs"],
        help_text="trainer: entered by the trainer; logs: the best estimated 1RM of the "
        "client's finished sets (Epley, sets of up to 12 reps).",
    )
    on = WindowDateField(
        allow_null=True, help_text="When it was tested, or the day of the set it comes from."
    )


class TodayExerciseSerializer(serializers.Serializer[Any]):
    prescription = TodayPrescriptionSerializer(read_only=True)
    one_rep_max = OneRepMaxValueSerializer(
        read_only=True,
        allow_null=True,
        help_text="For a % of 1RM prescription: the 1RM its load is worked out from "
        "(null when none is known).",
    )
    target_load_kg = serializers.DecimalField(
        max_digits=7,
        decimal_places=2,
        coerce_to_string=False,
        read_only=True,
        allow_null=True,
        help_text="For a % of 1RM prescription: the load, rounded to the trainer's plate "
        "increment in their units (null when no 1RM is known).",
    )
    last_date = WindowDateField(
        read_only=True, allow_null=True, help_text="When the client last did this exercise."
    )
    last_sets = TodaySetSerializer(many=True, read_only=True, help_text="What they did then.")
    logged_sets = TodaySetSerializer(many=True, read_only=True, help_text="Logged today.")


class TodayDaySerializer(serializers.ModelSerializer[ProgramDay]):
    class Meta:
        model = ProgramDay
        fields = ["id", "week", "day", "title", "notes"]
        read_only_fields = fields


class TodayAssignmentSerializer(serializers.ModelSerializer[ProgramAssignment]):
    program = AssignedProgramSerializer(read_only=True)

    class Meta:
        model = ProgramAssignment
        fields = ["id", "start_date", "program"]
        read_only_fields = fields


class TodayLogSerializer(serializers.ModelSerializer[WorkoutLog]):
    class Meta:
        model = WorkoutLog
        fields = ["id", "status", "completed_at", "notes"]
        read_only_fields = fields


class NextWorkoutSerializer(serializers.Serializer[Any]):
    date = WindowDateField()
    day = TodayDaySerializer()


class SlotSerializer(serializers.Serializer[Any]):
    week = serializers.IntegerField()
    day = serializers.IntegerField()


class TodaySerializer(serializers.Serializer[Any]):
    state = serializers.ChoiceField(
        choices=["no_program", "not_started", "training", "rest", "finished"],
        help_text="training: `day` and `exercises` are today's workout; rest: a rest day; "
        "not_started / finished: before or after the program; no_program: none assigned.",
    )
    date = WindowDateField(source="today", help_text="Today, in the trainer's zone.")
    assignment = TodayAssignmentSerializer(allow_null=True)
    slot = SlotSerializer(allow_null=True, help_text="Where today falls in the program.")
    day = TodayDaySerializer(allow_null=True)
    exercises = TodayExerciseSerializer(many=True)
    log = TodayLogSerializer(allow_null=True, help_text="Today's log of this day, if started.")
    next_workout = serializers.SerializerMethodField()
    ends_on = WindowDateField(allow_null=True, help_text="The program's last day.")

    @extend_schema_field(NextWorkoutSerializer(allow_null=True))
    def get_next_workout(self, today: Any) -> dict[str, Any] | None:
        if today.next_day is None:
            return None
        return {"date": today.next_date, "day": TodayDaySerializer(today.next_day).data}


class ProgressPointSerializer(serializers.Serializer[Any]):
    performed_on = WindowDateField()
    best_load_kg = serializers.DecimalField(
        max_digits=6, decimal_places=2, coerce_to_string=False, allow_null=True
    )
    best_reps = serializers.IntegerField(allow_null=True)
    e1rm_kg = serializers.DecimalField(
        max_digits=7,
        decimal_places=1,
        coerce_to_string=False,
        allow_null=True,
        help_text="Estimated one-rep max (Epley; sets of up to 12 reps).",
    )
    best_duration_seconds = serializers.IntegerField(
        allow_null=True,
        help_text="A timed exercise: the longest set that day, in seconds (then no e1RM).",
    )


class ExerciseBriefSerializer(serializers.ModelSerializer[Exercise]):
    class Meta:
        model = Exercise
        fields = ["id", "name"]
        read_only_fields = fields


class ExerciseHistorySerializer(serializers.Serializer[Any]):
    exercise = ExerciseBriefSerializer()
    client = serializers.IntegerField()
    points = ProgressPointSerializer(
        many=True, help_text="Per workout date (oldest first), the best completed set."
    )


class ClientQuerySerializer(QuerySerializer):
    """`?client=` on trainer reads: one of the trainer's clients."""

    client = ScopedPrimaryKeyRelatedField(Client, help_text="One of your clients.")


class AdherenceQuerySerializer(ClientQuerySerializer):
    weeks = serializers.IntegerField(min_value=1, max_value=52, default=4)


class AdherenceSerializer(serializers.Serializer[Any]):
    client = serializers.IntegerField()
    weeks = serializers.IntegerField()
    first = WindowDateField(help_text="First day counted.")
    last = WindowDateField(help_text="Last day counted (today).")
    logged = serializers.IntegerField(help_text="Program workouts completed.")
    scheduled = serializers.IntegerField(help_text="Program workouts scheduled.")
    percent = serializers.IntegerField(
        allow_null=True, help_text="logged / scheduled, capped at 100; null if none scheduled."
    )


class OneRepMaxSerializer(serializers.ModelSerializer[OneRepMax]):
    """A 1RM the trainer entered. Writes go through progress.services.one_rep_max_set."""

    client = ScopedPrimaryKeyRelatedField(Client, help_text="One of your clients.")
    exercise = ScopedPrimaryKeyRelatedField(
        Exercise, help_text="An exercise of the global library or of your own."
    )
    exercise_name = serializers.CharField(source="exercise.name", read_only=True)

    class Meta:
        model = OneRepMax
        fields = [
            "id",
            "client",
            "exercise",
            "exercise_name",
            "weight_kg",
            "tested_on",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["id", "created_at", "updated_at"]
        validators: list[Any] = []  # entering one again replaces it (one_rep_max_set)
        extra_kwargs = {
            "weight_kg": {**NUMBER, "help_text": "The one-rep max, in kg (1 to 1000)."},
            "tested_on": {
                "help_text": "When it was lifted or tested (optional, not in the future)."
            },
        }


class OneRepMaxUpdateSerializer(OneRepMaxSerializer):
    """On an update the client and exercise stay as they are."""

    client = serializers.IntegerField(source="client_id", read_only=True)  # type: ignore[assignment]
    exercise = serializers.IntegerField(source="exercise_id", read_only=True)  # type: ignore[assignment]
