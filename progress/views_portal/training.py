"""The client's training in the portal: today's workout, logging it, history and
progress. Every lookup is scoped to request.portal_client: another client's day, log or
anything else is a 404. Dates follow the trainer's calendar (Trainer.today())."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers
from django_htmx.http import HttpResponseClientRedirect
from django_htmx.middleware import HtmxDetails

from clients.decorators import PortalRequest, portal_login_required
from clients.models import Client
from fitnesspr.pagination import page_of
from fitnesspr.tenancy import MAX_ID
from programs.models import ProgramDay
from programs.selectors.exercises import exercise_get
from progress.charts import exercise_progress_context
from progress.forms import SetRowForm, WorkoutLogForm, initial_rows, with_added_set
from progress.forms.check_ins import ReplyForm
from progress.models import SetLog, WorkoutLog
from progress.selectors.check_ins import workout_thread
from progress.selectors.history import (
    client_history,
    exercise_bests,
)
from progress.selectors.today import (
    TodayExercise,
    active_program_day,
    day_workout,
    day_workout_saved,
    planned_on,
    today_workout,
    workouts_on,
)
from progress.services import (
    EDIT_WINDOW_CLOSED,
    SetEntry,
    workout_log_is_editable,
    workout_log_save,
    workout_log_update,
)

HISTORY_PAGE_SIZE = 10


class HtmxPortalRequest(PortalRequest):
    htmx: HtmxDetails


SaveLog = Callable[[list[SetEntry], str, bool], WorkoutLog]


def _editable(log: WorkoutLog | None, client: Client, today: date) -> bool:
    if log is None:
        return False
    log.client = client  # already loaded with its trainer: spares two queries
    return workout_log_is_editable(log, today=today)


@require_GET
@portal_login_required
def today(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    on = client.trainer.today()
    logs = workouts_on(client=client, on=on)
    workout = today_workout(client=client, on=on, logs=logs)
    # workouts logged today besides today's own: the next one, done early on a rest day
    logged_today = {log.program_day_id: log for log in logs}
    if workout.day is not None:
        logged_today.pop(workout.day.pk, None)
    next_log = logged_today.pop(workout.next_day.pk, None) if workout.next_day else None
    context = {
        "client": client,
        "workout": workout,
        "units": client.trainer.unit_system,
        "editable": _editable(workout.log, client, on),
        "next_log": next_log,
        "early_logs": list(logged_today.values()),
    }
    return render(request, "progress/portal/training/today.html", context)


@dataclass
class ExerciseRows:
    """One exercise's block in the log form: its plan (if any) and its set rows."""

    name: str
    item: TodayExercise | None = None
    rows: list[SetRowForm] = field(default_factory=list)

    @property
    def timed(self) -> bool:
        """Log a time instead of reps: the plan is timed, or (no plan) the sets were."""
        if self.item is not None:
            return self.item.prescription.is_timed
        return any(row["duration"].value() for row in self.rows)


def _groups(
    form: WorkoutLogForm, exercises: list[TodayExercise], extra: list[SetLog]
) -> list[ExerciseRows]:
    groups = {
        str(item.prescription.pk): ExerciseRows(item.prescription.exercise.name, item)
        for item in exercises
    }
    names = {str(s.exercise_id): s.exercise.name for s in extra}
    others: dict[str, ExerciseRows] = {}
    for row in form.sets.forms:
        prescribed = str(row["prescribed"].value() or "")
        if prescribed in groups:
            groups[prescribed].rows.append(row)
            continue
        exercise = str(row["exercise"].value() or "")
        group = others.setdefault(exercise, ExerciseRows(names.get(exercise, "Other exercise")))
        group.rows.append(row)
    return list(groups.values()) + list(others.values())


