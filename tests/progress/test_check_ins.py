"""Weekly check-ins and the conversations on check-ins and workouts: due on the day the
trainer chose, sent once a week with an optional weight and photos, answered by the
trainer, and the reply seen by the client where they look (the thread, the workout, the
portal home)."""

from __future__ import annotations

import datetime as dt
import html
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError

from fitnesspr.actor import actor_for_user
from fitnesspr.errors import ConflictError
from progress.models import BodyMeasurement, CheckIn, ProgressPhoto, Reply
from progress.selectors.check_ins import check_in_due, due_date
from progress.services.check_ins import check_in_submit, reply_add
from tests.factories.core import ClientFactory
from tests.factories.progress import ProgressSettingsFactory
from tests.progress import images
from tests.progress.test_portal_training import assign_program, log_on

pytestmark = pytest.mark.django_db

ANSWERS = {"energy": 4, "sleep": 3, "stress": 2, "hunger": 3, "adherence": 5}


@pytest.fixture
def today(client_):
    return client_.trainer.today()


@pytest.fixture
def sundays(client_):
    return ProgressSettingsFactory(client=client_, check_in_weekday=6)


@pytest.fixture
def carol_browser(client, client_):
    client.force_login(client_.user)
    return client


def test_the_check_in_week_ends_on_the_chosen_day():
    wednesday = dt.date(2026, 3, 4)
    assert due_date(6, wednesday) == dt.date(2026, 3, 8)  # the coming Sunday
    assert due_date(2, wednesday) == wednesday  # due today
    assert due_date(0, wednesday) == dt.date(2026, 3, 9)  # next Monday


def test_without_a_chosen_day_there_are_no_check_ins(client_, carol_browser, today):
    assert check_in_due(client=client_, today=today) is None
    with pytest.raises(ValidationError, match="aren't set up"):
        check_in_submit(client=client_, **ANSWERS)
    assert "Weekly check-in" not in carol_browser.get("/portal/").text
    response = carol_browser.get("/portal/check-ins/new/", follow=True)
    assert response.redirect_chain[-1][0] == "/portal/"
    assert "your trainer chooses the day" in html.unescape(response.text)


def test_the_portal_home_reminds_until_it_is_in(client_, carol_browser, sundays, today):
    due = due_date(6, today)
    home = carol_browser.get("/portal/").text
    when = (
        "due today"
        if due == today
        else ("due tomorrow" if (due - today).days == 1 else "due Sunday")
    )
    assert f"Weekly check-in {when}" in home
    assert 'href="/portal/check-ins/new/"' in home

    check_in_submit(client=client_, **ANSWERS)

    home = carol_browser.get("/portal/").text
    assert "This week's check-in is in." in html.unescape(home)
    assert 'href="/portal/check-ins/new/"' not in home


def test_a_check_in_with_a_weight_is_also_that_days_weigh_in(client_, sundays, today):
    BodyMeasurement.objects.create(client=client_, measured_on=today, waist_cm=Decimal(88))

    check_in = check_in_submit(
        client=client_, weight_kg=Decimal("81.2"), comment=" Good ", **ANSWERS
    )

    assert (check_in.due_on, check_in.comment) == (due_date(6, today), "Good")
    row = BodyMeasurement.objects.get()
    assert (row.weight_kg, row.waist_cm) == (Decimal("81.20"), Decimal(88))


def test_one_check_in_a_week(client_, carol_browser, sundays):
    first = check_in_submit(client=client_, **ANSWERS)
    with pytest.raises(ConflictError, match="already in"):
        check_in_submit(client=client_, **ANSWERS)
    response = carol_browser.get("/portal/check-ins/new/")
    assert response["Location"] == f"/portal/check-ins/{first.pk}/"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"energy": "0"}, "energy", "Select a valid choice"),
        ({"sleep": "6"}, "sleep", "Select a valid choice"),
        ({"stress": ""}, "stress", "Rate stress from 1 to 5."),
        ({"weight": "900"}, "weight", "Enter a weight from 20 to 400 kg."),
    ],
)
def test_a_bad_check_in_says_what_to_fix_and_stores_nothing(
    carol_browser, sundays, change, field, message
):
    data = {name: str(value) for name, value in ANSWERS.items()} | change
    response = carol_browser.post("/portal/check-ins/new/", data)
    assert response.status_code == 200
    assert message in html.unescape(response.text)
    assert not CheckIn.objects.exists()
    assert not BodyMeasurement.objects.exists()


