"""Demo programs: a 4-week template, laid out the way a trainer would: week 1 built, then
copied to weeks 2-4 with +2.5 kg a week; assigned to two demo clients. The squat is
prescribed as a % of 1RM, so the portal shows the load it comes to.

Runs once per demo trainer (skipped when the template already exists)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from clients.models import Client
from programs.models import Exercise, Program, ProgramAssignment
from programs.services.assignments import program_assign
from programs.services.builder import prescription_add, program_create, program_day_add
from programs.services.copying import Progression, later_weeks, program_week_copy
from trainers.models import Trainer

TEMPLATE_NAME = "Full Body Strength (4 weeks)"

# exercise, sets, reps min/max, kg (or "75%" of 1RM), seconds (a timed exercise has
# seconds and no reps)
Dose = tuple[str, int, int | None, int | None, str | None, int | None]
DAYS: list[tuple[int, str, list[Dose]]] = [
    (1, "Full body A", [
        ("Barbell Back Squat", 4, 5, 6, "75%", None),
        ("Barbell Bench Press", 4, 6, 8, "45", None),
        ("Seated Cable Row", 3, 8, 10, "40", None),
        ("Front Plank", 3, None, None, None, 30),
    ]),
    (3, "Full body B", [
        ("Romanian Deadlift", 4, 6, 8, "60", None),
        ("Barbell Overhead Press", 3, 6, 8, "30", None),
        ("Lat Pulldown", 3, 8, 12, "40", None),
        ("Reverse Lunge", 3, 8, 10, None, None),
    ]),
    (5, "Full body C", [
        ("Trap Bar Deadlift", 3, 5, None, "80", None),
        ("Incline Dumbbell Press", 3, 8, 10, "16", None),
        ("Single-Arm Dumbbell Row", 3, 10, 12, "20", None),
        ("Farmer's Carry", 3, None, None, "24", 40),
    ]),
]  # fmt: skip


def demo_programs(*, trainer: Trainer, clients: list[Client]) -> list[ProgramAssignment]:
    """The template and its assignments (started a week ago, so today is week 2, day 1:
    a training day); nothing when the template is already there."""
    if Program.objects.for_trainer(trainer).filter(name=TEMPLATE_NAME).exists():
        return []
    library = {e.name: e for e in Exercise.objects.filter(trainer__isnull=True)}
    template = program_create(
        trainer=trainer,
        name=TEMPLATE_NAME,
        goal="strength",
        duration_weeks=4,
        is_template=True,
        description="Three full-body sessions a week: squat, hinge, push, pull, carry.",
    )
    for weekday, title, exercises in DAYS:
        day = program_day_add(program=template, week=1, day=weekday, title=title)
        for name, sets, low, high, load, seconds in exercises:
            if name not in library:  # a trimmed library: skip rather than fail
                continue
            percent = load.endswith("%") if load else False
            prescription_add(
                program_day=day,
                exercise=library[name],
                sets=sets,
                reps_min=low,
                reps_max=high,
                duration_seconds=seconds,
                load_kg=Decimal(load) if load and not percent else None,
                load_percent_1rm=Decimal(load.rstrip("%")) if load and percent else None,
                rest_seconds=120 if sets >= 4 else 90,
            )
    program_week_copy(
        program=template,
        week=1,
        to_weeks=later_weeks(template, 1),
        progression=Progression(load_kg=Decimal("2.5")),
    )
    start = trainer.today() - timedelta(days=7)
    return [program_assign(program=template, client=client, start_date=start) for client in clients]
