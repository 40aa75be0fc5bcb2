"""Demo workout logs: the first demo client kept up with week 1 of their program, so the
dashboard, the portal and the charts have something to show."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from programs.models import ProgramAssignment
from progress.services import SetEntry, workout_log_save


def demo_workout_logs(*, assignment: ProgramAssignment) -> None:
    """Log every workout of week 1 as prescribed (the last set of each a little harder)."""
    week_one = assignment.program.days.filter(week=1).prefetch_related("exercises")
    for day in week_one:
        entries = [
            SetEntry.as_prescribed(
                p, set_number=n, rpe=Decimal("7.5") if n < p.sets else Decimal("8.5")
            )
            for p in day.exercises.all()
            for n in range(1, p.sets + 1)
        ]
        workout_log_save(
            client=assignment.client,
            program_day=day,
            sets=entries,
            finish=True,
            performed_on=assignment.start_date + timedelta(days=day.day - 1),
        )
