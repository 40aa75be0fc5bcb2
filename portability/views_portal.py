"""The client's own data on the portal: their account page, and a ZIP of everything of
theirs (profile, workouts and sets, measurements, photos, check-ins and replies, diary,
invoices and payments), made when they ask. Only their own rows: the same tenancy rule
the portal's pages read through."""

from __future__ import annotations

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from clients.decorators import PortalRequest, portal_login_required
from portability.downloads import made_on_request
from portability.services.exports import client_archive_write


@require_GET
@portal_login_required
def account(request: PortalRequest) -> HttpResponse:
    return render(request, "portability/portal/account.html", {"client": request.portal_client})


@require_GET
@never_cache
@portal_login_required
def my_data(request: PortalRequest) -> HttpResponse:
    client = request.portal_client
    response = made_on_request(
        lambda target: client_archive_write(client=client, target=target),
        filename=f"my-data-{timezone.localdate():%Y-%m-%d}.zip",
    )
    return response  # type: ignore[return-value]  # a FileResponse is what a download is
