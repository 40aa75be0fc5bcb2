"""A list's query string means what it says: an empty filter, a bad `per_page` or an
empty `page` is a 400 VALIDATION_ERROR naming the parameter (not a silent "everything"),
and a JSON-only endpoint refuses a form body instead of reading it as "no days"."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def _error_fields(response) -> list[str]:
    body = response.json()
    assert response.status_code == 400, body
    assert body["error"]["code"] == "VALIDATION_ERROR"
    return [detail["field"] for detail in body["error"]["details"]]


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/clients/?status=",  # a filter set
        "/api/v1/programs/assignments/?client=",  # a filter on a related row
        "/api/v1/exercises/?muscle=",  # a query serializer
    ],
)
def test_an_empty_filter_is_refused(trainer_api, url):
    name = url.rsplit("?", 1)[1].rstrip("=")
    assert _error_fields(trainer_api.get(url)) == [name]


def test_an_unknown_status_is_refused(trainer_api):
    assert _error_fields(trainer_api.get("/api/v1/clients/?status=sleeping")) == ["status"]


@pytest.mark.parametrize("per_page", ["", "0", "-3", "ten", "²"])
def test_a_bad_page_size_is_refused(trainer_api, per_page):
    assert _error_fields(trainer_api.get(f"/api/v1/clients/?per_page={per_page}")) == ["per_page"]


def test_an_empty_page_is_refused_and_a_large_page_size_is_capped(trainer_api):
    assert _error_fields(trainer_api.get("/api/v1/clients/?page=")) == ["page"]
    answer = trainer_api.get("/api/v1/clients/?per_page=500").json()
    assert answer["pagination"]["per_page"] == 100


@pytest.mark.parametrize("query", ["", "?ordering="])  # no sort keys: the default order
def test_a_filter_left_out_lists_everything(trainer_api, client_, query):
    answer = trainer_api.get(f"/api/v1/clients/{query}").json()
    assert [row["id"] for row in answer["data"]] == [client_.pk]


def test_a_program_sent_as_a_form_is_refused(trainer_api):
    response = trainer_api.post(
        "/api/v1/programs/", "name=Form&days=x", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 415
    assert response.json()["error"]["code"] == "UNSUPPORTED_MEDIA_TYPE"


def test_the_schema_documents_the_bounds_and_no_filters_on_row_actions(api):
    schema = api.get("/api/v1/schema/?format=json").json()
    listing = schema["paths"]["/api/v1/clients/"]["get"]
    bounds = {p["name"]: p["schema"].get("minimum") for p in listing["parameters"]}
    assert bounds["page"] == bounds["per_page"] == 1
    shopping = schema["paths"]["/api/v1/meals/plans/{id}/shopping-list/"]["get"]
    assert {p["name"] for p in shopping["parameters"]} == {"id", "days"}
    assert "415" in schema["paths"]["/api/v1/programs/"]["post"]["responses"]
