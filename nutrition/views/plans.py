"""The trainer's meal plans under /dashboard/nutrition/: the index (plans, templates,
clients' copies), create/edit/delete, duplicate, templates, and assigning to clients.
Every lookup goes through the plan getters: another trainer's plan is a 404."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from nutrition.forms.plans import AssignForm, EndAssignmentForm, PlanForm
from nutrition.selectors import plans as lookups
from nutrition.services import assignments as assigning
from nutrition.services import plans as services
from nutrition.views.editor_parts import editor_url
from trainers.decorators import TrainerRequest, trainer_required

PAGE_SIZE = 25
MAX_SEARCH = 100


@require_GET
@vary_on_headers("HX-Request")
@trainer_required
def plan_list(request: TrainerRequest) -> HttpResponse:
    kind = request.GET.get("kind", "plans")
    if kind not in lookups.PLAN_KINDS:
        kind = "plans"
    search = request.GET.get("q", "").strip()[:MAX_SEARCH]
    plans = lookups.plan_list(trainer=request.trainer, kind=kind, search=search)
    page = Paginator(plans, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "nutrition/plan_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#plan-table"
    context = {"page": page, "kind": kind, "kinds": lookups.PLAN_KINDS, "search": search}
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@trainer_required
def plan_create(request: TrainerRequest) -> HttpResponse:
    form = PlanForm(
        request.POST or None, initial={"is_template": request.GET.get("template") == "1"}
    )
    if request.method == "POST" and form.is_valid():
        try:
            plan = services.plan_create(trainer=request.trainer, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{plan.name} is created: set its targets and fill its week.")
            return redirect("nutrition:editor", pk=plan.pk)
    return render(request, "nutrition/plan_form.html", {"form": form, "plan": None})


@require_http_methods(["GET", "POST"])
@trainer_required
def plan_edit(request: TrainerRequest, pk: int) -> HttpResponse:
    plan = lookups.plan_get_for_write(actor=request.actor, pk=pk)
    form = PlanForm(
        request.POST or None,
        initial=PlanForm.initial_for(plan),
        with_template=plan.client_id is None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.plan_update(plan=plan, **form.cleaned_data)
        except ValidationError as exc:
            plan.refresh_from_db()
            add_service_error(form, exc)
        else:
            messages.success(request, f"{plan.name} is saved.")
            return redirect("nutrition:editor", pk=plan.pk)
    return render(request, "nutrition/plan_form.html", {"form": form, "plan": plan})


@require_http_methods(["GET", "POST"])
@trainer_required
def plan_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    plan = lookups.plan_get_for_write(actor=request.actor, pk=pk)
    if request.method == "POST":
        try:
            services.plan_delete(plan=plan)
        except ConflictError as exc:
            messages.error(request, exc.message)
            return redirect("nutrition:editor", pk=plan.pk)
        messages.success(request, f"{plan.name} is deleted.")
        return redirect("nutrition:plans")
    return render(request, "nutrition/plan_confirm_delete.html", {"plan": plan})


@require_POST
@trainer_required
def plan_duplicate(request: TrainerRequest, pk: int) -> HttpResponse:
    plan = lookups.plan_get_for_write(actor=request.actor, pk=pk)
    copy = assigning.plan_duplicate(plan=plan)
    messages.success(request, f"Duplicated as {copy.name}: every day and meal is copied.")
    return redirect("nutrition:editor", pk=copy.pk)


@require_POST
@trainer_required
def plan_mark_template(request: TrainerRequest, pk: int) -> HttpResponse:
    plan = lookups.plan_get_for_write(actor=request.actor, pk=pk)
    make_template = request.POST.get("is_template") == "1"
    try:
        services.plan_update(plan=plan, is_template=make_template)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        state = "a template now" if make_template else "no longer a template"
        messages.success(request, f"{plan.name} is {state}.")
    return redirect("nutrition:editor", pk=plan.pk)


@require_GET
@trainer_required
def plan_from_template(request: TrainerRequest) -> HttpResponse:
    templates = lookups.plan_list(trainer=request.trainer, kind="templates")
    return render(request, "nutrition/plan_from_template.html", {"templates": templates})


@require_POST
@trainer_required
def plan_use_template(request: TrainerRequest, pk: int) -> HttpResponse:
    template = lookups.plan_get_for_write(actor=request.actor, pk=pk)
    try:
        plan = assigning.plan_from_template(template=template)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("nutrition:editor", pk=template.pk)
    messages.success(request, f"A new plan from the template {template.name}: change it freely.")
    return redirect("nutrition:editor", pk=plan.pk)


@require_http_methods(["GET", "POST"])
@trainer_required
def plan_assign(request: TrainerRequest, pk: int) -> HttpResponse:
    plan = lookups.plan_get_for_write(actor=request.actor, pk=pk)
    clients = lookups.assignable_clients(trainer=request.trainer)
    form = AssignForm(request.POST or None, clients=clients, today=request.trainer.today())
    if request.method == "POST" and form.is_valid():
        chosen = list(form.cleaned_data["clients"])
        start = form.cleaned_data["start_date"]
        try:
            assigning.plan_assign_many(plan=plan, clients=chosen, start_date=start)
        except ValidationError as exc:
            add_service_error(form, exc, renames={"meal_plan": "clients", "client": "clients"})
        else:
            names = get_text_list([c.full_name for c in chosen], "and")
            messages.success(
                request,
                f"{plan.name} is assigned to {names} from {date_format(start)}. "
                "Each has their own copy.",
            )
            return redirect(editor_url(plan.pk, "assignments"))
    context = {
        "plan": plan,
        "form": form,
        "clients": list(clients),
        "selected": set(request.POST.getlist("clients")),
    }
    return render(request, "nutrition/plan_assign.html", context)


@require_http_methods(["GET", "POST"])
@trainer_required
def assignment_end(request: TrainerRequest, pk: int) -> HttpResponse:
    assignment = lookups.assignment_get_for_write(actor=request.actor, pk=pk)
    back = assignment.source_meal_plan or assignment.meal_plan
    form = EndAssignmentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            assigning.assignment_end(
                assignment=assignment,
                on=request.trainer.today(),
                status=form.cleaned_data["status"],
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(
                request, f"{assignment.client.full_name}'s {assignment.meal_plan.name} has ended."
            )
        return redirect(editor_url(back.pk, "assignments"))
    context = {"assignment": assignment, "form": form, "back": back}
    return render(request, "nutrition/plan_assignment_end.html", context)
