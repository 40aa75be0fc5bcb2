from __future__ import annotations

from typing import Any

from django.utils.cache import add_never_cache_headers
from rest_framework.response import Response


def envelope(data: Any, *, message: str = "", status: int = 200, secret: bool = False) -> Response:
    """A success response in the envelope: {"success": true, "data": ..., "message": ...}.
    `secret`: the body carries a PIN or tokens, so no cache (browser or proxy) keeps it."""
    response = Response({"success": True, "data": data, "message": message}, status=status)
    if secret:
        add_never_cache_headers(response)
    return response
