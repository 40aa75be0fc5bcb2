"""Headers and markup every HTML page must carry: a strict CSP our pages satisfy
(no inline script or style), nosniff, frame denial, a referrer policy, CSRF."""

from __future__ import annotations

import re

import pytest
from django.contrib.staticfiles import finders
from django.test import Client as Browser

from tests.factories.core import DEFAULT_PIN

pytestmark = pytest.mark.django_db

SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.IGNORECASE)


def assert_safe_page(response):
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "style-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"
    html = response.content.decode()
    for tag in SCRIPT_TAG.findall(html):
        assert "src=" in tag, f"inline script: {tag}"
    assert not re.search(r"\sstyle=", html), "inline style attribute"
    assert "<style" not in html
    assert not re.search(r"\son[a-z]+=", html), "inline event handler"
    for url in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
        assert finders.find(url.removeprefix("/static/")), f"missing static file {url}"


def test_anonymous_pages_are_safe(client, carol):
    for url in [
        "/accounts/login/",
        "/accounts/signup/",
        "/accounts/password/reset/",
        "/portal/login/",
        "/nowhere/",
    ]:
        assert_safe_page(client.get(url))


def test_dashboard_pages_are_safe(trainer_client, carol):
    for url in [
        "/dashboard/",
        "/dashboard/settings/",
        "/dashboard/clients/",
        "/dashboard/clients/new/",
        f"/dashboard/clients/{carol.pk}/",
        f"/dashboard/clients/{carol.pk}/edit/",
        f"/dashboard/clients/{carol.pk}/reset-pin/",
        "/accounts/password/change/",
    ]:
        response = trainer_client.get(url)
        assert response.status_code == 200, url
        assert_safe_page(response)
    assert_safe_page(trainer_client.post(f"/dashboard/clients/{carol.pk}/reset-pin/", follow=True))


def test_portal_pages_are_safe(client, carol):
    client.post("/portal/login/", {"email": "carol@example.com", "pin": DEFAULT_PIN})
    assert_safe_page(client.get("/portal/"))


def test_pages_load_no_third_party_assets(client):
    html = client.get("/accounts/login/").content.decode()
    assets = re.findall(r'<(?:script|link)\b[^>]*(?:src|href)="([^"]+)"', html)
    assert assets
    assert all(url.startswith("/static/") for url in assets)
    assert "/static/vendor/htmx/htmx.min.js" in assets
    assert "/static/vendor/pico/pico.min.css" in assets
    assert '"includeIndicatorStyles": false' in html


def test_every_form_and_htmx_request_carries_the_csrf_token(carol):
    browser = Browser(enforce_csrf_checks=True)
    page = browser.get("/portal/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    assert f'hx-headers=\'{{"X-CSRFToken": "{token}"}}\'' in page.text

    no_token = browser.post("/portal/login/", {"email": "carol@example.com", "pin": DEFAULT_PIN})
    assert no_token.status_code == 403
    assert "This form has expired" in no_token.text
    with_header = browser.post(
        "/portal/login/",
        {"email": "carol@example.com", "pin": DEFAULT_PIN},
        headers={"X-CSRFToken": token},
    )
    assert with_header.status_code == 302
