from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import Resolver404, resolve
from django.utils.csp import CSP
from django.views.decorators.csp import csp_override
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.views import APIView


class NotFoundView(APIView):
    """The last route under /api/v1/: an unknown path answers 404 in the error envelope
    (any method), never Django's HTML page."""

    authentication_classes = []
    permission_classes = [AllowAny]

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        path = request.path
        message = f"There is no API endpoint at {path}."
        if not path.endswith("/"):
            try:
                match = resolve(f"{path}/")
            except Resolver404:
                match = None
            if match is not None and match.url_name != "not-found":
                message += f" Did you mean {path}/ (API paths end with a slash)?"
        raise NotFound(message)


# Swagger UI sets inline style attributes in the markup it renders, and drf-spectacular's
# page carries a small <style> block: allow inline styles on this one page only. Scripts
# stay 'self' (SpectacularSwaggerSplitView serves its init script as a separate file).
DOCS_CSP: dict[str, Any] = {**settings.SECURE_CSP, "style-src": [CSP.SELF, CSP.UNSAFE_INLINE]}

docs_view = csp_override(DOCS_CSP)(SpectacularSwaggerSplitView.as_view(url_name="api:schema"))
