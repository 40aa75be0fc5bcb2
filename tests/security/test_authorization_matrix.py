"""Every door proves who may pass: each API operation and each page, asked by the owner
trainer, another trainer, the owner's client, another trainer's client and nobody,
answers what `tests/security/matrix.py` says. Nobody but the owner sees the owner's
rows (lists included), and a write by anyone else changes nothing of theirs. A route
without a line in the matrix fails the suite and says which line to add."""

from __future__ import annotations

import pytest
from django.db import transaction

from tests.security import matrix
from tests.security.doors import (
    NON_OWNERS,
    ROLES,
    WRITES,
    Door,
    api_callers,
    body_of,
    browsers,
    listed_ids,
    matches,
    outcome,
    page_names,
    resolver_api_operations,
    schema_operations,
    send,
    text_of,
    url_of,
)
from tests.security.world import World, fingerprint

API_DOORS = {door.key: door for door in matrix.API}
PAGE_DOORS = {door.key: door for door in matrix.PAGES}


def _ask(door: Door, world: World, caller, role: str, url: str, body: dict) -> list[str]:
    problems: list[str] = []
    expected = door.expect[ROLES.index(role)]
    response = send(caller, door, url, body)
    got = outcome(response)
    if not matches(expected, got):
        problems.append(f"{role}: expected {expected!r}, got {got!r}")
    if role in NON_OWNERS:
        leaked = [marker for marker in world.a.markers if marker in text_of(response)]
        if leaked:
            problems.append(f"{role}: the answer shows A's {leaked}")
    if door.method in WRITES and role in NON_OWNERS and fingerprint(world.a) != world.a_as_built:
        problems.append(f"{role}: the {door.method} changed A's rows")
    if door.shows and door.method == "GET" and response.status_code == 200:
        mine = world.a.objects[door.shows].pk in listed_ids(response)
        if role in ("owner", "own_client") and door.is_api and not mine:
            problems.append(f"{role}: the list lacks A's {door.shows}")
        if role in NON_OWNERS and mine:
            problems.append(f"{role}: the list shows A's {door.shows}")
    return problems


def _check(door: Door, world: World, callers: dict) -> list[str]:
    url, body = url_of(door, world), body_of(door, world)
    problems: list[str] = []
    for role in ROLES:
        # Each role meets the world as built: what an owner changes is undone after them.
        savepoint = transaction.savepoint_create()
        try:
            problems += _ask(door, world, callers[role], role, url, body)
        finally:
            transaction.savepoint_rollback(savepoint)
    return problems


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(API_DOORS))
def test_api_door(key: str, world: World) -> None:
    door = API_DOORS[key]
    problems = _check(door, world, api_callers(world))
    assert not problems, f"{key}:\n  " + "\n  ".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize("key", sorted(PAGE_DOORS))
def test_page_door(key: str, world: World) -> None:
    door = PAGE_DOORS[key]
    problems = _check(door, world, browsers(world))
    assert not problems, f"{key}:\n  " + "\n  ".join(problems)


def _missing(found: set[str], where: str) -> list[str]:
    return [
        f"add an entry for {key} to tests/security/matrix.py ({where}), e.g. "
        f'api("{key.split()[0]}", "{key.split()[1]}", trainer_only(), id="<world key>")'
        for key in sorted(found - set(API_DOORS))
    ]


def test_every_api_operation_has_a_line() -> None:
    missing = _missing(resolver_api_operations(), "URL resolver") + _missing(
        schema_operations(), "OpenAPI schema"
    )
    assert not missing, "\n".join(missing)


def test_every_line_is_a_real_api_operation() -> None:
    stale = set(API_DOORS) - resolver_api_operations() - schema_operations()
    assert not stale, f"remove these lines from tests/security/matrix.py: {sorted(stale)}"


def test_every_page_has_a_line() -> None:
    covered = {door.route for door in matrix.PAGES}
    missing = [
        f'add an entry for page("GET" or "POST", "{name}", …) to tests/security/matrix.py'
        for name in sorted(page_names() - covered)
    ]
    assert not missing, "\n".join(missing)
