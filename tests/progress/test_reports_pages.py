"""The Progress report panel of a client's Progress tab: ask for a report, watch it
being made, download it, try a failed one again; another trainer's client is a 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from progress.models import ProgressReport, ReportStatus
from progress.services import reports as services
from tests.factories.core import ClientFactory
from tests.factories.progress import ProgressReportFactory
from tests.progress.reports_helpers import pdf_text

HTMX = {"HTTP_HX_REQUEST": "true"}


def _url(name, client, *args):
    return reverse(f"progress:{name}", args=[client.pk, *args])


def test_the_progress_tab_offers_the_report_form_and_past_reports(alice, client_):
    ProgressReportFactory(
        client=client_,
        status=ReportStatus.FAILED,
        error="The report could not be made: it took too long to draw.",
    )

    page = alice.get(_url("client_progress", client_)).content.decode()

    assert 'id="reports"' in page
    assert "Last 4 weeks" in page
    assert "Last 3 months" in page
    assert "Last year" in page
    assert "Dates of my own" in page
    assert "it took too long to draw" in page
    assert "Try again" in page


def test_asking_for_a_report_shows_it_generating_then_a_download(
    alice, client_, django_capture_on_commit_callbacks, today
):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        response = alice.post(_url("report_request", client_), {"preset": "3m"}, **HTMX)

    assert (
        response["Cache-Control"].startswith("max-age=0") or "no-store" in response["Cache-Control"]
    )
    report = ProgressReport.objects.get()
    assert (report.period_start, report.period_end) == (today - dt.timedelta(days=90), today)
    assert report.requested_by == client_.trainer.user
    body = response.content.decode()
    assert "Generating…" in body
    assert f'hx-get="{_url("report_row", client_, report.pk)}"' in body
    assert 'hx-trigger="every 2s"' in body

    for callback in queued:
        callback()  # the background job runs
    row = alice.get(_url("report_row", client_, report.pk), **HTMX).content.decode()
    assert "Download PDF" in row
    assert "hx-trigger" not in row  # polling stops

    download = alice.get(_url("report_file", client_, report.pk))
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith('attachment; filename="progress-carol')
    assert "no-store" in download["Cache-Control"]
    _pages, text = pdf_text(b"".join(download.streaming_content))
    assert client_.full_name in text


def test_custom_dates_with_a_bad_period_are_refused_next_to_the_field(alice, client_, today):
    data = {
        "preset": "custom",
        "period_start": today.isoformat(),
        "period_end": (today - dt.timedelta(days=3)).isoformat(),
    }
    body = alice.post(_url("report_request", client_), data, **HTMX).content.decode()

    assert "The period can&#x27;t end before it starts." in body
    assert not ProgressReport.objects.exists()
    missing = alice.post(_url("report_request", client_), {"preset": "custom"}, **HTMX)
    assert "Choose a date." in missing.content.decode()


def test_a_failed_report_is_tried_again(alice, client_, django_capture_on_commit_callbacks):
    report = ProgressReportFactory(client=client_, status=ReportStatus.FAILED, error="x")

    with django_capture_on_commit_callbacks(execute=True):
        response = alice.post(_url("report_retry", client_, report.pk), **HTMX)

    assert response.status_code == 200
    report.refresh_from_db()
    assert report.status == ReportStatus.READY


def test_without_htmx_the_form_comes_back_to_the_tab(
    alice, client_, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = alice.post(_url("report_request", client_), {"preset": "4w"})
    assert response.status_code == 302
    assert response["Location"].endswith("/progress/#reports")


@pytest.mark.parametrize("name", ["report_row", "report_file", "report_retry"])
def test_another_trainers_report_is_a_404(client, outsider, client_, name):
    report = ProgressReportFactory(client=client_, status=ReportStatus.FAILED)
    theirs = ClientFactory(trainer=outsider)
    client.force_login(outsider.user)

    method = client.post if name == "report_retry" else client.get
    assert method(_url(name, client_, report.pk)).status_code == 404
    assert (
        method(_url(name, theirs, report.pk)).status_code == 404
    )  # their client, not their report
    assert client.post(_url("report_request", client_), {"preset": "4w"}).status_code == 404
    assert not ProgressReport.objects.exclude(pk=report.pk).exists()


def test_a_client_cannot_download_their_report(
    carol_browser, client_, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        report = services.report_request(
            client=client_,
            period_start=client_.trainer.today(),
            period_end=client_.trainer.today(),
            requested_by=None,
        )
    assert carol_browser.get(_url("report_file", client_, report.pk)).status_code == 404


def test_the_client_opts_in_to_a_weekly_report_in_the_portal(carol_browser, client_):
    page = carol_browser.get(reverse("progress:portal_photos")).content.decode()
    assert "Make a progress report of my week every Monday" in page

    carol_browser.post(reverse("progress:portal_photo_consent"), {"weekly_report": "on"})

    client_.progress_settings.refresh_from_db()
    assert client_.progress_settings.weekly_report is True
    assert client_.progress_settings.photos_in_reports is False


def test_the_trainer_sees_the_weekly_choice(alice, client_):
    from tests.factories.progress import ProgressSettingsFactory

    ProgressSettingsFactory(client=client_, weekly_report=True)
    page = alice.get(_url("client_progress", client_)).content.decode()
    assert "asked for a weekly report: one is made every Monday" in page


def test_the_weekly_choice_through_the_api(api, client_, trainer):
    api.force_authenticate(client_.user)
    answer = api.patch("/api/v1/progress/settings/", {"weekly_report": True}, format="json")
    assert answer.json()["data"]["weekly_report"] is True
    api.force_authenticate(trainer.user)
    refused = api.patch(
        f"/api/v1/progress/settings/?client={client_.pk}", {"weekly_report": False}, format="json"
    )
    assert refused.status_code == 400
