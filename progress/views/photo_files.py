"""The one way a progress photo leaves the server: this view, for the client, their
trainer and staff (someone else's photo is a 404), with `Cache-Control: private` so no
shared cache keeps a copy. The files sit in the private storage, which no URL serves;
on S3 the view checks access, then redirects to a short-lived signed URL."""

from __future__ import annotations

from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpRequest, HttpResponseBase
from django.views.decorators.http import require_GET
from django.views.decorators.vary import vary_on_cookie

from fitnesspr.actor import actor_of
from fitnesspr.storage import private_file_response
from fitnesspr.tenancy import NOT_FOUND
from progress.selectors.body import photo_get

VARIANTS = {"photo": "image", "thumb": "thumbnail"}


@require_GET
@vary_on_cookie
def photo_file(request: HttpRequest, pk: int, variant: str) -> HttpResponseBase:
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if variant not in VARIANTS:
        raise Http404(NOT_FOUND)
    photo = photo_get(actor=actor_of(request), pk=pk)
    stored = getattr(photo, VARIANTS[variant]) or photo.image  # older rows: no thumbnail
    suffix = "-thumb" if variant == "thumb" else ""
    filename = f"progress-{photo.taken_on:%Y-%m-%d}-{photo.pose}{suffix}.jpg"
    return private_file_response(stored, content_type="image/jpeg", filename=filename)