def test_photos_go_with_the_check_in_or_nothing_is_stored(carol_browser, client_, sundays):
    data = {name: str(value) for name, value in ANSWERS.items()}
    refused = carol_browser.post(
        "/portal/check-ins/new/",
        {
            **data,
            "weight": "80",
            "photo_front": images.upload(images.image_bytes()),
            "photo_side": images.upload(images.SVG, "side.svg", "image/svg+xml"),
        },
    )
    assert refused.status_code == 200
    assert "isn't a photo we can use" in html.unescape(refused.text)
    assert not CheckIn.objects.exists()
    assert not BodyMeasurement.objects.exists()
    assert not [p for p in Path(settings.PRIVATE_MEDIA_ROOT).rglob("*") if p.is_file()]

    sent = carol_browser.post(
        "/portal/check-ins/new/",
        {
            **data,
            "photo_front": images.upload(images.image_bytes()),
            "photo_back": images.upload(images.image_bytes("PNG"), "back.png"),
        },
    )
    check_in = CheckIn.objects.get()
    assert sent["Location"] == f"/portal/check-ins/{check_in.pk}/"
    assert sorted(p.pose for p in check_in.photos.all()) == ["back", "front"]
    page = carol_browser.get(sent["Location"])
    for photo in check_in.photos.all():
        assert f"/photos/{photo.pk}/thumb.jpg" in page.text


def test_the_trainer_replies_and_the_client_sees_it(client, client_, trainer, sundays):
    check_in = check_in_submit(client=client_, comment="Knee was sore on Friday.", **ANSWERS)
    client.force_login(trainer.user)
    url = f"/dashboard/clients/{client_.pk}/progress/check-ins/{check_in.pk}/"
    page = client.get(url)
    assert "Knee was sore on Friday." in page.text
    assert "Sticking to the plan" in page.text

    sent = client.post(url, {"body": "Skip lunges this week; we'll test it Monday."})
    reply = Reply.objects.get()
    assert sent["Location"] == f"{url}#reply-{reply.pk}"
    assert reply.by_trainer
    assert client.post(url, {"body": "   "}).status_code == 200  # refused: nothing to send
    assert Reply.objects.count() == 1

    client.force_login(client_.user)
    home = client.get("/portal/").text
    assert "New from your trainer" in home
    assert f'href="/portal/check-ins/{check_in.pk}/#reply-{reply.pk}"' in home
    url = f"/portal/check-ins/{check_in.pk}/"
    thread = client.get(url).text
    assert "Skip lunges this week" in html.unescape(thread)
    reply.refresh_from_db()
    assert reply.read_at is None  # a GET writes nothing: the shown thread posts its receipt
    assert f'hx-post="{url}"' in thread
    assert client.post(url, {"read": "1"}).status_code == 204
    reply.refresh_from_db()
    assert reply.read_at is not None  # seen: no longer new
    assert "New from your trainer" not in client.get("/portal/").text
    assert Reply.objects.count() == 1  # the receipt sent no reply


def test_nobody_else_reaches_a_check_in(client, client_, outsider, trainer, sundays):
    check_in = check_in_submit(client=client_, **ANSWERS)
    client.force_login(outsider.user)
    assert (
        client.get(f"/dashboard/clients/{client_.pk}/progress/check-ins/{check_in.pk}/").status_code
        == 404
    )
    sibling = ClientFactory(trainer=trainer)
    client.force_login(trainer.user)  # the right trainer, the wrong client in the URL
    assert (
        client.get(f"/dashboard/clients/{sibling.pk}/progress/check-ins/{check_in.pk}/").status_code
        == 404
    )
    client.force_login(sibling.user)
    assert client.get(f"/portal/check-ins/{check_in.pk}/").status_code == 404
    with pytest.raises(ValidationError):
        reply_add(actor=actor_for_user(sibling.user), body="hi", check_in=check_in)


