"""Absolute links to this site (emails are read away from it): SITE_URL + a path."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse


def site_url(path: str = "") -> str:
    """`path` ("/portal/") on this site, as a full address."""
    return settings.SITE_URL.rstrip("/") + path


def site_link(url_name: str, *args: Any) -> str:
    """The full address of a named page: site_link("billing:portal_invoice", 7)."""
    return site_url(reverse(url_name, args=args or None))
