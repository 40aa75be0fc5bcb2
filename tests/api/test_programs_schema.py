"""The training endpoints are in the OpenAPI schema, described, with examples and errors."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db

PATHS = {
    "/api/v1/programs/": {"get", "post"},
    "/api/v1/programs/{id}/": {"get", "put", "patch", "delete"},
    "/api/v1/programs/{id}/duplicate/": {"post"},
    "/api/v1/programs/{id}/assign/": {"post"},
    "/api/v1/programs/assignments/": {"get"},
    "/api/v1/programs/assignments/{id}/": {"get"},
    "/api/v1/programs/assignments/{id}/end/": {"post"},
    "/api/v1/progress/workout-logs/": {"get", "post"},
    "/api/v1/progress/workout-logs/{id}/": {"get", "put", "patch"},
    "/api/v1/progress/today/": {"get"},
    "/api/v1/progress/exercises/{exercise_id}/history/": {"get"},
    "/api/v1/progress/adherence/": {"get"},
}


@pytest.fixture(scope="module")
def schema(django_db_setup, django_db_blocker) -> dict:
    from rest_framework.test import APIClient

    with django_db_blocker.unblock():
        return APIClient().get("/api/v1/schema/", {"format": "json"}).json()


def test_every_training_endpoint_is_documented(schema):
    for path, methods in PATHS.items():
        assert path in schema["paths"], path
        assert set(schema["paths"][path]) == methods, path
        for method in methods:
            op = schema["paths"][path][method]
            assert op["tags"][0] in {"programs", "progress"}
            assert op["summary"], path
            assert op["description"], path
    tags = {t["name"]: t for t in schema["tags"]}
    assert tags["programs"]["description"]
    assert tags["progress"]["description"]


def test_nested_create_is_documented_with_an_example(schema):
    op = schema["paths"]["/api/v1/programs/"]["post"]
    example = next(iter(op["requestBody"]["content"]["application/json"]["examples"].values()))
    assert example["value"]["days"][0]["exercises"][0]["exercise"]
    assert {"201", "400", "401", "403"} <= set(op["responses"])
    created = op["responses"]["201"]["content"]["application/json"]
    assert set(created["schema"]["properties"]) == {"success", "data", "message"}


def test_error_responses_fit_each_operation(schema):
    paths = schema["paths"]
    assert "409" in paths["/api/v1/programs/{id}/"]["delete"]["responses"]
    assert "403" in paths["/api/v1/programs/assignments/{id}/end/"]["post"]["responses"]
    assert "403" in paths["/api/v1/progress/workout-logs/"]["post"]["responses"]
    assert "404" in paths["/api/v1/progress/workout-logs/{id}/"]["patch"]["responses"]
    assign = paths["/api/v1/programs/{id}/assign/"]["post"]["responses"]["201"]
    data = assign["content"]["application/json"]["schema"]["properties"]["data"]
    assert data["$ref"].endswith("/ProgramAssignResult")
    result = schema["components"]["schemas"]["ProgramAssignResult"]
    assert len(result["oneOf"]) == 2


def test_filters_are_documented(schema):
    params = {
        p["name"] for p in schema["paths"]["/api/v1/progress/workout-logs/"]["get"]["parameters"]
    }
    assert {"client", "from", "to", "status", "page", "per_page"} <= params
    params = {p["name"] for p in schema["paths"]["/api/v1/programs/"]["get"]["parameters"]}
    assert {"search", "is_template", "client"} <= params
