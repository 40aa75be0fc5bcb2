"""Copying programs and assigning them to clients.

A client never follows the trainer's program itself but their own deep copy, so editing
a template later does not rewrite what a client did (or is doing)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from clients.models import Client, ClientStatus
from clients.services.choosing import clients_chosen
from fitnesspr.dates import WINDOW_MESSAGE, in_window, shift
from programs.models import (
    DOSE_FIELDS,
    AssignmentStatus,
    PrescribedExercise,
    Program,
    ProgramAssignment,
    ProgramDay,
)

COPIED_PROGRAM_FIELDS = ("name", "goal", "description", "duration_weeks")
COPIED_DOSE_FIELDS = ("exercise_id", "order", *DOSE_FIELDS)


@transaction.atomic
def program_copy(
    *,
    program: Program,
    name: str | None = None,
    is_template: bool = False,
    client: Client | None = None,
) -> Program:
    """A deep copy (days and prescribed exercises) in a fixed number of queries."""
    if client is not None and client.trainer_id != program.trainer_id:
        raise ValidationError({"client": "This client belongs to another trainer."})
    copy = Program(
        trainer_id=program.trainer_id,
        client=client,
        is_template=is_template and client is None,
        source=program,
        **{field: getattr(program, field) for field in COPIED_PROGRAM_FIELDS},
    )
    if name is not None:
        copy.name = name.strip()
    copy.full_clean()
    copy.save()

    days = list(program.days.order_by("week", "day"))
    new_days = ProgramDay.objects.bulk_create(
        [
            ProgramDay(program=copy, week=d.week, day=d.day, title=d.title, notes=d.notes)
            for d in days
        ]
    )
    if not all(d.pk for d in new_days):  # backends without RETURNING: read the ids back
        new_days = list(copy.days.order_by("week", "day"))
    day_map = {old.pk: new.pk for old, new in zip(days, new_days, strict=True)}
    PrescribedExercise.objects.bulk_create(
        [
            PrescribedExercise(
                day_id=day_map[p.day_id], **{f: getattr(p, f) for f in COPIED_DOSE_FIELDS}
            )
            for p in PrescribedExercise.objects.filter(day__program=program).order_by("pk")
        ]
    )
    return copy


def program_duplicate(*, program: Program, name: str | None = None) -> Program:
    """ "Duplicate": the same program again, for the trainer (a template stays a template)."""
    return program_copy(
        program=program,
        name=name or f"{program.name} (copy)",
        is_template=program.is_template,
    )


def program_from_template(*, template: Program, name: str | None = None) -> Program:
    if not template.is_template:
        raise ValidationError({"template": "Pick a program marked as a template."})
    return program_copy(program=template, name=name or template.name, is_template=False)


def _assignable(program: Program, client: Client) -> None:
    if client.trainer_id != program.trainer_id:
        raise ValidationError({"client": "This client belongs to another trainer."})
    if client.status == ClientStatus.ARCHIVED:
        raise ValidationError({"client": f"{client.full_name} is archived."})
    if program.client_id is not None:
        raise ValidationError(
            {"program": "This is a client's own copy: assign the program it was made from."}
        )
    if not program.days.exists():
        raise ValidationError({"program": "Add at least one training day before assigning."})


def _in_window(field: str, value: date) -> None:
    # Checked before anything is written; a date past 2100 would overflow the schedule.
    if not in_window(value):
        raise ValidationError({field: WINDOW_MESSAGE})


@transaction.atomic
def program_assign(*, program: Program, client: Client, start_date: date) -> ProgramAssignment:
    """Give a client their own copy of `program` from `start_date`. A client follows one
    program at a time: an active assignment is marked replaced and ends the day before."""
    _in_window("start_date", start_date)
    _assignable(program, client)
    # Lock the client so two assignments at once can't both become "active".
    Client.objects.select_for_update().filter(pk=client.pk).first()
    for current in ProgramAssignment.objects.for_client(client).active():
        current.status = AssignmentStatus.REPLACED
        current.end_date = max(current.start_date, shift(start_date, -1))
        current.save(update_fields=["status", "end_date", "updated_at"])
    copy = program_copy(program=program, client=client)
    assignment = ProgramAssignment(
        client=client, program=copy, source_program=program, start_date=start_date
    )
    assignment.full_clean()
    assignment.save()
    return assignment


@transaction.atomic
def program_assign_many(
    *, program: Program, clients: Iterable[Client], start_date: date
) -> list[ProgramAssignment]:
    """Assign to several clients: all of them, or (on any error) none."""
    chosen = clients_chosen(clients)
    return [program_assign(program=program, client=c, start_date=start_date) for c in chosen]


@transaction.atomic
def assignment_end(
    *,
    assignment: ProgramAssignment,
    on: date,
    status: str = AssignmentStatus.ENDED,
) -> ProgramAssignment:
    """Stop an active assignment (ended early, or completed). History stays."""
    if assignment.status != AssignmentStatus.ACTIVE:
        raise ValidationError({"status": "This assignment has already ended."})
    if status not in {AssignmentStatus.ENDED, AssignmentStatus.COMPLETED}:
        raise ValidationError({"status": "End an assignment as ended or completed."})
    _in_window("end_date", on)
    assignment.status = status
    assignment.end_date = max(on, assignment.start_date)
    assignment.full_clean()
    assignment.save()
    return assignment
