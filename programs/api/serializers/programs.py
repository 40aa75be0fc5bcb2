"""Programs, their nested days and exercises, and assignments, as the API reads and
writes them. Writes go through programs.services (structure, assignments); owner fields
(`trainer`, `client`) are never read from a body. Loads are in kg, whatever the
trainer's display units; times are in seconds."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from clients.models import Client
from fitnesspr.api.fields import NUMBER, ScopedPrimaryKeyRelatedField, WindowDateField, nested_list
from fitnesspr.api.rows import RowListSerializer
from programs.models import (
    DOSE_FIELDS,
    AssignmentStatus,
    Exercise,
    PrescribedExercise,
    Program,
    ProgramAssignment,
    ProgramDay,
)
from programs.schedule import end_of
from programs.services.builder import MAX_DAYS_IN_PROGRAM, MAX_EXERCISES_PER_DAY


class PrescriptionSerializer(serializers.ModelSerializer[PrescribedExercise]):
    id = serializers.IntegerField(
        required=False,
        allow_null=True,
        help_text="On a write, the id of an exercise already on this day keeps it (and the "
        "workout logs that point at it); leave it out to add a new one.",
    )
    exercise = ScopedPrimaryKeyRelatedField(
        Exercise, help_text="An exercise of the global library or of your own."
    )
    exercise_name = serializers.CharField(source="exercise.name", read_only=True)

    class Meta:
        model = PrescribedExercise
        fields = ["id", "exercise", "exercise_name", "order", *DOSE_FIELDS]
        read_only_fields = ["order"]
        extra_kwargs = {
            "order": {"help_text": "Position in the day, from 1: the order of the list sent."},
            "superset_group": {
                "help_text": "Exercises sharing a capital letter are done back to back."
            },
            "reps_min": {
                "help_text": "Reps per set (the bottom of a range). Null for a timed exercise."
            },
            "reps_max": {"help_text": "Top of a rep range (empty for a single number)."},
            "duration_seconds": {
                "help_text": "A timed exercise (plank, carry): seconds per set, 1-7200. Give "
                "reps_min or duration_seconds, not both; a time without reps makes the "
                "exercise timed."
            },
            "load_kg": {**NUMBER, "help_text": "Absolute load in kg (or load_percent_1rm)."},
            "load_percent_1rm": {**NUMBER, "help_text": "Load as % of one-rep max (or load_kg)."},
            "rpe": {**NUMBER, "help_text": "Target effort 1-10 in half steps (or rir)."},
            "rir": {"help_text": "Target reps in reserve, 0-10 (or rpe)."},
            "tempo": {"help_text": "Four digits like 3-1-1-0; X = explosive."},
        }


class ProgramDaySerializer(serializers.ModelSerializer[ProgramDay]):
    exercises = nested_list(
        PrescriptionSerializer(), max_items=MAX_EXERCISES_PER_DAY, required=False
    )

    class Meta:
        model = ProgramDay
        fields = ["id", "week", "day", "title", "notes", "exercises"]
        read_only_fields = ["id"]
        extra_kwargs = {
            "week": {"help_text": "Week of the program, from 1 to duration_weeks."},
            "day": {"help_text": "Day of the week, 1 to 7 (day 1 = the start date's weekday)."},
        }


PROGRAM_FIELDS = [
    "id",
    "name",
    "goal",
    "description",
    "duration_weeks",
    "is_template",
    "client",
    "source",
    "created_at",
    "updated_at",
]
PROGRAM_READ_ONLY = ["id", "client", "source", "created_at", "updated_at"]
PROGRAM_EXTRA = {
    "client": {"help_text": "Set on a client's own copy (made by assign); null otherwise."},
    "source": {"help_text": "The program this one was copied from, if any."},
}


class ProgramSerializer(serializers.ModelSerializer[Program]):
    """A program with every day and exercise. A write with `days` replaces them all."""

    days = nested_list(ProgramDaySerializer(), max_items=MAX_DAYS_IN_PROGRAM, required=False)

    class Meta:
        model = Program
        fields = [*PROGRAM_FIELDS, "days"]
        read_only_fields = PROGRAM_READ_ONLY
        extra_kwargs = PROGRAM_EXTRA

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        # A PUT without days would silently wipe the program: ask for them explicitly.
        if self.instance is not None and not self.partial and "days" not in attrs:
            raise serializers.ValidationError(
                {"days": "Send the days too (an empty list removes them all)."}
            )
        return attrs

    def service_fields(self) -> tuple[dict[str, Any], list[Any] | None]:
        """validated_data split into the program's own fields and its days (None = keep)."""
        fields = dict(self.validated_data)
        days = fields.pop("days", None)
        return fields, days


class ProgramListSerializer(serializers.ModelSerializer[Program]):
    day_count = serializers.IntegerField(read_only=True, help_text="Training days in all.")
    active_assignments = serializers.IntegerField(
        read_only=True, help_text="Clients following a copy of this program now."
    )

    class Meta:
        model = Program
        list_serializer_class = RowListSerializer
        fields = [*PROGRAM_FIELDS, "day_count", "active_assignments"]
        read_only_fields = fields
        extra_kwargs = PROGRAM_EXTRA


