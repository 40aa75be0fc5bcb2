"""The client's meals in the portal (/portal/nutrition/): the day's planned meals with
their recipes (ingredients scaled to the servings, the method) and macros; ticking an
item eaten, eaten in another amount, or skipped; adding food eaten off-plan; the day's
totals against the targets. Today by default, or a past day (`?day=`) to catch up.

Every lookup is scoped to the signed-in client (someone else's item or entry is a 404)
and every write is a nutrition.services.diary call. With htmx each action answers with
the day again (totals included); without it, a redirect back to the day."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from clients.decorators import PortalRequest, portal_login_required
from fitnesspr.errors import DomainError
from nutrition.forms import errors_text
from nutrition.forms.dates import day_param
from nutrition.forms.diary import DiaryAmountForm, OffPlanForm, TickForm
from nutrition.models import DiaryEntry, DiaryStatus
from nutrition.selectors.diary import diary_entry_get_for_write, planned_item_get
from nutrition.selectors.foods import MAX_SEARCH, food_search
from nutrition.selectors.today import DayMeals, day_meals
from nutrition.services import diary as services

PAGE = "nutrition/portal/today.html"
SEARCH_LIMIT = 10
DEFAULT_MEAL = "Snacks"


class HtmxPortalRequest(PortalRequest):
    htmx: HtmxDetails


def _day_url(on: dt.date, today: dt.date, anchor: str = "") -> str:
    url = reverse("nutrition:portal_today")
    if on != today:
        url += f"?day={on.isoformat()}"
    return f"{url}#{anchor}" if anchor else url


def _context(day: DayMeals, today: dt.date, **extra: Any) -> dict[str, Any]:
    meal_names = day.meal_names or [DEFAULT_MEAL]
    return {
        "client": day.client,
        "day": day,
        "today": today,
        "is_today": day.on == today,
        "previous": day.on - dt.timedelta(days=1),
        "next": day.on + dt.timedelta(days=1) if day.on < today else None,
        "meal_names": meal_names,
        "default_meal": DEFAULT_MEAL if DEFAULT_MEAL in meal_names else meal_names[-1],
        **extra,
    }


@require_GET
@never_cache  # it changes in place: Back must fetch it again, not show a stale copy
@vary_on_headers("HX-Request")
@portal_login_required
def today(request: HtmxPortalRequest) -> HttpResponse:
    client = request.portal_client
    now = client.trainer.today()
    on, error = day_param(request.GET.get("day"), today=now)
    day = day_meals(client=client, on=on)
    return render(request, PAGE, _context(day, now, day_error=error))


def _answer(
    request: HtmxPortalRequest, on: dt.date, *, focus: str = "", error: str = "", done: str = ""
) -> HttpResponse:
    """The day again: the fragment for htmx (with `focus` = the element to move the
    keyboard focus to), else a redirect to the page."""
    client = request.portal_client
    now = client.trainer.today()
    if not request.htmx:
        if error:
            messages.error(request, error)
        elif done:
            messages.success(request, done)
        return redirect(_day_url(on, now, focus))
    day = day_meals(client=client, on=on)
    context = _context(day, now, focus=focus, action_error=error, done=done)
    return render(request, f"{PAGE}#day", context)


def _refusal(exc: ValidationError | DomainError) -> str:
    if isinstance(exc, DomainError):
        return exc.message
    return " ".join(exc.messages)


@require_POST
@vary_on_headers("HX-Request")
@portal_login_required
def tick(request: HtmxPortalRequest, pk: int) -> HttpResponse:
    """A planned item: eaten (as planned or another amount), skipped, or undone."""
    client = request.portal_client
    entry = planned_item_get(actor=request.actor, pk=pk)
    form = TickForm(request.POST)
    if not form.is_valid():
        on = form.cleaned_data.get("day") or client.trainer.today()
        errors = errors_text(form)
        return _answer(request, on, focus=f"item-{pk}", error=errors)
    on, action = form.cleaned_data["day"], form.cleaned_data["action"]
    try:
        if action == "undo":
            logged = (
                DiaryEntry.objects.for_client(client).filter(eaten_on=on, plan_entry=entry).first()
            )
            if logged is not None:
                services.diary_delete(entry=logged)
            done = "Undone."
        else:
            status = DiaryStatus.SKIPPED if action == "skipped" else DiaryStatus.EATEN
            services.diary_tick(
                client=client, plan_entry=entry, on=on, status=status, **form.amount()
            )
            done = "Skipped." if action == "skipped" else "Ticked off. Nice!"
    except ValidationError as exc:
        return _answer(request, on, focus=f"item-{pk}", error=_refusal(exc))
    return _answer(request, on, focus=f"item-{pk}", done=done)


@require_GET
@portal_login_required
def food_results(request: HtmxPortalRequest) -> HttpResponse:
    """The off-plan food search (htmx, as the client types)."""
    client = request.portal_client
    now = client.trainer.today()
    on, _ = day_param(request.GET.get("day"), today=now)
    day = day_meals(client=client, on=on)
    search = request.GET.get("q", "").strip()[:MAX_SEARCH]
    context = _context(
        day,
        now,
        search=search,
        results=food_search(actor=request.actor, q=search, limit=SEARCH_LIMIT),
    )
    template = f"{PAGE}#food-results" if request.htmx else PAGE
    return render(request, template, context)


@require_POST
@vary_on_headers("HX-Request")
@portal_login_required
def add_food(request: HtmxPortalRequest) -> HttpResponse:
    client = request.portal_client
    form = OffPlanForm(request.POST)
    if not form.is_valid():
        on = form.cleaned_data.get("day") or client.trainer.today()
        errors = errors_text(form)
        return _answer(request, on, focus="add-food", error=errors)
    on = form.cleaned_data["day"]
    try:
        added = services.diary_add_food(
            client=client,
            on=on,
            meal=form.cleaned_data["meal"],
            food=form.cleaned_data["food"],
            **form.amount(),
        )
    except ValidationError as exc:
        return _answer(request, on, focus="add-food", error=_refusal(exc))
    return _answer(request, on, focus=f"extra-{added.pk}", done=f"{added.name} added.")


@require_POST
@vary_on_headers("HX-Request")
@portal_login_required
def change_food(request: HtmxPortalRequest, pk: int) -> HttpResponse:
    entry = diary_entry_get_for_write(actor=request.actor, pk=pk)
    form = DiaryAmountForm(request.POST)
    if not form.is_valid():
        errors = errors_text(form)
        return _answer(request, entry.eaten_on, focus=f"extra-{pk}", error=errors)
    try:
        services.diary_update(entry=entry, **form.amount())
    except ValidationError as exc:
        return _answer(request, entry.eaten_on, focus=f"extra-{pk}", error=_refusal(exc))
    return _answer(request, entry.eaten_on, focus=f"extra-{pk}", done="Saved.")


@require_POST
@vary_on_headers("HX-Request")
@portal_login_required
def remove_food(request: HtmxPortalRequest, pk: int) -> HttpResponse:
    entry = diary_entry_get_for_write(actor=request.actor, pk=pk)
    on = entry.eaten_on
    try:
        services.diary_delete(entry=entry)
    except ValidationError as exc:
        return _answer(request, on, error=_refusal(exc))
    return _answer(request, on, focus="add-food", done=f"{entry.name} removed.")
