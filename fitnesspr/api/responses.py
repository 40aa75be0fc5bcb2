from __future__ import annotations

from typing import Any

from rest_framework.response import Response


def envelope(data: Any, *, message: str = "", status: int = 200) -> Response:
    """A success response in the envelope: {"success": true, "data": ..., "message": ...}."""
    return Response({"success": True, "data": data, "message": message}, status=status)
