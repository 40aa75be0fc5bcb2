"""Data for the progress report tests: a client with weigh-ins, a finished workout and a
diary day inside a period, and the PDF read back as text."""

from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal

from django.utils import timezone
from pypdf import PdfReader

from tests.factories.nutrition import DiaryEntryFactory
from tests.factories.programs import ExerciseFactory
from tests.factories.progress import BodyMeasurementFactory, SetLogFactory, WorkoutLogFactory


def pdf_text(data: bytes) -> tuple[int, str]:
    """The number of pages and all the text of a PDF."""
    reader = PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return len(reader.pages), " ".join(text.split())  # one space between words


def fill_period(client, start: dt.date) -> None:
    """Three weigh-ins, a finished squat workout and a logged diary day from `start`."""
    for offset, kg in [(0, "82.0"), (7, "81.4"), (14, "80.9")]:
        BodyMeasurementFactory(
            client=client, measured_on=start + dt.timedelta(days=offset), weight_kg=Decimal(kg)
        )
    log = WorkoutLogFactory(
        client=client,
        performed_on=start + dt.timedelta(days=3),
        status="completed",
        started_at=timezone.now() - dt.timedelta(hours=1),
        completed_at=timezone.now(),
    )
    squat = ExerciseFactory(name="Back squat")
    for number in (1, 2, 3):
        SetLogFactory(
            workout_log=log, exercise=squat, set_number=number, reps=5, load_kg=Decimal("100")
        )
    DiaryEntryFactory(client=client, eaten_on=start + dt.timedelta(days=2))
