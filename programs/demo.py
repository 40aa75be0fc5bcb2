"""Demo programs: a 4-week template, assigned to two demo clients.

Runs once per demo trainer (skipped when the template already exists)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from clients.models import Client
from programs.models import Exercise, Program, ProgramAssignment
from programs.services.assignments import program_assign
from programs.services.builder import prescription_add, program_create, program_day_add
from trainers.models import Trainer

TEMPLATE_NAME = "Full Body Strength (4 weeks)"

# exercise, sets, reps min/max, kg, seconds (a timed exercise has seconds and no reps)
Dose = tuple[str, int, int | None, int | None, str | None, int | None]
DAYS: list[tuple[int, str, list[Dose]]] = [
    (1, "Full body A", [
        ("Barbell Back Squat", 4, 5, 6, "60", None),
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
        for week in range(1, 5):
            day = program_day_add(program=template, week=week, day=weekday, title=title)
            for name, sets, low, high, load, seconds in exercises:
                if name not in library:  # a trimmed library: skip rather than fail
                    continue
                prescription_add(
                    program_day=day,
                    exercise=library[name],
                    sets=sets,
                    reps_min=low,
                    reps_max=high,
                    duration_seconds=seconds,
                    load_kg=Decimal(load) + (week - 1) * Decimal("2.5") if load else None,
                    rest_seconds=120 if sets >= 4 else 90,
                )
    start = trainer.today() - timedelta(days=7)
    return [program_assign(program=template, client=client, start_date=start) for client in clients]
