from __future__ import annotations

import re

import pytest
from django.core.management import call_command
from drf_spectacular.validation import validate_schema

from fitnesspr.api.schema import TAGS

pytestmark = pytest.mark.django_db

AUTH_PATHS = [
    "/api/v1/auth/register/",
    "/api/v1/auth/login/",
    "/api/v1/auth/pin-login/",
    "/api/v1/auth/refresh/",
    "/api/v1/auth/logout/",
    "/api/v1/auth/me/",
]


@pytest.fixture
def schema(api) -> dict:
    response = api.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.oai.openapi+json")
    return response.json()


def test_schema_is_valid_openapi_and_public(schema):
    validate_schema(schema)  # raises on an invalid document
    assert schema["openapi"].startswith("3.")


def test_schema_documents_the_auth_and_resource_paths(schema):
    paths = schema["paths"]
    for path in [*AUTH_PATHS, "/api/v1/clients/", "/api/v1/clients/{id}/reset-pin/"]:
        assert path in paths
    assert "/api/v1/trainers/me/" in paths
    assert not any("schema" in p or "docs" in p for p in paths)


def test_every_operation_is_described_tagged_and_has_error_responses(schema):
    for path, operations in schema["paths"].items():
        for method, op in operations.items():
            where = f"{method.upper()} {path}"
            assert op.get("summary"), where
            assert op.get("description"), where
            assert op["tags"][0] in {tag["name"] for tag in TAGS}, where
            assert "429" in op["responses"], where
            assert "Rate limit" in op["description"], where
            for code, response in op["responses"].items():
                if code.startswith(("4", "5")):
                    ref = response["content"]["application/json"]["schema"]["$ref"]
                    assert ref.endswith("/ErrorEnvelope"), where


def test_success_bodies_are_documented_in_the_envelope(schema):
    op = schema["paths"]["/api/v1/auth/login/"]["post"]
    body = op["responses"]["200"]["content"]["application/json"]
    assert set(body["schema"]["properties"]) == {"success", "data", "message"}
    example = next(iter(body["examples"].values()))["value"]
    assert example["success"] is True
    assert set(example["data"]) == {"access", "refresh", "user"}
    listing = schema["paths"]["/api/v1/clients/"]["get"]["responses"]["200"]
    ref = listing["content"]["application/json"]["schema"]["$ref"].rsplit("/", 1)[1]
    assert set(schema["components"]["schemas"][ref]["properties"]) == {
        "success",
        "data",
        "pagination",
    }


def test_error_responses_match_the_operation(schema):
    clients = schema["paths"]["/api/v1/clients/"]
    assert {"400", "401", "403", "409", "429"} <= set(clients["post"]["responses"])
    assert {"401", "403", "404"} <= set(
        schema["paths"]["/api/v1/clients/{id}/"]["delete"]["responses"]
    )
    login = schema["paths"]["/api/v1/auth/login/"]["post"]
    assert {"200", "400", "401", "429"} <= set(login["responses"])
    assert "403" not in login["responses"]
    assert "Retry-After" in login["responses"]["429"]["headers"]
    assert "409" not in schema["paths"]["/api/v1/auth/register/"]["post"]["responses"]


def test_schema_has_request_examples(schema):
    request = schema["paths"]["/api/v1/auth/pin-login/"]["post"]["requestBody"]
    example = next(iter(request["content"]["application/json"]["examples"].values()))
    assert set(example["value"]) == {"email", "pin"}


def test_bearer_auth_security_scheme(schema):
    scheme = schema["components"]["securitySchemes"]["bearerAuth"]
    assert (scheme["type"], scheme["scheme"], scheme["bearerFormat"]) == ("http", "bearer", "JWT")
    assert {"bearerAuth": []} in schema["paths"]["/api/v1/clients/"]["get"]["security"]
    login_security = schema["paths"]["/api/v1/auth/login/"]["post"]["security"]
    assert {} in login_security  # public: no token needed


def test_throttle_limits_are_in_the_descriptions(schema):
    from django.conf import settings

    rate = settings.REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]["pin"]
    pin = schema["paths"]["/api/v1/auth/pin-login/"]["post"]["description"]
    assert f"{rate} per IP address (scope `pin`)" in pin


def test_docs_page_is_self_hosted(api):
    response = api.get("/api/v1/docs/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "swagger-ui" in html
    urls = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert urls
    assert not [u for u in urls if re.match(r"(https?:)?//", u)]
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)  # no inline script
    csp = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", csp).group(1)
    assert "'unsafe-inline'" not in script_src
    assert "http" not in csp


def test_docs_init_script_and_static_files_are_served(api):
    page = api.get("/api/v1/docs/").content.decode()
    script = re.search(r'<script src="([^"]*script=[^"]*)"', page).group(1).replace("&amp;", "&")

    response = api.get(script)

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/javascript")
    assert "/api/v1/schema/" in response.content.decode()
    bundle = re.search(r'<script src="([^"]*swagger-ui-bundle\.js)"', page).group(1)
    assert "drf_spectacular_sidecar" in bundle
    assert api.get(bundle).status_code == 200


def test_other_pages_keep_the_strict_policy(api):
    csp = api.get("/api/v1/schema/").get("Content-Security-Policy", "")
    assert "'unsafe-inline'" not in csp


def test_schema_generates_without_warnings(tmp_path):
    out = tmp_path / "schema.yaml"
    call_command("spectacular", "--fail-on-warn", "--validate", "--file", str(out))

    assert "/api/v1/auth/pin-login/" in out.read_text()
