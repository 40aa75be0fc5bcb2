"""Links to this site: absolute ones (emails are read away from it), SITE_URL + a path,
and a named page's path for each row of a list."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.urls import reverse


def site_url(path: str = "") -> str:
    """`path` ("/portal/") on this site, as a full address."""
    return settings.SITE_URL.rstrip("/") + path


def site_link(url_name: str, *args: Any) -> str:
    """The full address of a named page: site_link("billing:portal_invoice", 7)."""
    return site_url(reverse(url_name, args=args or None))


#: stand-ins for the ids a page's path is reversed with once (see `path_for_each`)
_STAND_INS = (987654321, 987654322, 987654323)


def path_for_each(url_name: str, *, ids: int = 1) -> Callable[..., str]:
    """reverse(url_name, args=[...]) for each row of a list, reversing the name once
    (a page with many rows spent milliseconds reversing the same name):
    path_for_each("progress:training")(7) == reverse("progress:training", args=[7]).
    For pages whose `ids` arguments are all ids (`<int:...>`)."""
    stand_ins = _STAND_INS[:ids]
    pieces = [reverse(url_name, args=stand_ins)]
    for stand_in in stand_ins:
        head, tail = pieces.pop().split(str(stand_in), 1)
        pieces += [head, tail]

    def fill(*args: int) -> str:
        path = pieces[0]
        for value, piece in zip(args, pieces[1:], strict=True):
            path += f"{int(value)}{piece}"
        return path

    return fill
