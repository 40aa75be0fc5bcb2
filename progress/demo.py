"""Demo workout logs: the first demo client kept up with week 1 of their program, so the
dashboard, the portal and the charts have something to show. Her trainer had entered
her squat 1RM, so the squat (prescribed as a % of 1RM) has loads worked out from it."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from decimal import Decimal

from programs.models import Exercise, ProgramAssignment
from progress.selectors.today import day_workout
from progress.services import SetEntry, one_rep_max_set, workout_log_save

SQUAT = "Barbell Back Squat"
SQUAT_1RM_KG = Decimal("100")


def demo_workout_logs(*, assignment: ProgramAssignment) -> None:
    """Log every workout of week 1 as prescribed (the last set of each a little harder)."""
    client = assignment.client
    squat = Exercise.objects.filter(trainer__isnull=True, name=SQUAT).first()
    if squat is not None:
        one_rep_max_set(
            client=client,
            exercise=squat,
            weight_kg=SQUAT_1RM_KG,
            tested_on=assignment.start_date - timedelta(days=3),
        )
    for day in assignment.program.days.filter(week=1):
        performed_on = assignment.start_date + timedelta(days=day.day - 1)
        exercises, _ = day_workout(client=client, day=day, on=performed_on)
        entries = [
            replace(
                SetEntry.as_prescribed(item.prescription, set_number=n),
                load_kg=item.prescription.load_kg or item.target_load_kg,
                rpe=Decimal("7.5") if n < item.prescription.sets else Decimal("8.5"),
            )
            for item in exercises
            for n in range(1, item.prescription.sets + 1)
        ]
        workout_log_save(
            client=client,
            program_day=day,
            sets=entries,
            finish=True,
            performed_on=performed_on,
        )
