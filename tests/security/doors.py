"""The machinery of the authorization matrix: who asks (five roles), how a door's URL is
filled from the world, how a request is sent and what its answer means. The table
itself is data, in `tests/security/matrix.py`."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any

from django.test import Client as Browser
from django.urls import URLPattern, URLResolver, get_resolver
from rest_framework.test import APIClient

from fitnesspr.tokens import tokens_for
from tests.security.world import World

#: who asks, in the order of a door's expectations
ROLES = ("owner", "other_trainer", "own_client", "other_client", "anon")
NON_OWNERS = ("other_trainer", "other_client", "anon")
WRITES = {"POST", "PUT", "PATCH", "DELETE"}

#: an expected outcome: a status code, or a string = a redirect whose target starts so
Outcome = int | str


@dataclass(frozen=True)
class Door:
    """One method on one route, and what each role gets.

    `route` is the OpenAPI path for the API (`/api/v1/programs/{id}/`) or the URL name
    of a page (`programs:builder`). `ids` fills the path's parameters: a world key
    (`"program"`) becomes tenant A's object's id, anything else is used as written.
    `shows` names the kind of A's object a list must show its owner and nobody else.
    `body` is what every role sends (JSON for the API, form data for pages, the query
    string of a GET); a value "@key" is A's object's id, so a non-owner's body points at
    A's rows the way an attacker's would."""

    method: str
    route: str
    expect: tuple[Outcome, Outcome, Outcome, Outcome, Outcome]
    ids: dict[str, str] = field(default_factory=dict)
    shows: str = ""
    body: dict[str, Any] | None = None

    @property
    def is_api(self) -> bool:
        return self.route.startswith("/api/")

    @property
    def key(self) -> str:
        return f"{self.method} {self.route}"


def api(method: str, path: str, expect: tuple, *, shows: str = "", body=None, **ids: str) -> Door:
    return Door(method, path, expect, ids, shows, body)


def page(method: str, name: str, expect: tuple, *, shows: str = "", body=None, **ids: str) -> Door:
    return Door(method, name, expect, ids, shows, body)


# ---- who asks ---------------------------------------------------------------------


def api_callers(world: World) -> dict[str, APIClient]:
    def bearer(user: Any) -> APIClient:
        caller = APIClient()
        caller.credentials(HTTP_AUTHORIZATION=f"Bearer {tokens_for(user)['access']}")
        return caller

    return {
        "owner": bearer(world.a.trainer.user),
        "other_trainer": bearer(world.b.trainer.user),
        "own_client": bearer(world.a.client.user),
        "other_client": bearer(world.b.client.user),
        "anon": APIClient(),
    }


def browsers(world: World) -> dict[str, Browser]:
    def signed_in(user: Any) -> Browser:
        browser = Browser()
        browser.force_login(user)
        return browser

    return {
        "owner": signed_in(world.a.trainer.user),
        "other_trainer": signed_in(world.b.trainer.user),
        "own_client": signed_in(world.a.client.user),
        "other_client": signed_in(world.b.client.user),
        "anon": Browser(),
    }


# ---- the request ------------------------------------------------------------------


def url_of(door: Door, world: World) -> str:
    values = {
        name: str(world.a.objects[value].pk) if value in world.a.objects else value
        for name, value in door.ids.items()
    }
    if door.is_api:
        path = door.route
        for name, value in values.items():
            path = path.replace("{" + name + "}", value)
        if "{" in path:
            raise AssertionError(f"{door.key}: give a value for each parameter (ids=...)")
        return path
    from django.urls import reverse

    return reverse(door.route, kwargs=values)


def body_of(door: Door, world: World) -> dict[str, Any]:
    """The door's body (the query string of a GET), "@key" naming A's object's id."""

    def value(item: Any) -> Any:
        if isinstance(item, list):
            return [value(one) for one in item]
        if isinstance(item, str) and item.startswith("@"):
            return world.a.objects[item[1:]].pk
        return item

    return {name: value(item) for name, item in (door.body or {}).items()}


def send(caller: Any, door: Door, url: str, body: dict[str, Any]) -> Any:
    if door.method == "GET":
        return caller.get(url, data=body or None)
    if door.is_api:
        return getattr(caller, door.method.lower())(url, body, format="json")
    return getattr(caller, door.method.lower())(url, body)


def outcome(response: Any) -> Outcome:
    if response.status_code in (301, 302, 303):
        return response["Location"].split("?")[0]
    return response.status_code


def matches(expected: Outcome, got: Outcome) -> bool:
    if isinstance(expected, str):
        return isinstance(got, str) and got.startswith(expected)
    return expected == got


def text_of(response: Any) -> str:
    if getattr(response, "streaming", False):
        return ""
    kind = response.get("Content-Type", "")
    if not (kind.startswith("text/") or "json" in kind):
        return ""
    return response.content.decode(errors="replace")


def listed_ids(response: Any) -> set[int]:
    """The ids of the items an API list (or a page's JSON) answered with."""
    try:
        payload = json.loads(response.content)
    except ValueError:
        return set()
    data = payload.get("data", payload) if isinstance(payload, dict) else payload
    if isinstance(data, dict):
        data = data.get("results", [])
    return {item["id"] for item in data if isinstance(item, dict) and "id" in item}


# ---- discovery --------------------------------------------------------------------

_API_PREFIX = "api/v1/"
_NOT_DOORS = {"api:schema", "api:docs", "api:not-found"}
_PARAM = re.compile(r"\(\?P<(\w+)>[^)]*\)|<(?:\w+:)?(\w+)>")


def _walk(patterns: list[Any], prefix: str = "", namespace: str = ""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            inner = namespace + (f"{pattern.namespace}:" if pattern.namespace else "")
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), namespace + (pattern.name or ""), pattern


def _openapi_path(route: str) -> str:
    route = route.replace("^", "").replace("$", "")

    def name(match: re.Match[str]) -> str:
        param = match.group(1) or match.group(2)
        return "{id}" if param == "pk" else "{" + param + "}"

    return "/" + _PARAM.sub(name, route)


def _methods(callback: Any) -> set[str]:
    actions = getattr(callback, "actions", None)
    if actions:
        return {method.upper() for method in actions if method != "head"}  # HEAD is GET
    view = getattr(callback, "cls", None) or getattr(callback, "view_class", None)
    if view is None:
        return {"GET"}
    return {
        method.upper()
        for method in ("get", "post", "put", "patch", "delete")
        if hasattr(view, method)
    }


def resolver_api_operations() -> set[str]:
    found = set()
    for route, name, pattern in _walk(get_resolver().url_patterns):
        if route.startswith(_API_PREFIX) and name not in _NOT_DOORS:
            path = _openapi_path(route)
            found |= {f"{method} {path}" for method in _methods(pattern.callback)}
    return found


def schema_operations() -> set[str]:
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    return {
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method in item
        if method in {"get", "post", "put", "patch", "delete"}
    }


def page_names() -> set[str]:
    """Every named page outside the API and the admin."""
    return {
        name
        for route, name, _ in _walk(get_resolver().url_patterns)
        if not route.startswith(_API_PREFIX) and not route.startswith("admin/")
    }
