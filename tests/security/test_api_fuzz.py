"""Schemathesis fuzzes every operation of `/api/v1/schema/`, signed in as a trainer and
as a client, against a database with two tenants' worth of rows: no answer is a server
error, and every answer (status code and body) is one the schema documents.

Schema-violating requests must be refused (`negative_data_rejection`): an empty or
unknown filter value, a bad page, a body of the wrong shape is a 4xx, never a 2xx.

Fixed seed (derandomized) and a bounded number of examples per operation, so CI runs
the same requests every time and the module stays within a few minutes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from django.core.cache import cache
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.renderers import OpenApiJsonRenderer
from hypothesis import HealthCheck, Phase, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.parameters import ParameterLocation
from schemathesis.specs.openapi.checks import (
    negative_data_rejection,
    response_schema_conformance,
    status_code_conformance,
)

from fitnesspr.tokens import tokens_for
from tests.security import matrix
from tests.security.world import World

#: examples per operation and role (sent twice where the path names a row)
EXAMPLES = 10
CHECKS = [
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
    negative_data_rejection,
]


def _served_schema() -> dict[str, Any]:
    """The schema exactly as `/api/v1/schema/` serves it (as JSON: no Decimal bounds)."""
    generated = SchemaGenerator().get_schema(request=None, public=True)
    return json.loads(OpenApiJsonRenderer().render(generated))


schema = schemathesis.openapi.from_dict(_served_schema())
schema.app = WSGIHandler()


REAL_IDS = {door.key: door.ids for door in matrix.API}


def real_ids(world: World, ids: dict[str, str]) -> dict[str, Any]:
    return {
        name: world.a.objects[value].pk if value in world.a.objects else value
        for name, value in ids.items()
    }


@pytest.fixture(autouse=True)
def _world(world: World) -> Iterator[None]:
    """Every operation runs against the two tenants (`tests/security/world.py`), on the
    test's connection: like Django's test client, the bare WSGI handler must not close
    it at the end of each request (PostgreSQL would lose the test's transaction)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def _bearer(world: World, role: str) -> dict[str, str]:
    user = world.a.trainer.user if role == "trainer" else world.a.client.user
    return {"Authorization": f"Bearer {tokens_for(user)['access']}"}


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["trainer", "client"])
@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    phases=[Phase.generate],  # no coverage phase: its examples are unbounded
    suppress_health_check=list(HealthCheck),
)
def test_fuzz(case: Any, role: str, world: World) -> None:
    cache.clear()  # throttles count per test; the fuzzer is not a flood
    headers = _bearer(world, role)
    case.call_and_validate(headers=headers, checks=CHECKS)
    real = REAL_IDS.get(f"{case.method.upper()} {case.operation.path}")
    if case.path_parameters and real:
        # Random ids mostly miss; send the same example once more to a real row of
        # tenant A (the matrix's ids), so the fuzzer reaches the code behind the lookup.
        checks = _resend_checks(case)  # judged on what was generated, before the swap
        case.path_parameters = {**case.path_parameters, **real_ids(world, real)}
        case.call_and_validate(headers=headers, checks=checks)


QUERY, BODY = ParameterLocation.QUERY, ParameterLocation.BODY
PATH, HEADER, COOKIE = ParameterLocation.PATH, ParameterLocation.HEADER, ParameterLocation.COOKIE


def _resend_checks(case: Any) -> list[Any]:
    """The re-send replaces the path ids (and the headers carry the real token), so only
    an invalid query or body is still invalid: an example whose invalid part was the id
    or a header is valid now, and the fuzzer would wrongly count it as invalid."""
    meta = case.meta
    still_invalid = (
        meta is not None
        and any(meta.is_negative_at(where) for where in (QUERY, BODY))
        and not any(meta.is_negative_at(where) for where in (PATH, HEADER, COOKIE))
    )
    if still_invalid:
        return CHECKS
    return [check for check in CHECKS if check is not negative_data_rejection]
