"""The one renderer that wraps every API response in the envelope.

Kept free of rest_framework.views imports: settings name this module, and importing the
views here would be circular."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from rest_framework.renderers import JSONRenderer


def _is_envelope(data: Any) -> bool:
    return isinstance(data, dict) and "success" in data and ("data" in data or "error" in data)


class EnvelopeJSONRenderer(JSONRenderer):
    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: Mapping[str, Any] | None = None,
    ) -> bytes:
        response = (renderer_context or {}).get("response")
        if response is None or _is_envelope(data):
            return super().render(data, accepted_media_type, renderer_context)
        if response.status_code == 204:
            return b""
        if response.status_code >= 400:  # an error that bypassed the exception handler
            envelope = {
                "success": False,
                "error": {"code": "ERROR", "message": "The request failed.", "details": [data]},
            }
        else:
            envelope = {"success": True, "data": data, "message": getattr(response, "message", "")}
        return super().render(envelope, accepted_media_type, renderer_context)
