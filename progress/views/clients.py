"""The trainer's client list (/dashboard/clients/): every client with their program, last
workout and four-week adherence, searchable (accents aside) and sortable by each of
them. It gathers the clients and their training, so it lives here, at the top of the
app graph; adding, editing and the PIN stay with the clients app."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_headers

from clients.models import Client
from clients.selectors import STATUS_FILTERS
from fitnesspr.links import path_for_each
from progress.selectors.roster import SORTS, client_roster
from trainers.decorators import TrainerRequest, trainer_required

PAGE_SIZE = 25
COLUMNS = {
    "name": "Name",
    "program": "Program",
    "last_workout": "Last workout",
    "adherence": "4-week adherence",
}


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    sort: str  # what its header link sorts by: this column, or this column reversed
    order: str  # aria-sort: "ascending", "descending" or ""


def _columns(sort: str) -> list[Column]:
    descending = sort.startswith("-")
    current = sort.removeprefix("-")
    columns = []
    for key, label in COLUMNS.items():
        here = key == current
        columns.append(
            Column(
                key=key,
                label=label,
                sort=f"-{key}" if here and not descending else key,
                order=("descending" if descending else "ascending") if here else "",
            )
        )
    return columns


@dataclass(frozen=True)
class RowLinks:
    client: str  # the client's page
    program: str  # their program in the builder, or assigning one


def _add_links(clients: Iterable[Client]) -> None:
    """Each row's links (`client.links`), each page's name reversed once for all."""
    client_page = path_for_each("progress:client")
    builder = path_for_each("programs:builder")
    assign = path_for_each("programs:assign_to_client")
    for client in clients:
        program = client.training.program  # type: ignore[attr-defined]
        client.links = RowLinks(  # type: ignore[attr-defined]
            client=client_page(client.pk),
            program=builder(program.pk) if program else assign(client.pk),
        )


@require_GET
@vary_on_headers("HX-Request")
@trainer_required
def client_list(request: TrainerRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()[:100]
    status = request.GET.get("status", "")
    if status not in STATUS_FILTERS:
        status = ""
    sort = request.GET.get("sort", "name")
    if sort.removeprefix("-") not in SORTS:
        sort = "name"
    clients = client_roster(
        trainer=request.trainer,
        today=request.trainer.today(),
        search=search,
        status=status,
        sort=sort,
    )
    page = Paginator(clients, PAGE_SIZE).get_page(request.GET.get("page"))
    _add_links(page.object_list)
    template = "progress/client_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#client-table"
    context = {
        "page": page,
        "search": search,
        "status": status,
        "sort": sort,
        "columns": _columns(sort),
        "status_filters": STATUS_FILTERS,
        "filtered": bool(search or status),
    }
    return render(request, template, context)
