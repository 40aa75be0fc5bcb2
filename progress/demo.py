"""Demo progress: the first demo client kept up with week 1 of their program (her
trainer had entered her squat 1RM, so the squat, prescribed as a % of 1RM, has loads
worked out from it), and has months of weigh-ins and weekly check-ins, so the
dashboard, the portal and the charts have something to show."""

from __future__ import annotations

import zoneinfo
from dataclasses import replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.utils import timezone

from clients.models import Client
from programs.models import Exercise, ProgramAssignment
from progress.models import CheckIn, ProgressReport, Reply, ReportStatus, WeightGoal
from progress.selectors.check_ins import due_date
from progress.selectors.today import day_workout
from progress.services import SetEntry, one_rep_max_set, workout_log_save
from progress.services.body import (
    custom_measurement_add,
    measurement_log,
    progress_settings_update,
    weekly_report_set,
)
from progress.services.reminders import check_in_reminder_send, workout_reminder_send
from progress.services.reports import report_generate, report_request
from progress.services.summaries import weekly_summary_send
from trainers.models import EmailKind, EmailStatus, OutboundEmail, Trainer

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


# ---------------------------------------------------------------------------------------
# Body progress: a few months of weigh-ins, measurements and weekly check-ins.

DEMO_REPLIES = [
    "Great week, well done. Keep the evening walks going.",
    "Sleep looks short again: try the phone-out-of-the-bedroom rule this week.",
    "Nice! Steady as she goes. We add a little load on the squats next week.",
    "Thanks for the honest update. One bad week is just one week: back on plan Monday.",
]
DEMO_COMMENTS = [
    "Good week, hit all my sessions.",
    "Tired mid-week, work was busy.",
    "Felt strong on the deadlifts!",
    "Ate out twice, otherwise on plan.",
]


def _weights(start: Decimal, weekly: Decimal, days: int, *, seed: int) -> list[tuple[int, Decimal]]:
    """(days ago, kg): weigh-ins on 3-4 days a week drifting by `weekly` kg a week, with
    the day-to-day wobble of real scales (repeatable: no randomness)."""
    wobble = [Decimal(x) for x in ("0.3", "-0.2", "0.1", "-0.4", "0.2", "0", "-0.1")]
    points = []
    for ago in range(days, 0, -1):
        if (ago + seed) % 7 in (1, 4) or (ago + seed) % 2:
            continue  # rest days from the scale
        weeks = Decimal(days - ago) / 7
        points.append(
            (ago, (start + weekly * weeks + wobble[(ago + seed) % 7]).quantize(Decimal("0.1")))
        )
    return points


def demo_body_progress(*, trainer: Trainer, clients: list[Client]) -> None:
    """Anna has four months of weigh-ins, fortnightly measurements and weekly check-ins
    (the latest waiting for a reply); Ben's weight has crept up against his goal; Chloé
    hasn't weighed in for three weeks. Skipped when Anna already has measurements."""
    if len(clients) < 3 or clients[0].body_measurements.exists():
        return
    anna, ben, chloe = clients[:3]
    today = trainer.today()
    progress_settings_update(
        client=anna, check_in_weekday=6, weight_goal=WeightGoal.LOSE, target_weight_kg=Decimal(63)
    )
    progress_settings_update(
        client=ben, check_in_weekday=0, weight_goal=WeightGoal.LOSE, target_weight_kg=Decimal(84)
    )
    wrist = custom_measurement_add(client=anna, name="Wrist")
    for ago, kg in _weights(Decimal("68.4"), Decimal("-0.25"), 120, seed=0):
        day = today - timedelta(days=ago)
        extra: dict[str, Decimal] = {}
        if ago % 14 == 0:
            shrink = Decimal(120 - ago) / 40
            extra = {"waist_cm": Decimal("78.0") - shrink, "hips_cm": Decimal("99.0") - shrink}
        measurement_log(
            client=anna,
            measured_on=day,
            weight_kg=kg,
            custom={wrist: Decimal("15.5")} if ago % 28 == 0 else None,
            **extra,  # type: ignore[arg-type]
        )
    for ago, kg in _weights(Decimal("92.0"), Decimal("-0.4"), 60, seed=3):
        gain = max(Decimal(0), Decimal(28 - ago) / 10) if ago < 28 else Decimal(0)
        measurement_log(client=ben, measured_on=today - timedelta(days=ago), weight_kg=kg + gain)
    measurement_log(client=chloe, measured_on=today - timedelta(days=22), weight_kg=Decimal("58.2"))
    _demo_check_ins(anna, today=today)


