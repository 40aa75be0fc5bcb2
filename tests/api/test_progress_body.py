"""/api/v1/progress/ measurements, custom measurements, photos, uploads, check-ins and
replies, settings and summary: scoped (clients their own, trainers their clients'),
in the envelope, and refusing bad input with nothing written."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings

from fitnesspr.actor import actor_for_user
from progress.models import BodyMeasurement, CheckIn, ProgressPhoto, Reply
from progress.selectors.check_ins import unread_replies
from progress.services.check_ins import reply_add
from tests.api.conftest import bearer
from tests.factories.core import ClientFactory
from tests.factories.progress import (
    BodyMeasurementFactory,
    CheckInFactory,
    CustomMeasurementFactory,
    ProgressSettingsFactory,
    ReplyFactory,
)
from tests.progress import images
from tests.progress.test_portal_training import assign_program, log_on

pytestmark = pytest.mark.django_db

MEASUREMENTS = "/api/v1/progress/measurements/"
PHOTOS = "/api/v1/progress/photos/"
UPLOADS = "/api/v1/uploads/"
CHECK_INS = "/api/v1/progress/check-ins/"
SCORES = {"energy": 4, "sleep": 3, "stress": 2, "hunger": 3, "adherence": 5}


@pytest.fixture
def today(client_):
    return client_.trainer.today()


def files() -> list[Path]:
    return [p for p in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if p.is_file()]


def error_fields(response) -> set[str]:
    return {d.get("field") for d in response.json()["error"]["details"]}


# ---------- measurements ----------


def test_the_list_is_the_last_30_days_unless_a_range_is_asked(client_api, client_, today):
    for ago in (0, 29, 30, 60):
        BodyMeasurementFactory(client=client_, measured_on=today - dt.timedelta(days=ago))

    recent = client_api.get(MEASUREMENTS).json()
    assert [row["measured_on"] for row in recent["data"]] == [
        str(today),
        str(today - dt.timedelta(days=29)),
    ]
    ranged = client_api.get(MEASUREMENTS, {"from": str(today - dt.timedelta(days=60))}).json()
    assert ranged["pagination"]["total"] == 4
    older = client_api.get(MEASUREMENTS, {"to": str(today - dt.timedelta(days=30))}).json()
    assert len(older["data"]) == 2
    bad = client_api.get(MEASUREMENTS, {"from": "yesterday"})
    assert bad.status_code == 400
    assert bad.json()["error"]["code"] == "VALIDATION_ERROR"


def test_trainers_see_their_clients_only(trainer_api, client_, outsider_client, today):
    mine = BodyMeasurementFactory(client=client_, measured_on=today)
    theirs = BodyMeasurementFactory(client=outsider_client, measured_on=today)

    listed = trainer_api.get(MEASUREMENTS, {"client": client_.pk}).json()["data"]
    assert [row["id"] for row in listed] == [mine.pk]
    assert trainer_api.get(f"{MEASUREMENTS}{theirs.pk}/").status_code == 404
    assert trainer_api.get(MEASUREMENTS, {"client": outsider_client.pk}).status_code == 400
    assert trainer_api.delete(f"{MEASUREMENTS}{theirs.pk}/").status_code == 404


def test_a_client_records_measurements_with_their_own_kinds(client_api, client_, today):
    wrist = CustomMeasurementFactory(client=client_, name="Wrist")
    body = {
        "measured_on": str(today),
        "weight_kg": 82.4,
        "waist_cm": 88.5,
        "custom_values": [{"measurement": wrist.pk, "value_cm": 16.5}],
        "notes": "Morning",
    }

    response = client_api.post(MEASUREMENTS, body, format="json")

    assert response.status_code == 201
    data = response.json()["data"]
    assert (data["weight_kg"], data["waist_cm"], data["client"]) == (82.4, 88.5, client_.pk)
    assert data["custom"] == [{"measurement": wrist.pk, "name": "Wrist", "value_cm": 16.5}]
    again = client_api.post(MEASUREMENTS, body, format="json")
    assert again.status_code == 409
    assert again.json()["error"]["code"] == "CONFLICT"

    row_url = f"{MEASUREMENTS}{data['id']}/"
    patched = client_api.patch(row_url, {"weight_kg": 82.1}, format="json").json()["data"]
    assert (patched["weight_kg"], patched["waist_cm"]) == (82.1, 88.5)
    replaced = client_api.put(row_url, {"measured_on": str(today), "waist_cm": 88}, format="json")
    assert replaced.json()["data"]["weight_kg"] is None  # PUT: left out is cleared
    assert client_api.delete(row_url).status_code == 204
    assert not BodyMeasurement.objects.exists()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"weight_kg": 0}, "weight_kg"),
        ({"weight_kg": 900}, "weight_kg"),
        ({"body_fat_pct": 90}, "body_fat_pct"),
        ({"weight_kg": 80, "measured_on": "2099-01-01"}, "measured_on"),
        ({"weight_kg": 80, "measured_on": "1999-12-31"}, "measured_on"),
        ({"weight_kg": 80, "measured_on": "1990-05-31"}, "measured_on"),  # before birth
        ({"weight_kg": "eighty"}, "weight_kg"),
        ({}, "non_field_errors"),
    ],
)
def test_bad_measurements_are_refused_and_nothing_is_stored(
    client_api, client_, today, body, field
):
    client_.date_of_birth = dt.date(1990, 6, 1)
    client_.save()
    response = client_api.post(MEASUREMENTS, {"measured_on": str(today), **body}, format="json")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"
    assert field in error_fields(response) or field == "non_field_errors"
    assert not BodyMeasurement.objects.exists()


def test_a_trainer_names_one_of_their_clients(trainer_api, client_, outsider_client, today):
    body = {"measured_on": str(today), "weight_kg": 80}
    assert "client" in error_fields(trainer_api.post(MEASUREMENTS, body, format="json"))
    other = trainer_api.post(MEASUREMENTS, {**body, "client": outsider_client.pk}, format="json")
    assert other.status_code == 400
    created = trainer_api.post(MEASUREMENTS, {**body, "client": client_.pk}, format="json")
    assert created.status_code == 201
    assert BodyMeasurement.objects.get().client == client_


def test_custom_measurements_are_the_trainers_to_define(trainer_api, client_api, client_):
    created = trainer_api.post(
        "/api/v1/progress/custom-measurements/",
        {"client": client_.pk, "name": "Wrist"},
        format="json",
    )
    assert created.status_code == 201
    refused = client_api.post(
        "/api/v1/progress/custom-measurements/",
        {"client": client_.pk, "name": "Ankle"},
        format="json",
    )
    assert refused.status_code == 403
    assert [
        m["name"] for m in client_api.get("/api/v1/progress/custom-measurements/").json()["data"]
    ] == ["Wrist"]


# ---------- photos and uploads ----------


def upload_body(data=None, **fields):
    return {"file": images.upload(data or images.image_bytes()), "pose": "front", **fields}


def test_a_client_uploads_then_reads_the_photo(client_api, client_):
    response = client_api.post(UPLOADS, upload_body(), format="multipart")

    assert response.status_code == 201
    photo = response.json()["data"]
    assert (photo["client"], photo["pose"], photo["check_in"]) == (client_.pk, "front", None)
    image = client_api.get(photo["image_url"])
    assert image.status_code == 200
    assert image["Content-Type"] == "image/jpeg"
    listed = client_api.get(PHOTOS).json()["data"]
    assert [p["id"] for p in listed] == [photo["id"]]


def test_a_trainer_uploads_for_a_client_through_photos(trainer_api, client_, outsider_client):
    assert trainer_api.post(PHOTOS, upload_body(), format="multipart").status_code == 400
    other = trainer_api.post(PHOTOS, upload_body(client=outsider_client.pk), format="multipart")
    assert other.status_code == 400
    created = trainer_api.post(PHOTOS, upload_body(client=client_.pk), format="multipart")
    assert created.status_code == 201
    photo_id = created.json()["data"]["id"]
    changed = trainer_api.patch(f"{PHOTOS}{photo_id}/", {"pose": "side"}, format="json")
    assert changed.json()["data"]["pose"] == "side"
    assert trainer_api.delete(f"{PHOTOS}{photo_id}/").status_code == 204


@pytest.mark.parametrize(
    "data",
    [images.SVG, images.HTML, images.PDF, images.polyglot_jpeg_html(), images.truncated_jpeg()],
    ids=["svg", "html", "pdf", "polyglot", "truncated"],
)
def test_a_bad_upload_is_a_validation_error_and_stores_nothing(client_api, data):
    response = client_api.post(UPLOADS, upload_body(data), format="multipart")
    assert response.status_code == 400
    assert response.json()["error"]["code"] == "VALIDATION_ERROR"
    assert not ProgressPhoto.objects.exists()
    assert files() == []


def test_an_oversized_upload_is_refused(client_api, settings):
    settings.PHOTO_MAX_UPLOAD_MB = 1
    big = images.image_bytes() + b"\0" * (1024 * 1024)
    response = client_api.post(UPLOADS, upload_body(big), format="multipart")
    assert response.status_code == 400
    assert "over 1 MB" in response.json()["error"]["message"]
    assert files() == []


def test_someone_elses_photo_is_404(client_api, outsider_client):
    theirs = bearer(outsider_client.user).post(UPLOADS, upload_body(), format="multipart")
    photo_id = theirs.json()["data"]["id"]
    assert client_api.get(f"{PHOTOS}{photo_id}/").status_code == 404
    assert client_api.get(f"{PHOTOS}{photo_id}/image/").status_code == 404
    assert client_api.delete(f"{PHOTOS}{photo_id}/").status_code == 404


# ---------- check-ins and replies ----------


def test_a_client_sends_a_check_in_with_an_uploaded_photo(client_api, trainer_api, client_, today):
    ProgressSettingsFactory(client=client_, check_in_weekday=today.weekday())
    photo = client_api.post(UPLOADS, upload_body(), format="multipart").json()["data"]

    sent = client_api.post(
        CHECK_INS,
        {**SCORES, "weight_kg": 81.5, "comment": "Good", "photo_ids": [photo["id"]]},
        format="json",
    )

    assert sent.status_code == 201
    data = sent.json()["data"]
    assert (data["due_on"], data["weight_kg"]) == (str(today), 81.5)
    assert [p["id"] for p in data["photos"]] == [photo["id"]]
    assert BodyMeasurement.objects.get().weight_kg == 81.5
    due = client_api.get(f"{CHECK_INS}due/").json()["data"]
    assert due == {
        "check_in_weekday": today.weekday(),
        "due_on": str(today),
        "days_left": 0,
        "submitted": data["id"],
    }
    again = client_api.post(CHECK_INS, SCORES, format="json")
    assert again.status_code == 409

    replies = f"{CHECK_INS}{data['id']}/replies/"
    answer = trainer_api.post(replies, {"body": "Nice work"}, format="json")
    assert answer.status_code == 201
    assert answer.json()["data"]["by_trainer"] is True
    thread = client_api.get(replies).json()["data"]
    assert [r["body"] for r in thread] == ["Nice work"]
    assert Reply.objects.get().read_at is None  # reading writes nothing
    assert client_api.post(f"{replies}read/").status_code == 204
    assert Reply.objects.get().read_at is not None


def test_check_ins_are_refused_without_a_day_for_trainers_and_for_bad_scores(
    client_api, trainer_api, client_
):
    no_day = client_api.post(CHECK_INS, SCORES, format="json")
    assert no_day.status_code == 400
    assert "aren't set up" in no_day.json()["error"]["message"]
    ProgressSettingsFactory(client=client_, check_in_weekday=6)
    assert trainer_api.post(CHECK_INS, SCORES, format="json").status_code == 403
    bad = client_api.post(CHECK_INS, {**SCORES, "energy": 6}, format="json")
    assert bad.status_code == 400
    assert "energy" in error_fields(bad)
    someone_elses = ClientFactory(trainer=client_.trainer)
    their_photo = bearer(someone_elses.user).post(UPLOADS, upload_body(), format="multipart")
    stolen = client_api.post(
        CHECK_INS, {**SCORES, "photo_ids": [their_photo.json()["data"]["id"]]}, format="json"
    )
    assert stolen.status_code == 400
    assert not CheckIn.objects.exists()


def test_nobody_else_reads_or_replies(outsider_api, client_):
    check_in = CheckInFactory(client=client_)
    assert outsider_api.get(f"{CHECK_INS}{check_in.pk}/").status_code == 404
    response = outsider_api.post(
        f"{CHECK_INS}{check_in.pk}/replies/", {"body": "hi"}, format="json"
    )
    assert response.status_code == 404
    assert not Reply.objects.exists()


def test_replies_on_a_workout(client_api, trainer_api, outsider_api, client_, today):
    _, days = assign_program(client_, start=today)
    log = log_on(client_, days[1, 1], today)
    url = f"/api/v1/progress/workout-logs/{log.pk}/replies/"

    assert (
        trainer_api.post(url, {"body": "Drop to 20 kg next time"}, format="json").status_code == 201
    )
    assert client_api.post(url, {"body": ""}, format="json").status_code == 400
    assert [r["body"] for r in client_api.get(url).json()["data"]] == ["Drop to 20 kg next time"]
    assert outsider_api.get(url).status_code == 404


def test_reading_a_check_in_thread_marks_nothing_read_its_receipt_does(
    client_api, trainer_api, outsider_api, client_
):
    check_in = CheckInFactory(client=client_)
    url = f"{CHECK_INS}{check_in.pk}/replies/"
    mine = ReplyFactory(check_in=check_in, body="Deload next week")
    theirs = ReplyFactory(check_in=check_in, author=client_.user, by_trainer=False)

    assert client_api.get(url).status_code == 200
    assert trainer_api.get(url).status_code == 200
    assert [r.pk for r in unread_replies(client=client_)] == [mine.pk]  # unchanged by the GETs
    assert Reply.objects.filter(read_at__isnull=True).count() == 2

    assert outsider_api.post(f"{url}read/").status_code == 404  # another trainer's client
    assert Reply.objects.filter(read_at__isnull=True).count() == 2
    receipt = client_api.post(f"{url}read/")
    assert (receipt.status_code, receipt.content) == (204, b"")
    assert unread_replies(client=client_) == []
    theirs.refresh_from_db()
    assert theirs.read_at is None  # the client read the trainer's side only
    assert trainer_api.post(f"{url}read/").status_code == 204
    theirs.refresh_from_db()
    assert theirs.read_at is not None
    assert client_api.post(f"{url}read/").status_code == 204  # nothing left unread: still 204


def test_reading_a_workout_thread_marks_nothing_read_its_receipt_does(
    client_api, trainer_api, outsider_api, client_, today
):
    _, days = assign_program(client_, start=today)
    log = log_on(client_, days[1, 1], today)
    url = f"/api/v1/progress/workout-logs/{log.pk}/replies/"
    reply = reply_add(actor=actor_for_user(client_.trainer.user), body="Good", workout_log=log)

    assert client_api.get(url).status_code == 200
    reply.refresh_from_db()
    assert reply.read_at is None
    assert [r.pk for r in unread_replies(client=client_)] == [reply.pk]
    assert outsider_api.post(f"{url}read/").status_code == 404
    assert bearer(ClientFactory().user).post(f"{url}read/").status_code == 404
    assert trainer_api.post(f"{url}read/").status_code == 204  # the trainer's own: unchanged
    reply.refresh_from_db()
    assert reply.read_at is None
    assert client_api.post(f"{url}read/").status_code == 204
    reply.refresh_from_db()
    assert reply.read_at is not None
    assert unread_replies(client=client_) == []


# ---------- settings and summary ----------


def test_each_side_sets_its_own_settings(client_api, trainer_api, client_):
    url = f"/api/v1/progress/settings/?client={client_.pk}"
    changed = trainer_api.patch(url, {"check_in_weekday": 6, "weight_goal": "lose"}, format="json")
    assert changed.json()["data"]["check_in_weekday"] == 6
    assert trainer_api.patch(url, {"photos_in_reports": True}, format="json").status_code == 400
    assert (
        client_api.patch(
            "/api/v1/progress/settings/", {"check_in_weekday": 1}, format="json"
        ).status_code
        == 400
    )
    consent = client_api.patch(
        "/api/v1/progress/settings/", {"photos_in_reports": True}, format="json"
    )
    assert consent.json()["data"] == {
        "client": client_.pk,
        "check_in_weekday": 6,
        "weight_goal": "lose",
        "target_weight_kg": None,
        "photos_in_reports": True,
        "weekly_report": False,
    }
    assert trainer_api.patch(url, {"check_in_weekday": 9}, format="json").status_code == 400


def test_the_summary_holds_the_chart_series(client_api, trainer_api, outsider_api, client_, today):
    for ago in range(0, 28, 3):
        BodyMeasurementFactory(
            client=client_, measured_on=today - dt.timedelta(days=ago), weight_kg=80 + ago / 10
        )

    mine = client_api.get("/api/v1/progress/summary/", {"range": "4w"}).json()["data"]
    assert mine["period"]["key"] == "4w"
    assert mine["weight"]["unit"] == "kg"
    assert len(mine["weight"]["points"]) == len(mine["weight"]["trend"]) == 10
    assert mine["weight_change_4_weeks_kg"] < 0
    assert [s["key"] for s in mine["measurements"]] == ["waist_cm"]

    theirs = trainer_api.get("/api/v1/progress/summary/", {"client": client_.pk}).json()["data"]
    assert theirs["period"]["key"] == "3m"
    assert outsider_api.get("/api/v1/progress/summary/", {"client": client_.pk}).status_code == 400
    assert client_api.get("/api/v1/progress/summary/", {"range": "2y"}).status_code == 400
