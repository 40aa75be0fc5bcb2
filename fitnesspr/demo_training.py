"""Demo training data: a template program, assigned to two demo clients, with a week
of logged workouts so the dashboard, the portal and the charts have something to show.

Runs once per demo trainer (skipped when the template already exists)."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from clients.models import Client
from programs.models import Exercise, Program
from programs.services.assignments import program_assign
from programs.services.builder import prescription_add, program_create, program_day_add
from progress.services import SetEntry, workout_log_save
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


def demo_training(*, trainer: Trainer, clients: list[Client]) -> None:
    if Program.objects.for_trainer(trainer).filter(name=TEMPLATE_NAME).exists():
        return
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

    today = trainer.today()
    start = today - timedelta(days=7)  # today is week 2, day 1: a training day
    for index, client in enumerate(clients):
        assignment = program_assign(program=template, client=client, start_date=start)
        if index:  # only the first client has been keeping up
            continue
        done = assignment.program.days.filter(week=1).prefetch_related("exercises")
        for day in done:
            performed_on = start + timedelta(days=day.day - 1)
            entries = [
                SetEntry(
                    exercise_id=p.exercise_id,
                    prescribed_id=p.pk,
                    set_number=n,
                    reps=p.reps_max or p.reps_min,
                    duration_seconds=p.duration_seconds,
                    load_kg=p.load_kg,
                    rpe=Decimal("7.5") if n < p.sets else Decimal("8.5"),
                )
                for p in day.exercises.all()
                for n in range(1, p.sets + 1)
            ]
            workout_log_save(
                client=client, program_day=day, sets=entries, finish=True, performed_on=performed_on
            )
