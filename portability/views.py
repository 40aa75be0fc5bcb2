"""The trainer's data on the dashboard: export everything (built in the background, the
page polls until it's ready), download it, and import an export into a fresh account."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from fitnesspr.actor import actor_of
from portability import selectors
from portability.downloads import export_response
from portability.forms import ImportForm
from portability.models import ImportStatus
from portability.services.exports import data_export_request
from portability.services.imports import account_is_fresh, data_import_run
from trainers.decorators import TrainerRequest, trainer_required

PAGE = "portability/data.html"


def _export_context(request: TrainerRequest) -> dict[str, object]:
    exports = list(selectors.data_export_list(actor=request.actor))
    return {"latest": exports[0] if exports else None, "exports": exports}


@require_GET
@never_cache
@trainer_required
def data_page(request: TrainerRequest) -> HttpResponse:
    return render(request, PAGE, _page_context(request, ImportForm()))


def _page_context(request: TrainerRequest, form: ImportForm) -> dict[str, object]:
    return {
        **_export_context(request),
        "imports": selectors.data_import_list(actor=request.actor),
        "import_form": form,
        "fresh": account_is_fresh(request.trainer),
    }


@require_POST
@never_cache
@trainer_required
def import_upload(request: TrainerRequest) -> HttpResponse:
    """Bring an export into this fresh account; the result page says what came in, or
    everything that stopped it (and then nothing was written)."""
    form = ImportForm(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, PAGE, _page_context(request, form), status=400)
    upload = form.cleaned_data["archive"]
    result = data_import_run(trainer=request.trainer, upload=upload, filename=upload.name)
    status = 200 if result.status == ImportStatus.DONE else 400
    counts = [(name.replace("_", " ").capitalize(), n) for name, n in result.counts.items() if n]
    context = {"result": result, "counts": counts}
    return render(request, "portability/import_result.html", context, status=status)


@require_GET
@never_cache
@trainer_required
def export_panel(request: TrainerRequest) -> HttpResponse:
    """The export box alone (htmx): polled while an export is being prepared."""
    return render(request, f"{PAGE}#export-panel", _export_context(request))


@require_POST
@never_cache
@trainer_required
def export_request(request: TrainerRequest) -> HttpResponse:
    data_export_request(trainer=request.trainer)
    if request.htmx:
        return render(request, f"{PAGE}#export-panel", _export_context(request))
    return redirect("portability:data")


@require_GET
def export_download(request: HttpRequest, pk: int) -> HttpResponseBase:
    """The ZIP, for the trainer who asked (and staff); anyone else's is a 404."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return export_response(selectors.data_export_get(actor=actor_of(request), pk=pk))
