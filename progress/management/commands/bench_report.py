"""Time a one-year progress report: `python manage.py bench_report [--runs N]`.

Builds (or, on later runs, reuses) a client with a full year of data: a weigh-in every
other day with monthly measurements, four finished workouts a week of five exercises
and four sets, and three diary entries a day. Then renders their one-year report (HTML
and PDF, as the background job does) N times and prints the timings. Figures only:
nothing passes or fails. It writes to the database DATABASE_URL names, under a trainer
of its own (bench-report@fitnesspr.local)."""

from __future__ import annotations

import secrets
import statistics
import time
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils import timezone

from clients.models import Client
from clients.services import client_create
from fitnesspr.models import User
from fitnesspr.pdf import html_to_pdf
from nutrition.models import DiaryEntry, Food
from programs.models import Exercise
from progress.models import BodyMeasurement, ProgressReport, SetLog, WorkoutLog, WorkoutStatus
from progress.services.reports import report_html
from trainers.models import Trainer
from trainers.services import trainer_register

EMAIL = "bench-report@fitnesspr.local"
CLIENT_EMAIL = "bench-report-client@fitnesspr.local"
DAYS = 365


def _trainer() -> Trainer:
    user = User.objects.filter(email=EMAIL).first()
    if user is not None:
        return Trainer.objects.get(user=user)
    return trainer_register(
        email=EMAIL,
        password=secrets.token_urlsafe(24),  # nobody signs in as the bench trainer
        first_name="Bench",
        last_name="Coach",
        business_name="Bench Strength",
        timezone="UTC",
        unit_system="metric",
        currency="GBP",
    )


@transaction.atomic
def _a_year_of_data(client: Client, today: date) -> None:
    start = today - timedelta(days=DAYS - 1)
    days = [start + timedelta(days=n) for n in range(DAYS)]
    BodyMeasurement.objects.bulk_create(
        BodyMeasurement(
            client=client,
            measured_on=day,
            weight_kg=Decimal("84") - Decimal(n) / 60,
            **(
                {"waist_cm": Decimal("92") - Decimal(n) / 50, "hips_cm": Decimal("104")}
                if n % 30 == 0
                else {}
            ),
        )
        for n, day in enumerate(days)
        if n % 2 == 0
    )
    exercises = list(Exercise.objects.filter(trainer__isnull=True).order_by("pk")[:5])
    now = timezone.now()
    logs = WorkoutLog.objects.bulk_create(
        WorkoutLog(
            client=client,
            performed_on=day,
            status=WorkoutStatus.COMPLETED,
            started_at=now - timedelta(hours=1),
            completed_at=now,
        )
        for day in days
        if day.weekday() in (0, 1, 3, 4)
    )
    SetLog.objects.bulk_create(
        SetLog(
            workout_log=log,
            exercise=exercise,
            set_number=n,
            reps=8,
            load_kg=Decimal(40 + 5 * index) + Decimal(week) / 2,
        )
        for week, log in enumerate(logs)
        for index, exercise in enumerate(exercises)
        for n in range(1, 5)
    )
    food = Food.objects.filter(trainer__isnull=True).order_by("pk").first()
    DiaryEntry.objects.bulk_create(
        DiaryEntry(
            client=client,
            eaten_on=day,
            meal=meal,
            food=food,
            grams=Decimal("150"),
            kcal=Decimal("600"),
            protein_g=Decimal("40"),
            carbs_g=Decimal("60"),
            fat_g=Decimal("20"),
        )
        for day in days
        for meal in ("Breakfast", "Lunch", "Dinner")
    )


def _client(trainer: Trainer) -> Client:
    client = Client.objects.for_trainer(trainer).filter(user__email=CLIENT_EMAIL).first()
    if client is None:
        client, _pin = client_create(
            trainer=trainer,
            first_name="Jordan",
            last_name="Bench",
            email=CLIENT_EMAIL,
            send_welcome=False,
        )
    if not client.body_measurements.exists():
        _a_year_of_data(client, trainer.today())
    return client


class Command(BaseCommand):
    help = "Time the render of a one-year progress report for a client with full data."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--runs", type=int, default=5, help="renders to time (default 5)")

    def handle(self, *args: Any, **options: Any) -> None:
        runs = max(1, options["runs"])
        trainer = _trainer()
        client = _client(trainer)
        today = trainer.today()
        report = ProgressReport(
            client=client, period_start=today - timedelta(days=DAYS - 1), period_end=today
        )  # never saved: the render reads only its client and period
        html_to_pdf("<p>warm-up</p>")  # WeasyPrint's first import is not the report's time
        took, size, pages = [], 0, 0
        for _ in range(runs):
            started = time.perf_counter()
            pdf = html_to_pdf(report_html(report=report))
            took.append(time.perf_counter() - started)
            size = len(pdf)
            pages = pdf.count(b"/Type /Page\n") or pdf.count(b"/Type/Page")
        self.stdout.write(
            f"One-year progress report of {client.full_name} ({DAYS} days: "
            f"{client.body_measurements.count()} measurements, "
            f"{WorkoutLog.objects.filter(client=client).count()} workouts, "
            f"{DiaryEntry.objects.filter(client=client).count()} diary entries)\n"
            f"{runs} renders: min {min(took):.2f} s, median {statistics.median(took):.2f} s, "
            f"max {max(took):.2f} s (target < 2 s); {size // 1024} KB"
            + (f", {pages} pages" if pages else "")
        )
