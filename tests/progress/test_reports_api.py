"""/api/v1/progress/reports/: ask (202, pending), follow the status, download the PDF;
the envelope on every answer; another trainer's client or report is a 404, a client's
token a 403."""

from __future__ import annotations

import datetime as dt

import pytest

from progress.models import ProgressReport, ReportStatus
from tests.factories.core import ClientFactory
from tests.factories.progress import ProgressReportFactory
from tests.progress.reports_helpers import pdf_text

URL = "/api/v1/progress/reports/"


@pytest.fixture
def alice_api(api, trainer):
    api.force_authenticate(trainer.user)
    return api


def _body(client_, today, **changes):
    return {
        "client": client_.pk,
        "period_start": (today - dt.timedelta(days=27)).isoformat(),
        "period_end": today.isoformat(),
        **changes,
    }


def test_ask_follow_and_download(alice_api, client_, today, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        asked = alice_api.post(URL, _body(client_, today), format="json")

    assert asked.status_code == 202
    payload = asked.json()
    assert payload["success"] is True
    assert payload["message"] == "The report is being made."
    assert payload["data"]["status"] == "pending"
    assert payload["data"]["download_url"] is None
    report_id = payload["data"]["id"]
    assert alice_api.get(f"{URL}{report_id}/file/").status_code == 404  # not made yet

    for callback in queued:
        callback()
    status = alice_api.get(f"{URL}{report_id}/").json()["data"]
    assert status["status"] == "ready"
    assert status["client_name"] == client_.full_name
    assert status["download_url"].endswith(f"/api/v1/progress/reports/{report_id}/file/")

    download = alice_api.get(f"{URL}{report_id}/file/")
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment;")
    assert "no-store" in download["Cache-Control"]
    assert client_.full_name in pdf_text(b"".join(download.streaming_content))[1]


def test_the_list_filters_by_client(alice_api, trainer, client_, django_assert_max_num_queries):
    other = ClientFactory(trainer=trainer)
    ProgressReportFactory.create_batch(3, client=client_)
    ProgressReportFactory(client=other)

    with django_assert_max_num_queries(6):
        listed = alice_api.get(URL, {"client": client_.pk}).json()

    assert listed["success"] is True
    assert [row["client"] for row in listed["data"]] == [client_.pk] * 3
    assert alice_api.get(URL).json()["pagination"]["total"] == 4


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"period_end": "2020-01-01"}, "period_end"),
        ({"period_start": "1990-01-01"}, "period_start"),
        ({"period_start": "not a date"}, "period_start"),
        ({"client": "abc"}, "client"),
    ],
)
def test_bad_periods_are_a_validation_error(alice_api, client_, today, changes, field):
    answer = alice_api.post(URL, _body(client_, today, **changes), format="json")

    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert field in {detail["field"] for detail in error["details"]}
    assert not ProgressReport.objects.exists()


def test_a_failed_report_is_retried_once(alice_api, client_, django_capture_on_commit_callbacks):
    report = ProgressReportFactory(client=client_, status=ReportStatus.FAILED, error="x")

    with django_capture_on_commit_callbacks(execute=True):
        retried = alice_api.post(f"{URL}{report.pk}/retry/")
    assert retried.status_code == 202
    assert alice_api.post(f"{URL}{report.pk}/retry/").status_code == 409  # ready now


def test_another_trainers_client_and_reports_are_a_404(api, outsider, client_, today):
    report = ProgressReportFactory(client=client_)
    api.force_authenticate(outsider.user)

    assert api.post(URL, _body(client_, today), format="json").status_code == 404
    assert api.get(f"{URL}{report.pk}/").status_code == 404
    assert api.get(f"{URL}{report.pk}/file/").status_code == 404
    assert api.get(URL).json()["pagination"]["total"] == 0
    assert ProgressReport.objects.count() == 1


def test_a_clients_token_is_refused(api, client_, today):
    report = ProgressReportFactory(client=client_)
    api.force_authenticate(client_.user)

    for answer in (
        api.get(URL),
        api.get(f"{URL}{report.pk}/"),
        api.get(f"{URL}{report.pk}/file/"),
        api.post(URL, _body(client_, today), format="json"),
    ):
        assert answer.status_code == 403
        assert answer.json()["success"] is False


def test_the_endpoints_are_documented(alice_api):
    schema = alice_api.get("/api/v1/schema/", HTTP_ACCEPT="application/json").json()
    paths = schema["paths"]
    assert "post" in paths["/api/v1/progress/reports/"]
    assert "get" in paths["/api/v1/progress/reports/{id}/"]
    assert "application/pdf" in str(paths["/api/v1/progress/reports/{id}/file/"])
