"""Lighter HTML for the heavy pages: the indentation that makes templates readable is
dropped before a page is sent. A run of whitespace holding a line break becomes a
single line break, which a browser lays out exactly like the run it replaces; the text
of <pre> and <textarea> is left alone (whitespace counts there)."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse

_WHITESPACE = re.compile(
    r"(<(?:pre|textarea)\b.*?</(?:pre|textarea)\s*>)|[ \t]*\n\s*", re.DOTALL | re.IGNORECASE
)


def strip_indentation(html: str) -> str:
    return _WHITESPACE.sub(lambda match: match.group(1) or "\n", html)


View = Callable[..., HttpResponse]


def compact_html(view: View) -> View:
    """Send the view's HTML answers (pages and htmx fragments) without indentation."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        if (
            not response.streaming
            and response.get("Content-Type", "").startswith("text/html")
            and response.content
        ):
            charset = response.charset or "utf-8"
            response.content = strip_indentation(response.content.decode(charset)).encode(charset)
        return response

    return wrapper
