"""What the benchmark dataset holds, generated from a seed: `trainers` trainers with
`clients` clients each; per client a 4-week program (3 days x 5 exercises), a year of
workouts (3 a week, 5 exercises x 4 sets, tied to the program), weekly measurements,
one-rep maxes of the main lifts, a meal plan (7 days x 4 meals) with two weeks of diary,
and monthly invoices (paid, the last one due, some overdue). Each trainer also has a
template program of 4 weeks x 5 days x 6 exercises (the builder's benchmark page).

Rows carry ids worked out from the trainer's and the client's position, so every table
is written in one pass and the same seed gives the same rows (dates follow today)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from time import perf_counter
from typing import Any

from django.contrib.auth.hashers import make_password
from django.db import models
from django.utils import timezone

from billing.models import BillingProfile, Invoice, InvoiceLine, Package, Payment
from clients.models import Client
from fitnesspr.models import User
from nutrition.models import (
    DiaryEntry,
    Food,
    MealPlan,
    MealPlanAssignment,
    MealPlanDay,
    MealPlanEntry,
    MealPlanSlot,
)
from programs.models import Exercise, PrescribedExercise, Program, ProgramAssignment, ProgramDay
from progress.models import BodyMeasurement, OneRepMax, SetLog, WorkoutLog
from trainers.models import Trainer

from .tables import IndexesDeferred, TableWriter, next_id

EMAIL_DOMAIN = "bench.fitnesspr.app"
TRAINER_PASSWORD = "bench-trainer-2026"  # printed by the command: benchmark logins
CLIENT_PIN = "470391"

PROGRAM_WEEKS, PROGRAM_DAYS, PROGRAM_EXERCISES = 4, (1, 3, 5), 5
TEMPLATE_WEEKS, TEMPLATE_DAYS, TEMPLATE_EXERCISES = 4, 5, 6
SETS = 4
MEALS = ("Breakfast", "Lunch", "Snack", "Dinner")
PLAN_DAYS = 7
DIARY_DAYS = 14
MONTHS = 12
PRICE_MINOR = 12000
Rows = Callable[[], Iterator[tuple[Any, ...]]]
Step = tuple[type[models.Model], list[str], Rows]
BIG_TABLES = (SetLog, WorkoutLog, BodyMeasurement, DiaryEntry, PrescribedExercise)


def trainer_email(t: int) -> str:
    return f"trainer{t + 1:04d}@{EMAIL_DOMAIN}"


def client_email(t: int, c: int) -> str:
    return f"client{t + 1:04d}-{c + 1:03d}@{EMAIL_DOMAIN}"


@dataclass
class Plan:
    trainers: int
    clients: int
    weeks: int
    seed: int
    today: date = field(default_factory=timezone.localdate)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def n_clients(self) -> int:
        return self.trainers * self.clients

    @property
    def workouts_per_client(self) -> int:
        return self.weeks * len(PROGRAM_DAYS)

    def rng(self, *key: int) -> random.Random:
        # Ints and tuples of ints hash the same in every run: a stable seed.
        return random.Random(hash((self.seed, *key)))  # noqa: S311


class Dataset:
    """Writes the whole dataset; `run()` returns rows written per table."""

    def __init__(self, plan: Plan, progress: Callable[[str], None] = lambda _: None) -> None:
        self.p = plan
        self.say = progress
        global_exercises = Exercise.objects.filter(trainer__isnull=True).order_by("pk")
        self.exercises = list(global_exercises.values_list("pk", flat=True)[:40])
        foods = Food.objects.filter(trainer__isnull=True).order_by("pk")
        self.foods = list(foods.values_list("pk", "kcal", "protein_g", "carbs_g", "fat_g")[:60])
        if len(self.exercises) < 40 or len(self.foods) < 60:
            raise RuntimeError("Load the exercise and food libraries first (manage.py migrate).")
        self.base: dict[type[models.Model], int] = {
            model: next_id(model)
            for model in (
                User,
                Trainer,
                Client,
                BillingProfile,
                Package,
                Program,
                ProgramDay,
                PrescribedExercise,
                ProgramAssignment,
                OneRepMax,
                WorkoutLog,
                SetLog,
                BodyMeasurement,
                MealPlan,
                MealPlanSlot,
                MealPlanDay,
                MealPlanEntry,
                MealPlanAssignment,
                DiaryEntry,
                Invoice,
                InvoiceLine,
                Payment,
            )
        }
        self.now = timezone.now()

    def run(self) -> dict[str, int]:
        steps: list[Step] = [
            (User, ["id", "email", "password", "first_name", "last_name", "role"], self.users),
            (Trainer, ["id", "user_id", "business_name", "slug", "timezone"], self.trainers),
            (BillingProfile, ["id", "trainer_id", "legal_name", "email"], self.profiles),
            (
                Package,
                ["id", "trainer_id", "name", "price_minor", "currency", "interval"],
                self.packages,
            ),
            (Client, ["id", "trainer_id", "user_id", "pin_hash", "goals"], self.clients),
            (
                Program,
                ["id", "trainer_id", "client_id", "name", "duration_weeks", "is_template"],
                self.programs,
            ),
            (ProgramDay, ["id", "program_id", "week", "day", "title"], self.program_days),
            (
                PrescribedExercise,
                [
                    "id",
                    "day_id",
                    "exercise_id",
                    "order",
                    "sets",
                    "reps_min",
                    "reps_max",
                    "load_kg",
                    "rest_seconds",
                ],
                self.prescriptions,
            ),
            (
                ProgramAssignment,
                ["id", "client_id", "program_id", "start_date", "status"],
                self.assignments,
            ),
            (
                OneRepMax,
                ["id", "client_id", "exercise_id", "weight_kg", "tested_on"],
                self.one_rep_maxes,
            ),
            (
                WorkoutLog,
                [
                    "id",
                    "client_id",
                    "assignment_id",
                    "program_day_id",
                    "performed_on",
                    "started_at",
                    "completed_at",
                    "status",
                ],
                self.workouts,
            ),
            (
                SetLog,
                [
                    "id",
                    "workout_log_id",
                    "exercise_id",
                    "prescribed_id",
                    "set_number",
                    "reps",
                    "load_kg",
                    "rpe",
                ],
                self.sets,
            ),
            (
                BodyMeasurement,
                ["id", "client_id", "measured_on", "weight_kg", "waist_cm"],
                self.measurements,
            ),
            (
                MealPlan,
                [
                    "id",
                    "trainer_id",
                    "client_id",
                    "name",
                    "target_kcal",
                    "target_protein_g",
                    "target_carbs_g",
                    "target_fat_g",
                ],
                self.meal_plans,
            ),
            (MealPlanSlot, ["id", "plan_id", "name", "order"], self.slots),
            (MealPlanDay, ["id", "plan_id", "day_number"], self.plan_days),
            (
                MealPlanEntry,
                ["id", "day_id", "slot_id", "food_id", "grams", "order"],
                self.plan_entries,
            ),
            (
                MealPlanAssignment,
                ["id", "client_id", "meal_plan_id", "start_date", "status"],
                self.meal_assignments,
            ),
            (
                DiaryEntry,
                [
                    "id",
                    "client_id",
                    "eaten_on",
                    "meal",
                    "plan_entry_id",
                    "food_id",
                    "grams",
                    "kcal",
                    "protein_g",
                    "carbs_g",
                    "fat_g",
                ],
                self.diary,
            ),
            (
                Invoice,
                [
                    "id",
                    "trainer_id",
                    "client_id",
                    "number_year",
                    "number",
                    "status",
                    "currency",
                    "issue_date",
                    "due_date",
                    "subtotal_minor",
                    "total_minor",
                    "paid_minor",
                    "paid_at",
                    "sent_at",
                ],
                self.invoices,
            ),
            (
                InvoiceLine,
                [
                    "id",
                    "invoice_id",
                    "package_id",
                    "description",
                    "unit_price_minor",
                    "total_minor",
                ],
                self.invoice_lines,
            ),
            (
                Payment,
                ["id", "invoice_id", "amount_minor", "currency", "method", "status", "received_at"],
                self.payments,
            ),
        ]
        written: dict[str, int] = {}
        for model, fields, rows in steps:
            started = perf_counter()
            writer = TableWriter(model, fields)
            if model in BIG_TABLES:
                with IndexesDeferred(model):
                    writer.write(rows())
            else:
                writer.write(rows())
            written[model._meta.label] = writer.written
            took = perf_counter() - started
            self.say(f"{model._meta.label}: {writer.written:,} rows ({took:.1f} s)")
        return written

    # ids: each row's id is its table's base plus its position ---------------------------

    def id(self, model: type[models.Model], index: int) -> int:
        return self.base[model] + index

    def each_client(self) -> Iterator[tuple[int, int, int]]:
        """(trainer position, client position, global client position)."""
        for t in range(self.p.trainers):
            for c in range(self.p.clients):
                yield t, c, t * self.p.clients + c

    def client_exercises(self, k: int) -> list[list[int]]:
        """The exercise ids of each program day of client k (the same in every table)."""
        rng = self.p.rng(k, 1)
        return [rng.sample(self.exercises, PROGRAM_EXERCISES) for _ in PROGRAM_DAYS]

    def program_start(self, k: int) -> date:
        """The current block started 0-3 weeks ago (some end within a week)."""
        monday = self.p.today - timedelta(days=self.p.today.weekday())
        return monday - timedelta(weeks=k % PROGRAM_WEEKS)

    # tables -----------------------------------------------------------------------------

    def users(self) -> Iterator[tuple[Any, ...]]:
        password = make_password(TRAINER_PASSWORD)
        for t in range(self.p.trainers):
            yield self.id(User, t), trainer_email(t), password, "Coach", f"{t + 1:04d}", "trainer"
        unusable = make_password(None)
        for t, c, k in self.each_client():
            yield (
                self.id(User, self.p.trainers + k),
                client_email(t, c),
                unusable,
                f"Client {c + 1:03d}",
                f"of coach {t + 1:04d}",
                "client",
            )

    def trainers(self) -> Iterator[tuple[Any, ...]]:
        for t in range(self.p.trainers):
            yield (
                self.id(Trainer, t),
                self.id(User, t),
                f"Bench Coaching {t + 1:04d}",
                f"bench-coaching-{t + 1:04d}",
                "Europe/London",
            )

    def profiles(self) -> Iterator[tuple[Any, ...]]:
        for t in range(self.p.trainers):
            yield (
                self.id(BillingProfile, t),
                self.id(Trainer, t),
                f"Bench Coaching {t + 1:04d} Ltd",
                trainer_email(t),
            )

    def packages(self) -> Iterator[tuple[Any, ...]]:
        for t in range(self.p.trainers):
            yield (
                self.id(Package, t),
                self.id(Trainer, t),
                "Monthly coaching",
                PRICE_MINOR,
                "GBP",
                "monthly",
            )

    def clients(self) -> Iterator[tuple[Any, ...]]:
        pin_hash = make_password(CLIENT_PIN)
        for t, _c, k in self.each_client():
            yield (
                self.id(Client, k),
                self.id(Trainer, t),
                self.id(User, self.p.trainers + k),
                pin_hash,
                "Get stronger",
            )

    def programs(self) -> Iterator[tuple[Any, ...]]:
        for t in range(self.p.trainers):
            yield (
                self.id(Program, t),
                self.id(Trainer, t),
                None,
                "Strength block (template)",
                TEMPLATE_WEEKS,
                True,
            )
        for t, _c, k in self.each_client():
            yield (
                self.id(Program, self.p.trainers + k),
                self.id(Trainer, t),
                self.id(Client, k),
                "Strength block",
                PROGRAM_WEEKS,
                False,
            )

    # Template days come first (TEMPLATE_WEEKS x TEMPLATE_DAYS per trainer), then the
    # clients' (PROGRAM_WEEKS x len(PROGRAM_DAYS) each).
    def template_day_index(self, t: int, week: int, day: int) -> int:
        return (t * TEMPLATE_WEEKS + week) * TEMPLATE_DAYS + day

    def client_day_index(self, k: int, week: int, day: int) -> int:
        per_client = PROGRAM_WEEKS * len(PROGRAM_DAYS)
        offset = self.p.trainers * TEMPLATE_WEEKS * TEMPLATE_DAYS
        return offset + k * per_client + week * len(PROGRAM_DAYS) + day

    def program_days(self) -> Iterator[tuple[Any, ...]]:
        for t in range(self.p.trainers):
            for week in range(TEMPLATE_WEEKS):
                for day in range(TEMPLATE_DAYS):
                    yield (
                        self.id(ProgramDay, self.template_day_index(t, week, day)),
                        self.id(Program, t),
                        week + 1,
                        day + 1,
                        f"Day {day + 1}",
                    )
        for _t, _c, k in self.each_client():
            for week in range(PROGRAM_WEEKS):
                for day, weekday in enumerate(PROGRAM_DAYS):
                    yield (
                        self.id(ProgramDay, self.client_day_index(k, week, day)),
                        self.id(Program, self.p.trainers + k),
                        week + 1,
                        weekday,
                        ("Lower", "Upper", "Full body")[day],
                    )

    def prescriptions(self) -> Iterator[tuple[Any, ...]]:
        for t in range(self.p.trainers):
            rng = self.p.rng(t, 2)
            for week in range(TEMPLATE_WEEKS):
                for day in range(TEMPLATE_DAYS):
                    index = self.template_day_index(t, week, day)
                    for order, exercise in enumerate(
                        rng.sample(self.exercises, TEMPLATE_EXERCISES)
                    ):
                        yield (
                            self.id(PrescribedExercise, index * TEMPLATE_EXERCISES + order),
                            self.id(ProgramDay, index),
                            exercise,
                            order,
                            4,
                            6,
                            10,
                            Decimal(40 + 5 * week),
                            120,
                        )
        first = self.p.trainers * TEMPLATE_WEEKS * TEMPLATE_DAYS * TEMPLATE_EXERCISES
        for _t, _c, k in self.each_client():
            for week in range(PROGRAM_WEEKS):
                for day, exercises in enumerate(self.client_exercises(k)):
                    index = self.client_day_index(k, week, day)
                    offset = self.client_day_index(0, 0, 0)
                    for order, exercise in enumerate(exercises):
                        position = first + (index - offset) * PROGRAM_EXERCISES + order
                        yield (
                            self.id(PrescribedExercise, position),
                            self.id(ProgramDay, index),
                            exercise,
                            order,
                            SETS,
                            5,
                            8,
                            Decimal(50 + 2.5 * week),
                            120,
                        )

    def prescribed_id(self, k: int, week: int, day: int, order: int) -> int:
        first = self.p.trainers * TEMPLATE_WEEKS * TEMPLATE_DAYS * TEMPLATE_EXERCISES
        index = self.client_day_index(k, week, day) - self.client_day_index(0, 0, 0)
        return self.id(PrescribedExercise, first + index * PROGRAM_EXERCISES + order)

    def assignments(self) -> Iterator[tuple[Any, ...]]:
        for _t, _c, k in self.each_client():
            yield (
                self.id(ProgramAssignment, k),
                self.id(Client, k),
                self.id(Program, self.p.trainers + k),
                self.program_start(k),
                "active",
            )

    def one_rep_maxes(self) -> Iterator[tuple[Any, ...]]:
        for _t, _c, k in self.each_client():
            for i, exercise in enumerate(self.client_exercises(k)[0][:3]):
                yield (
                    self.id(OneRepMax, k * 3 + i),
                    self.id(Client, k),
                    exercise,
                    Decimal(60 + (k + 7 * i) % 80),
                    self.p.today - timedelta(days=30),
                )

    def workout_slots(self, k: int) -> Iterator[tuple[int, date, int, int]]:
        """(position, date, program week index, program day index) of client k's past
        workouts: three a week on the program's weekdays, `weeks` weeks back, none today
        or later. The program repeats its 4-week block back in time."""
        start = self.program_start(k)
        this_monday = self.p.today - timedelta(days=self.p.today.weekday())
        for back in range(self.p.weeks):
            monday = this_monday - timedelta(weeks=back)
            for day, weekday in enumerate(PROGRAM_DAYS):
                when = monday + timedelta(days=weekday - 1)
                if when >= self.p.today:
                    continue
                week = ((when - start).days // 7) % PROGRAM_WEEKS
                position = (self.p.weeks - 1 - back) * len(PROGRAM_DAYS) + day
                yield k * self.p.workouts_per_client + position, when, week, day

    def workouts(self) -> Iterator[tuple[Any, ...]]:
        for _t, _c, k in self.each_client():
            start = self.program_start(k)
            for position, when, week, day in self.workout_slots(k):
                started = datetime.combine(when, time(7 + k % 12), tzinfo=UTC)
                yield (
                    self.id(WorkoutLog, position),
                    self.id(Client, k),
                    self.id(ProgramAssignment, k) if when >= start else None,
                    self.id(ProgramDay, self.client_day_index(k, week, day)),
                    when,
                    started,
                    started + timedelta(minutes=55),
                    "completed",
                )

    def sets(self) -> Iterator[tuple[Any, ...]]:
        per_workout = PROGRAM_EXERCISES * SETS
        for _t, _c, k in self.each_client():
            exercises = self.client_exercises(k)
            rng = self.p.rng(k, 3)
            for position, when, week, day in self.workout_slots(k):
                workout = self.id(WorkoutLog, position)
                ageing = (self.p.today - when).days // 30  # loads climb over the year
                for order, exercise in enumerate(exercises[day]):
                    prescribed = self.prescribed_id(k, week, day, order)
                    load = Decimal(80 - 2 * ageing + 5 * order)
                    for number in range(SETS):
                        yield (
                            self.id(SetLog, position * per_workout + order * SETS + number),
                            workout,
                            exercise,
                            prescribed,
                            number + 1,
                            rng.randint(5, 8),
                            load,
                            Decimal(rng.choice((7, 8, 9))),
                        )

    def measurements(self) -> Iterator[tuple[Any, ...]]:
        for _t, _c, k in self.each_client():
            weight = 70 + k % 30
            for w in range(self.p.weeks):
                yield (
                    self.id(BodyMeasurement, k * self.p.weeks + w),
                    self.id(Client, k),
                    self.p.today - timedelta(weeks=self.p.weeks - 1 - w, days=k % 7 + 1),
                    Decimal(weight) + Decimal(w % 5) / 4 - Decimal(w) / 20,
                    Decimal(80 + k % 20),
                )

    def meal_plans(self) -> Iterator[tuple[Any, ...]]:
        for t, _c, k in self.each_client():
            yield (
                self.id(MealPlan, k),
                self.id(Trainer, t),
                self.id(Client, k),
                "Everyday eating",
                2200,
                Decimal(150),
                Decimal(240),
                Decimal(70),
            )

    def slots(self) -> Iterator[tuple[Any, ...]]:
        for _t, _c, k in self.each_client():
            for order, name in enumerate(MEALS):
                yield (
                    self.id(MealPlanSlot, k * len(MEALS) + order),
                    self.id(MealPlan, k),
                    name,
                    order,
                )

    def plan_days(self) -> Iterator[tuple[Any, ...]]:
        for _t, _c, k in self.each_client():
            for day in range(PLAN_DAYS):
                yield self.id(MealPlanDay, k * PLAN_DAYS + day), self.id(MealPlan, k), day + 1

    def plan_food(self, k: int, day: int, meal: int) -> tuple[int, Decimal, Decimal]:
        """(entry position, food index, grams) of one planned meal."""
        return (
            k * PLAN_DAYS * len(MEALS) + day * len(MEALS) + meal,
            (k + day * 7 + meal * 13) % len(self.foods),
            Decimal(150),
        )  # type: ignore[return-value]

    def plan_entries(self) -> Iterator[tuple[Any, ...]]:
        for _t, _c, k in self.each_client():
            for day in range(PLAN_DAYS):
                for meal in range(len(MEALS)):
                    position, food, grams = self.plan_food(k, day, meal)
                    slot = self.id(MealPlanSlot, k * len(MEALS) + meal)
                    yield (
                        self.id(MealPlanEntry, position),
                        self.id(MealPlanDay, k * PLAN_DAYS + day),
                        slot,
                        self.foods[int(food)][0],
                        grams,
                        0,
                    )

    def meal_assignments(self) -> Iterator[tuple[Any, ...]]:
        for _t, _c, k in self.each_client():
            yield (
                self.id(MealPlanAssignment, k),
                self.id(Client, k),
                self.id(MealPlan, k),
                self.p.today - timedelta(days=DIARY_DAYS + k % 7),
                "active",
            )

    def diary(self) -> Iterator[tuple[Any, ...]]:
        for _t, _c, k in self.each_client():
            start = self.p.today - timedelta(days=DIARY_DAYS + k % 7)
            for back in range(DIARY_DAYS, 0, -1):
                when = self.p.today - timedelta(days=back)
                day = (when - start).days % PLAN_DAYS
                for meal, name in enumerate(MEALS):
                    position, food, grams = self.plan_food(k, day, meal)
                    _pk, kcal, protein, carbs, fat = self.foods[int(food)]
                    scale = grams / 100
                    row = (k * DIARY_DAYS + (DIARY_DAYS - back)) * len(MEALS) + meal
                    yield (
                        self.id(DiaryEntry, row),
                        self.id(Client, k),
                        when,
                        name,
                        self.id(MealPlanEntry, position),
                        self.foods[int(food)][0],
                        grams,
                        kcal * scale,
                        protein * scale,
                        carbs * scale,
                        fat * scale,
                    )

    def invoice_month(self, m: int) -> date:
        """The issue date of the m-th monthly invoice (the last one this month)."""
        first = self.p.today.replace(day=1)
        year, month = divmod(first.year * 12 + first.month - 1 - (MONTHS - 1 - m), 12)
        return date(year, month + 1, 1)

    def invoice_status(self, k: int, m: int) -> str:
        if m < MONTHS - 2:
            return "paid"
        if m == MONTHS - 2:
            return "paid" if k % 5 else "open"  # one client in five is overdue
        return "open"

    def invoices(self) -> Iterator[tuple[Any, ...]]:
        for t in range(self.p.trainers):
            numbers: dict[int, int] = {}
            for c in range(self.p.clients):
                k = t * self.p.clients + c
                for m in range(MONTHS):
                    issued = self.invoice_month(m)
                    numbers[issued.year] = numbers.get(issued.year, 0) + 1
                    status = self.invoice_status(k, m)
                    paid = status == "paid"
                    sent = datetime.combine(issued, time(9), tzinfo=UTC)
                    yield (
                        self.id(Invoice, k * MONTHS + m),
                        self.id(Trainer, t),
                        self.id(Client, k),
                        issued.year,
                        numbers[issued.year],
                        status,
                        "GBP",
                        issued,
                        issued + timedelta(days=14),
                        PRICE_MINOR,
                        PRICE_MINOR,
                        PRICE_MINOR if paid else 0,
                        sent + timedelta(days=3) if paid else None,
                        sent,
                    )

    def invoice_lines(self) -> Iterator[tuple[Any, ...]]:
        for t, _c, k in self.each_client():
            for m in range(MONTHS):
                yield (
                    self.id(InvoiceLine, k * MONTHS + m),
                    self.id(Invoice, k * MONTHS + m),
                    self.id(Package, t),
                    "Monthly coaching",
                    PRICE_MINOR,
                    PRICE_MINOR,
                )

    def payments(self) -> Iterator[tuple[Any, ...]]:
        for _t, _c, k in self.each_client():
            for m in range(MONTHS):
                if self.invoice_status(k, m) == "paid":
                    received = datetime.combine(
                        self.invoice_month(m) + timedelta(days=3), time(9), tzinfo=UTC
                    )
                    yield (
                        self.id(Payment, k * MONTHS + m),
                        self.id(Invoice, k * MONTHS + m),
                        PRICE_MINOR,
                        "GBP",
                        "bank_transfer",
                        "succeeded",
                        received,
                    )
