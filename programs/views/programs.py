"""The trainer's programs under /dashboard/programs/: the index (programs, templates,
clients' copies), create/edit/delete, duplicate, templates, and assigning to clients.
Every lookup is scoped to request.trainer: another trainer's program is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import get_text_list
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from clients.selectors import client_get_for_write
from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from programs.forms.programs import AssignForm, ClientAssignForm, EndAssignmentForm, ProgramForm
from programs.models import Program
from programs.selectors import builder as lookups
from programs.selectors.programs import program_list as select_programs
from programs.services import assignments as assigning
from programs.services import builder as services
from trainers.decorators import TrainerRequest, trainer_required

PAGE_SIZE = 25
MAX_SEARCH = 100
KINDS = {
    "programs": "Programs",
    "templates": "Templates",
    "assigned": "Assigned copies",
}


def _program(request: TrainerRequest, pk: int) -> Program:
    return lookups.program_get_for_write(actor=request.actor, pk=pk)


@require_GET
@vary_on_headers("HX-Request")
@trainer_required
def program_list(request: TrainerRequest) -> HttpResponse:
    kind = request.GET.get("kind", "programs")
    if kind not in KINDS:
        kind = "programs"
    search = request.GET.get("q", "").strip()[:MAX_SEARCH]
    programs = select_programs(trainer=request.trainer, kind=kind, search=search)
    page = Paginator(programs, PAGE_SIZE).get_page(request.GET.get("page"))
    template = "programs/program_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#program-table"
    context: dict[str, Any] = {"page": page, "kind": kind, "kinds": KINDS, "search": search}
    if kind == "programs" and not search and not page.paginator.count:
        # Nothing here: say where the trainer's work is (templates) instead of "build one".
        context["template_count"] = select_programs(
            trainer=request.trainer, kind="templates"
        ).count()
    return render(request, template, context)


@require_http_methods(["GET", "POST"])
@trainer_required
def program_create(request: TrainerRequest) -> HttpResponse:
    initial = {"is_template": request.GET.get("template") == "1"}
    form = ProgramForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            program = services.program_create(trainer=request.trainer, **form.cleaned_data)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            messages.success(request, f"{program.name} is created. Add its training days below.")
            return redirect("programs:builder", pk=program.pk)
    return render(request, "programs/program_form.html", {"form": form, "program": None})


@require_http_methods(["GET", "POST"])
@trainer_required
def program_edit(request: TrainerRequest, pk: int) -> HttpResponse:
    program = _program(request, pk)
    form = ProgramForm(
        request.POST or None,
        initial=ProgramForm.initial_for(program),
        with_template=program.client_id is None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.program_update(program=program, **form.cleaned_data)
        except ValidationError as exc:
            program.refresh_from_db()  # the service set the refused values on it
            add_service_error(form, exc)
        else:
            messages.success(request, f"{program.name} is saved.")
            return redirect("programs:builder", pk=program.pk)
    return render(request, "programs/program_form.html", {"form": form, "program": program})


@require_http_methods(["GET", "POST"])
@trainer_required
def program_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    program = _program(request, pk)
    if request.method == "POST":
        try:
            services.program_delete(program=program)
        except ConflictError as exc:
            messages.error(request, exc.message)
            return redirect("programs:builder", pk=program.pk)
        messages.success(request, f"{program.name} is deleted.")
        return redirect("programs:list")
    return render(request, "programs/program_confirm_delete.html", {"program": program})


@require_POST
@trainer_required
def program_duplicate(request: TrainerRequest, pk: int) -> HttpResponse:
    program = _program(request, pk)
    copy = assigning.program_duplicate(program=program)
    messages.success(request, f"Duplicated as {copy.name}: every day and exercise is copied.")
    return redirect("programs:builder", pk=copy.pk)


@require_POST
@trainer_required
def program_mark_template(request: TrainerRequest, pk: int) -> HttpResponse:
    program = _program(request, pk)
    make_template = request.POST.get("is_template") == "1"
    try:
        services.program_update(program=program, is_template=make_template)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        if make_template:
            messages.success(request, f"{program.name} is a template now.")
        else:
            messages.success(request, f"{program.name} is no longer a template.")
    return redirect("programs:builder", pk=program.pk)


@require_POST
@trainer_required
def program_use_template(request: TrainerRequest, pk: int) -> HttpResponse:
    template = _program(request, pk)
    name = request.POST.get("name", "").strip()[:120] or None
    try:
        program = assigning.program_from_template(template=template, name=name)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("programs:builder", pk=template.pk)
    messages.success(request, f"{program.name} is ready from the template: make it yours.")
    return redirect("programs:builder", pk=program.pk)


@require_GET
@trainer_required
def program_from_template(request: TrainerRequest) -> HttpResponse:
    """Pick a template to start a new program from."""
    templates = select_programs(trainer=request.trainer, kind="templates")
    return render(request, "programs/program_from_template.html", {"templates": templates})


@require_http_methods(["GET", "POST"])
@trainer_required
def program_assign(request: TrainerRequest, pk: int) -> HttpResponse:
    program = _program(request, pk)
    clients = lookups.assignable_clients(trainer=request.trainer)
    today = request.trainer.today()
    form = AssignForm(request.POST or None, clients=clients, today=today)
    if request.method == "POST" and form.is_valid():
        chosen = list(form.cleaned_data["clients"])
        start = form.cleaned_data["start_date"]
        try:
            assigning.program_assign_many(program=program, clients=chosen, start_date=start)
        except ValidationError as exc:
            add_service_error(form, exc)
        else:
            names = get_text_list([c.full_name for c in chosen], "and")
            messages.success(
                request,
                f"{program.name} is assigned to {names} from {date_format(start)}. "
                "Each has their own copy.",
            )
            return redirect(f"{program_url(program)}#assignments")
    context = {
        "program": program,
        "form": form,
        "clients": list(clients),
        "selected": set(request.POST.getlist("clients")),
    }
    return render(request, "programs/program_assign.html", context)


def program_url(program: Program) -> str:
    return reverse("programs:builder", args=[program.pk])


@require_http_methods(["GET", "POST"])
@trainer_required
def assignment_end(request: TrainerRequest, pk: int) -> HttpResponse:
    assignment = lookups.assignment_get_for_write(actor=request.actor, pk=pk)
    back = assignment.source_program or assignment.program
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
                request, f"{assignment.client.full_name}'s {assignment.program.name} has ended."
            )
        return redirect(f"{program_url(back)}#assignments")
    context = {"assignment": assignment, "form": form, "back": back}
    return render(request, "programs/program_assignment_end.html", context)


@require_http_methods(["GET", "POST"])
@trainer_required
def client_assign_program(request: TrainerRequest, client_id: int) -> HttpResponse:
    """From a client's page: pick one of your programs and a start date."""
    client = client_get_for_write(actor=request.actor, pk=client_id)
    form = ClientAssignForm(
        request.POST or None,
        programs=lookups.assignable_programs(trainer=request.trainer),
        today=request.trainer.today(),
    )
    if request.method == "POST" and form.is_valid():
        program, start = form.cleaned_data["program"], form.cleaned_data["start_date"]
        try:
            assigning.program_assign(program=program, client=client, start_date=start)
        except ValidationError as exc:
            add_service_error(form, exc, default_field="program")
        else:
            messages.success(
                request,
                f"{client.full_name} is on {program.name} from {date_format(start)}, "
                "with their own copy.",
            )
            return redirect("progress:client", pk=client.pk)
    context = {
        "client": client,
        "form": form,
        "current": lookups.active_assignment(client=client),
        "has_programs": form.fields["program"].queryset.exists(),  # type: ignore[attr-defined]
    }
    return render(request, "programs/client_assign.html", context)