def test_the_trainer_answers_a_workout_and_the_client_sees_it_there_and_at_home(
    client, client_, trainer, today
):
    _, days = assign_program(client_, start=today)
    log = log_on(client_, days[1, 1], today)
    log.notes = "Shoulder felt tight on the last set"
    log.save()

    client.force_login(trainer.user)
    training = client.get(f"/dashboard/clients/{client_.pk}/training/").text
    assert f"/dashboard/clients/{client_.pk}/workouts/{log.pk}/" in training
    url = f"/dashboard/clients/{client_.pk}/workouts/{log.pk}/"
    assert "Shoulder felt tight" in client.get(url).text
    client.post(url, {"body": "Drop to 20 kg next time"})

    client.force_login(client_.user)
    home = client.get("/portal/").text
    assert "On your workout of" in home
    assert "Drop to 20 kg next time" in home
    workout = client.get(f"/portal/training/workouts/{log.pk}/").text
    assert "Drop to 20 kg next time" in workout
    assert "On your workout of" in client.get("/portal/").text  # not seen until the receipt
    receipt = f"/portal/training/workouts/{log.pk}/reply/"
    assert f'hx-post="{receipt}"' in workout
    assert client.post(receipt, {"read": "1"}).status_code == 204
    assert "New from your trainer" not in client.get("/portal/").text
    assert "On your workout of" not in client.get("/portal/").text

    answered = client.post(f"/portal/training/workouts/{log.pk}/reply/", {"body": "Will do!"})
    assert answered.status_code == 302
    assert list(Reply.objects.order_by("pk").values_list("by_trainer", "body")) == [
        (True, "Drop to 20 kg next time"),
        (False, "Will do!"),
    ]
    empty = client.post(f"/portal/training/workouts/{log.pk}/reply/", {"body": ""})
    assert empty.status_code == 400
    assert "Write a reply first." in empty.text


def test_a_client_cannot_reply_on_anothers_workout(client, client_, trainer, today):
    sibling = ClientFactory(trainer=trainer)
    _, days = assign_program(sibling, start=today)
    log = log_on(sibling, days[1, 1], today)
    client.force_login(client_.user)
    assert (
        client.post(f"/portal/training/workouts/{log.pk}/reply/", {"body": "hi"}).status_code == 404
    )
    assert not Reply.objects.exists()


def test_the_trainer_sees_a_workout_reply_once_the_thread_is_shown(
    client, client_, trainer, outsider, today
):
    _, days = assign_program(client_, start=today)
    log = log_on(client_, days[1, 1], today)
    reply = reply_add(actor=actor_for_user(client_.user), body="Felt easy", workout_log=log)
    url = f"/dashboard/clients/{client_.pk}/workouts/{log.pk}/"
    client.force_login(outsider.user)
    assert client.post(url, {"read": "1"}).status_code == 404
    client.force_login(trainer.user)
    page = client.get(url).text
    assert "Felt easy" in page
    assert f'hx-post="{url}"' in page
    reply.refresh_from_db()
    assert reply.read_at is None  # the GET wrote nothing
    assert client.post(url, {"read": "1"}).status_code == 204
    reply.refresh_from_db()
    assert reply.read_at is not None
    assert Reply.objects.count() == 1


def test_times_show_in_the_trainers_time_zone(client, client_, trainer, sundays):
    trainer.timezone = "America/New_York"
    trainer.save()
    check_in = check_in_submit(client=client_, **ANSWERS)
    CheckIn.objects.filter(pk=check_in.pk).update(
        submitted_at=dt.datetime(2026, 3, 7, 3, 30, tzinfo=dt.UTC)
    )
    client.force_login(client_.user)
    page = client.get(f"/portal/check-ins/{check_in.pk}/").text
    assert "Fri 6 Mar, 22:30" in page  # 03:30 UTC is the evening before in New York
    assert ProgressPhoto.objects.count() == 0