def _log_page(
    request: HtmxPortalRequest,
    *,
    day: ProgramDay,
    on: date,
    exercises: list[TodayExercise],
    log: WorkoutLog | None,
    save: SaveLog,
) -> HttpResponse:
    client = request.portal_client
    units = client.trainer.unit_system
    planned = {item.prescription.pk for item in exercises}
    extra = [s for s in log.sets.all() if s.prescribed_id not in planned] if log else []
    rows = initial_rows(exercises, extra, units)
    notes = log.notes if log else ""
    form = WorkoutLogForm(rows=rows, notes=notes, unit_system=units)
    saved_now = False
    if request.method == "POST":
        data: QueryDict = request.POST
        add_to = data.get("add_set", "")
        if add_to.isdigit() and 0 < int(add_to) <= MAX_ID:
            data = with_added_set(data, int(add_to)) or data
        form = WorkoutLogForm(data, rows=rows, notes=notes, unit_system=units)
        if not add_to and form.is_valid():
            finish = data.get("action") == "finish"
            try:
                log = save(form.entries(), form.notes.cleaned_data["notes"], finish)
            except ValidationError as exc:
                form.add_service_error(exc)
            else:
                if finish:
                    messages.success(request, "Workout finished. Great work!")
                    return _go(request, reverse("progress:portal_today"))
                if not request.htmx:
                    messages.success(request, "Saved. Keep going!")
                    return redirect("progress:portal_workout_edit", log_id=log.pk)
                saved_now = True
                exercises = day_workout_saved(client=client, exercises=exercises, log=log)
                extra = [s for s in log.sets.all() if s.prescribed_id not in planned]
                rows = initial_rows(exercises, extra, units)
                form = WorkoutLogForm(rows=rows, notes=log.notes if log else "", unit_system=units)
    context = {
        "client": client,
        "day": day,
        "on": on,
        "planned_on": planned_on(client=client, day=day),
        "log": log,
        "form": form,
        "groups": _groups(form, exercises, extra),
        "units": units,
        "is_today": on == client.trainer.today(),
        "saved_now": saved_now,
        "action_url": request.path,
        # a draft kept on the phone belongs to this form as the server last saved it
        "draft_key": f"{request.path}|{on.isoformat()}",
        "draft_version": log.updated_at.isoformat() if log else "new",
    }
    template = "progress/portal/training/log_form.html"
    if request.htmx and request.method == "POST":
        template += "#log-form"
    return render(request, template, context)


def _go(request: HtmxPortalRequest, url: str) -> HttpResponse:
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@portal_login_required
def log_day(request: HtmxPortalRequest, day_id: int) -> HttpResponse:
    """Log a day of the active program today: today's, or the next one done early."""
    client = request.portal_client
    day = active_program_day(client=client, pk=day_id)
    on = client.trainer.today()
    exercises, log = day_workout(client=client, day=day, on=on)

    def save(entries: list[SetEntry], notes: str, finish: bool) -> WorkoutLog:
        return workout_log_save(
            client=client,
            program_day=day,
            sets=entries,
            notes=notes,
            finish=finish,
            performed_on=on,
        )

    return _log_page(request, day=day, on=on, exercises=exercises, log=log, save=save)


def _own_log(client: Client, log_id: int) -> WorkoutLog:
    return get_object_or_404(client_history(client=client), pk=log_id)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@portal_login_required
def log_edit(request: HtmxPortalRequest, log_id: int) -> HttpResponse:
    """Change a log on the day it was written; afterwards it is read-only."""
    client = request.portal_client
    log = _own_log(client, log_id)
    day = log.program_day
    if day is None:
        return redirect("progress:portal_workout", log_id=log.pk)
    if request.method == "GET" and not _editable(log, client, client.trainer.today()):
        messages.info(request, EDIT_WINDOW_CLOSED)
        return redirect("progress:portal_workout", log_id=log.pk)
    exercises, _ = day_workout(client=client, day=day, on=log.performed_on)

    def save(entries: list[SetEntry], notes: str, finish: bool) -> WorkoutLog:
        return workout_log_update(log=log, sets=entries, notes=notes, finish=finish)

    return _log_page(request, day=day, on=log.performed_on, exercises=exercises, log=log, save=save)


@require_GET
@portal_login_required
def workout(request: PortalRequest, log_id: int) -> HttpResponse:
    client = request.portal_client
    log = _own_log(client, log_id)
    context = {
        "client": client,
        "log": log,
        "units": client.trainer.unit_system,
        "editable": log.program_day_id is not None
        and _editable(log, client, client.trainer.today()),
        "thread": workout_thread(log=log),
        "reply_form": ReplyForm(),
        "read_url": reverse("progress:portal_workout_reply", args=[log.pk]),
    }
    return render(request, "progress/portal/training/workout.html", context)


@require_GET
@portal_login_required
def history(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    page = page_of(client_history(client=client), request.GET.get("page"), HISTORY_PAGE_SIZE)
    context = {"client": client, "page": page, "units": client.trainer.unit_system}
    return render(request, "progress/portal/training/history.html", context)


@require_GET
@portal_login_required
def bests(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    context = {
        "client": client,
        "bests": exercise_bests(client=client),
        "units": client.trainer.unit_system,
    }
    return render(request, "progress/portal/training/bests.html", context)


@require_GET
@portal_login_required
def exercise(request: PortalRequest, exercise_id: int) -> HttpResponse:
    client = request.portal_client
    chosen = exercise_get(actor=request.actor, pk=exercise_id)
    unit_system = client.trainer.unit_system
    context = exercise_progress_context(client=client, exercise=chosen, unit_system=unit_system)
    return render(request, "progress/portal/training/exercise.html", context)