class ProgramDuplicateSerializer(serializers.Serializer[Any]):
    name = serializers.CharField(
        required=False, allow_blank=True, max_length=120, help_text='Default: "<name> (copy)".'
    )


class ProgramAssignSerializer(serializers.Serializer[Any]):
    client = ScopedPrimaryKeyRelatedField(
        Client, required=False, help_text="One of your clients (or use `clients`)."
    )
    clients = ScopedPrimaryKeyRelatedField(
        Client, many=True, required=False, help_text="Several of your clients at once."
    )
    start_date = WindowDateField(help_text="Day 1 of week 1 of the program.")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if ("client" in attrs) == ("clients" in attrs):
            raise serializers.ValidationError({"client": "Send either client or clients."})
        return attrs


class ProgressionSerializer(serializers.Serializer[Any]):
    load_kg = serializers.DecimalField(
        max_digits=7,
        decimal_places=4,
        required=False,
        default=Decimal(0),
        coerce_to_string=False,
        help_text="Added to every load in kg, per week after the source (-50 to 50).",
    )
    load_percent = serializers.DecimalField(
        max_digits=5,
        decimal_places=2,
        required=False,
        default=Decimal(0),
        coerce_to_string=False,
        help_text="Loads grow by this % of the source week's per week (rounded to your "
        "plate increment), and % of 1RM by this many points (-25 to 25). Not with load_kg.",
    )
    reps = serializers.IntegerField(
        required=False,
        default=0,
        min_value=-10,
        max_value=10,
        help_text="Added to reps per week (timed exercises keep their time).",
    )


class CopySerializer(serializers.Serializer[Any]):
    """What a day copy and a week copy share: "to every later week", and the steps."""

    later = serializers.BooleanField(
        required=False,
        default=False,
        help_text="true: copy it to every week after its own (the same day, for a day).",
    )
    progression = ProgressionSerializer(
        required=False, help_text="Optional steps per week after the source's week."
    )

    #: the fields that name targets one by one (instead of `later`)
    targets: tuple[str, ...] = ()

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        named = all(attrs.get(name) for name in self.targets)
        if named == bool(attrs.get("later")):
            wanted = " and ".join(self.targets)
            raise serializers.ValidationError(
                {self.targets[0]: f"Send either {wanted}, or later: true."}
            )
        return attrs


class DayCopySerializer(CopySerializer):
    week = serializers.IntegerField(min_value=1, help_text="The week of the day to copy.")
    day = serializers.IntegerField(
        min_value=1, max_value=7, help_text="The day (1-7) of that week to copy."
    )
    to_week = serializers.IntegerField(
        min_value=1, required=False, help_text="The week to copy it to (or `later`)."
    )
    to_day = serializers.IntegerField(
        min_value=1,
        max_value=7,
        required=False,
        help_text="The day (1-7) to copy it to; a day there is replaced.",
    )
    targets = ("to_week", "to_day")


class WeekCopySerializer(CopySerializer):
    week = serializers.IntegerField(min_value=1, help_text="The week to copy.")
    to_weeks = serializers.ListField(
        child=serializers.IntegerField(min_value=1),
        required=False,
        max_length=52,
        help_text="The weeks to copy it to; their days are replaced. Or `later`.",
    )
    targets = ("to_weeks",)


class ProgramBriefSerializer(serializers.ModelSerializer[Program]):
    class Meta:
        model = Program
        fields = ["id", "name", "goal", "duration_weeks"]
        read_only_fields = fields


class AssignmentSerializer(serializers.ModelSerializer[ProgramAssignment]):
    client_name = serializers.CharField(source="client.full_name", read_only=True)
    program = ProgramBriefSerializer(read_only=True, help_text="The client's own copy.")
    ends_on = serializers.SerializerMethodField(help_text="The last day of the program.")

    class Meta:
        model = ProgramAssignment
        fields = [
            "id",
            "client",
            "client_name",
            "program",
            "source_program",
            "start_date",
            "end_date",
            "ends_on",
            "status",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields
        extra_kwargs = {
            "source_program": {"help_text": "The program the trainer assigned."},
            "end_date": {"help_text": "Set when the assignment was ended or replaced."},
        }

    @extend_schema_field(WindowDateField())
    def get_ends_on(self, assignment: ProgramAssignment) -> date:
        return end_of(assignment.start_date, assignment.program.duration_weeks)


class AssignmentDetailSerializer(AssignmentSerializer):
    program = ProgramSerializer(  # type: ignore[assignment]
        read_only=True, help_text="The client's own copy, in full."
    )


class AssignmentEndSerializer(serializers.Serializer[Any]):
    status = serializers.ChoiceField(
        choices=[AssignmentStatus.ENDED, AssignmentStatus.COMPLETED],
        default=AssignmentStatus.ENDED,
        help_text="`ended` (stopped early) or `completed`.",
    )
    end_date = WindowDateField(required=False, help_text="Default: today.")