def _demo_check_ins(client: Client, *, today: date) -> None:
    trainer_user = client.trainer.user
    last_due = due_date(6, today) - timedelta(days=7)  # last week's, already in
    for week in range(12, -1, -1):
        due = last_due - timedelta(weeks=week)
        sent = timezone.make_aware(datetime.combine(due, time(19, 30)))
        check_in = CheckIn(
            client=client,
            due_on=due,
            energy=3 + week % 3 % 2,
            sleep=3 + (week % 2),
            stress=2 + (week % 3 == 0),
            hunger=3,
            adherence=4 + (week % 2),
            comment=DEMO_COMMENTS[week % len(DEMO_COMMENTS)],
            submitted_at=sent,
        )
        check_in.full_clean()
        check_in.save()
        if week == 0:
            continue  # the newest waits for the trainer's reply
        Reply.objects.create(
            client=client,
            check_in=check_in,
            author=trainer_user,
            by_trainer=True,
            body=DEMO_REPLIES[week % len(DEMO_REPLIES)],
            created_at=sent + timedelta(hours=14),
            read_at=sent + timedelta(hours=20),
        )


def demo_reports(*, clients: list[Client]) -> None:
    """Anna asked for a weekly report and has a ready report of her last four weeks, made
    here and now through the same service as the background job (a few seconds at most).
    Skipped when she already has a ready report."""
    if not clients:
        return
    anna = clients[0]
    weekly_report_set(client=anna, wanted=True)
    if ProgressReport.objects.filter(client=anna, status=ReportStatus.READY).exists():
        return
    today = anna.trainer.today()
    report = report_request(
        client=anna,
        period_start=today - timedelta(days=27),
        period_end=today,
        requested_by=anna.trainer.user,
    )
    report_generate(report_id=report.pk)
    # The "report ready" email is recorded as sent, not mailed: the demo never sends email.
    OutboundEmail.objects.filter(
        kind=EmailKind.REPORT_READY, key__startswith="report-ready-", status=EmailStatus.QUEUED
    ).filter(trainer=anna.trainer).update(
        status=EmailStatus.SENT, attempts=1, sent_at=timezone.now()
    )


def demo_sent_emails(*, trainer: Trainer) -> None:
    """The outbox shows what the periodic jobs sent over the last week: workout and
    check-in reminders (through the same services, at 20:00 each evening on the
    trainer's clock) and last Monday's weekly summary. They are recorded as sent
    without being mailed: the demo never sends email."""
    zone = zoneinfo.ZoneInfo(trainer.timezone)
    today = trainer.today()
    emails: list[tuple[OutboundEmail | None, datetime]] = []
    clients = Client.objects.for_trainer(trainer).values_list("pk", flat=True)
    for days_ago in range(7, 0, -1):
        evening = datetime.combine(today - timedelta(days=days_ago), time(20, 0), zone)
        for client_id in clients:
            emails.append((workout_reminder_send(client_id=client_id, now=evening), evening))
            emails.append((check_in_reminder_send(client_id=client_id, now=evening), evening))
    monday = today - timedelta(days=today.weekday() or 7)
    summary_at = datetime.combine(monday, time(8, 0), zone)
    emails.append((weekly_summary_send(trainer_id=trainer.pk, now=summary_at), summary_at))
    for email, when in emails:
        if email is not None and email.status == EmailStatus.QUEUED:  # queued by this run
            OutboundEmail.objects.filter(pk=email.pk).update(
                status=EmailStatus.SENT, attempts=1, created_at=when, sent_at=when
            )
