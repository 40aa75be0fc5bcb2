"""The attention list on the dashboard home: each rule on and off, dismissing an item
until what it is about changes, and the page itself."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from clients.models import ClientStatus
from fitnesspr.actor import actor_for_user
from progress.models import AttentionDismissal, CheckIn
from progress.selectors.attention import (
    RULES,
    attention_list,
    check_in_waiting,
    gone_quiet,
    no_recent_weigh_in,
    program_ending,
    weight_against_goal,
    workout_note_waiting,
)
from progress.services.attention import attention_dismiss
from progress.services.check_ins import reply_add
from tests.factories.core import ClientFactory
from tests.factories.progress import BodyMeasurementFactory, CheckInFactory, ProgressSettingsFactory
from tests.progress.test_portal_training import assign_program, log_on

pytestmark = pytest.mark.django_db
D = Decimal


@pytest.fixture
def today(trainer):
    return trainer.today()


def who(items):
    return [item.client.first_name for item in items]


def client_named(trainer, first, *, days_ago=60, **kwargs):
    client = ClientFactory(trainer=trainer, user__first_name=first, **kwargs)
    type(client).objects.filter(pk=client.pk).update(
        created_at=timezone.now() - dt.timedelta(days=days_ago)
    )
    client.refresh_from_db()
    return client


def weigh(client, day, kg):
    return BodyMeasurementFactory(client=client, measured_on=day, weight_kg=D(kg), waist_cm=None)


# ---------- each rule, on and off ----------


def test_a_check_in_waits_until_the_trainer_has_the_last_word(trainer, today):
    ann = client_named(trainer, "Ann")
    check_in = CheckInFactory(client=ann, submitted_at=timezone.now() - dt.timedelta(hours=3))
    CheckInFactory(
        client=client_named(trainer, "Old"), submitted_at=timezone.now() - dt.timedelta(days=40)
    )
    CheckInFactory(client=client_named(trainer, "Arch", status=ClientStatus.ARCHIVED))
    assert who(check_in_waiting(trainer, today)) == ["Ann"]

    reply_add(actor=actor_for_user(trainer.user), body="Great week!", check_in=check_in)
    assert check_in_waiting(trainer, today) == []

    reply_add(actor=actor_for_user(ann.user), body="Thanks! One question…", check_in=check_in)
    [item] = check_in_waiting(trainer, today)
    assert item.title.startswith("New message on the week due")


def test_a_workout_note_waits_for_an_answer(trainer, today):
    ann = client_named(trainer, "Ann")
    _, days = assign_program(ann, start=today - dt.timedelta(days=20), days=[(1, 1), (3, 1)])
    noted = log_on(ann, days[3, 1], today - dt.timedelta(days=6))
    quiet = log_on(ann, days[1, 1], today - dt.timedelta(days=20))
    for log, notes in ((noted, "Shoulder felt tight on the last set"), (quiet, "Old note")):
        log.notes = notes
        log.save()
    [item] = workout_note_waiting(trainer, today)  # the 20-day-old note is history
    assert "Shoulder felt tight" in item.detail

    reply_add(actor=actor_for_user(trainer.user), body="Drop to 20 kg next time", workout_log=noted)
    assert workout_note_waiting(trainer, today) == []
    reply_add(actor=actor_for_user(ann.user), body="OK!", workout_log=noted)
    assert [i.title.split(" on ")[0] for i in workout_note_waiting(trainer, today)] == ["Reply"]


def test_gone_quiet_is_the_training_rule(trainer, today):
    quiet = client_named(trainer, "Quinn")
    assign_program(quiet, start=today - dt.timedelta(days=9), days=((1, 1), (1, 3), (2, 1)))
    busy = client_named(trainer, "Bea")
    _, days = assign_program(busy, start=today - dt.timedelta(days=9), days=((1, 1), (2, 1)))
    log_on(busy, days[2, 1], today - dt.timedelta(days=2))

    [item] = gone_quiet(trainer, today)
    assert item.client == quiet
    assert item.url == f"/dashboard/clients/{quiet.pk}/training/"
    assert item.fingerprint == "never"


def test_no_weigh_in_for_14_days(trainer, today):
    lapsed = client_named(trainer, "Lapsed")
    weigh(lapsed, today - dt.timedelta(days=15), 80)
    recent = client_named(trainer, "Recent")
    weigh(recent, today - dt.timedelta(days=13), 80)
    client_named(trainer, "Never")  # a client for 60 days, never weighed
    client_named(trainer, "New", days_ago=3)  # gets two weeks to start
    paused = client_named(trainer, "Paused", status=ClientStatus.PAUSED)
    weigh(paused, today - dt.timedelta(days=30), 80)

    items = no_recent_weigh_in(trainer, today)

    assert sorted(who(items)) == ["Lapsed", "Never"]
    titles = {item.client.first_name: item.title for item in items}
    assert titles == {"Lapsed": "No weigh-in for 15 days", "Never": "No weigh-in yet"}


def test_a_program_ending_within_a_week(trainer, today):
    ending = client_named(trainer, "Ending")
    assign_program(ending, start=today - dt.timedelta(days=25), weeks=4)  # ends in 2 days
    last_day = client_named(trainer, "Last")
    assign_program(last_day, start=today - dt.timedelta(days=27), weeks=4)  # ends today
    later = client_named(trainer, "Later")
    assign_program(later, start=today - dt.timedelta(days=10), weeks=4)

    items = {item.client.first_name: item for item in program_ending(trainer, today)}

    assert set(items) == {"Ending", "Last"}
    assert items["Ending"].title == "Program ends in 2 days"
    assert items["Last"].title == "Program ends today"


def test_the_weigh_in_rule_counts_14_days_to_the_day(trainer, today):
    """The database picks the clients: the cutoff day itself counts as 14 days."""
    weigh(client_named(trainer, "Fourteen"), today - dt.timedelta(days=14), 80)
    weigh(client_named(trainer, "Thirteen"), today - dt.timedelta(days=13), 80)
    client_named(trainer, "Joined14", days_ago=14)
    client_named(trainer, "Joined13", days_ago=13)

    items = {item.client.first_name: item.title for item in no_recent_weigh_in(trainer, today)}

    assert items == {"Fourteen": "No weigh-in for 14 days", "Joined14": "No weigh-in yet"}


def test_a_new_client_counts_from_the_day_they_joined_in_the_trainers_zone(trainer):
    """Joined at 23:30 in Auckland, 14 days ago there (but 15 in UTC): their two weeks
    end today there, and not a day earlier as UTC would have them."""
    zone = ZoneInfo("Pacific/Auckland")
    trainer.timezone = zone.key
    trainer.save()
    today = trainer.today()
    joined = dt.datetime.combine(today - dt.timedelta(days=14), dt.time(23, 30), zone)
    late = client_named(trainer, "Late")
    type(late).objects.filter(pk=late.pk).update(created_at=joined)

    with timezone.override(zone):  # as on the dashboard (the trainer's zone)
        assert who(no_recent_weigh_in(trainer, today)) == ["Late"]
        assert who(no_recent_weigh_in(trainer, today - dt.timedelta(days=1))) == []


def test_a_program_ending_early_or_in_a_week_counts_by_its_real_end(trainer, today):
    """The database works out the end (the program's last day, or the assignment's own
    end date if sooner): 6 days ahead is within the week, 7 is not."""
    six = client_named(trainer, "Six")
    assign_program(six, start=today - dt.timedelta(days=21), weeks=4)  # ends in 6 days
    seven = client_named(trainer, "Seven")
    assign_program(seven, start=today - dt.timedelta(days=20), weeks=4)  # in 7 days
    cut = client_named(trainer, "Cut")
    assignment, _ = assign_program(cut, start=today - dt.timedelta(days=3), weeks=12)
    assignment.end_date = today + dt.timedelta(days=4)
    assignment.save()
    ended = client_named(trainer, "Ended")
    assignment, _ = assign_program(ended, start=today - dt.timedelta(days=3), weeks=12)
    assignment.end_date = today - dt.timedelta(days=1)
    assignment.save()
    future = client_named(trainer, "Future")
    assign_program(future, start=today + dt.timedelta(days=1), weeks=1)  # not started

    items = {item.client.first_name: item for item in program_ending(trainer, today)}

    assert set(items) == {"Six", "Cut"}
    assert items["Six"].title == "Program ends in 6 days"
    assert items["Cut"].title == "Program ends in 4 days"
    assert items["Cut"].fingerprint.endswith(f":{today + dt.timedelta(days=4):%Y-%m-%d}")


@pytest.mark.parametrize(
    ("goal", "weekly", "against"),
    [
        ("lose", D("0.3"), True),
        ("lose", D("-0.3"), False),
        ("gain", D("-0.3"), True),
        ("gain", D("0.3"), False),
        ("maintain", D("0.6"), True),
        ("maintain", D("0.2"), False),
        ("", D("1"), False),
    ],
)
def test_a_weight_trend_against_the_goal(trainer, today, goal, weekly, against):
    ann = client_named(trainer, "Ann")
    ProgressSettingsFactory(client=ann, weight_goal=goal)
    for week in range(4):
        weigh(ann, today - dt.timedelta(days=7 * (3 - week)), D(80) + weekly * week)

    items = weight_against_goal(trainer, today)

    assert who(items) == (["Ann"] if against else [])


def test_too_few_weigh_ins_are_no_trend(trainer, today):
    ann = client_named(trainer, "Ann")
    ProgressSettingsFactory(client=ann, weight_goal="lose")
    weigh(ann, today - dt.timedelta(days=20), 80)
    weigh(ann, today, 84)
    assert weight_against_goal(trainer, today) == []


def test_another_trainers_clients_never_show(trainer, outsider, today):
    theirs = client_named(outsider, "Olga")
    CheckInFactory(client=theirs)
    weigh(theirs, today - dt.timedelta(days=30), 80)
    assert all(group.items == [] for group in attention_list(trainer=trainer, today=today))


# ---------- dismissing ----------


def test_a_dismissed_item_comes_back_when_something_changes(trainer, today):
    lapsed = client_named(trainer, "Lapsed")

    def weigh_in_items():
        groups = {g.rule.name: g.items for g in attention_list(trainer=trainer, today=today)}
        return groups["weigh_in"]

    [item] = weigh_in_items()
    attention_dismiss(
        client=lapsed,
        rule=item.rule,
        subject=item.subject,
        fingerprint=item.fingerprint,
        by=trainer.user,
    )
    assert weigh_in_items() == []

    weigh(lapsed, today - dt.timedelta(days=20), 80)  # a weigh-in, then silence again
    [back] = weigh_in_items()
    assert back.title == "No weigh-in for 20 days"


def test_each_rule_names_its_items_for_dismissals():
    assert len({rule.name for rule in RULES}) == len(RULES)
    assert len({rule.anchor for rule in RULES}) == len(RULES)


# ---------- the page ----------


@pytest.fixture
def trainer_browser(client, trainer):
    client.force_login(trainer.user)
    return client


def test_the_dashboard_lists_what_needs_the_trainer(trainer_browser, trainer, today):
    ann = client_named(trainer, "Ann")
    check_in = CheckInFactory(client=ann, comment="Rough week")
    client_named(trainer, "Never")

    page = trainer_browser.get("/dashboard/").text

    assert "Needs your attention" in page
    assert "3 to look at" in page  # Ann's check-in; Ann and Never without a weigh-in
    section = page.split('id="check-ins-waiting"')[1].split("</section>")[0]
    assert f'href="/dashboard/clients/{ann.pk}/progress/check-ins/{check_in.pk}/"' in section
    assert "“Rough week”" in section


def test_dismissing_with_htmx_leaves_a_note_and_the_new_count(trainer_browser, trainer, today):
    never = client_named(trainer, "Never")
    data = {"client": never.pk, "rule": "weigh_in", "subject": "", "fingerprint": "never"}

    response = trainer_browser.post("/dashboard/attention/dismiss/", data, HTTP_HX_REQUEST="true")

    assert response.status_code == 200
    assert "Dismissed for" in response.text
    assert 'id="attention-count"' in response.text
    assert 'hx-swap-oob="true">0 to look at' in response.text
    assert AttentionDismissal.objects.get().fingerprint == "never"
    assert "No weigh-in yet" not in trainer_browser.get("/dashboard/").text


def test_dismissing_without_htmx_goes_back_with_a_message(trainer_browser, trainer):
    never = client_named(trainer, "Never")
    data = {"client": never.pk, "rule": "weigh_in", "fingerprint": "never"}
    response = trainer_browser.post("/dashboard/attention/dismiss/", data, follow=True)
    assert response.redirect_chain[-1][0] == "/dashboard/"
    assert "until something changes" in response.text


def test_dismissing_needs_the_trainers_client_and_a_real_item(trainer_browser, trainer, outsider):
    theirs = client_named(outsider, "Olga")
    data = {"client": theirs.pk, "rule": "weigh_in", "fingerprint": "never"}
    assert trainer_browser.post("/dashboard/attention/dismiss/", data).status_code == 404
    for bad in ({"client": "x"}, {"client": "-1"}, {}):
        assert trainer_browser.post("/dashboard/attention/dismiss/", bad).status_code == 404
    mine = client_named(trainer, "Mine")
    empty = {"client": mine.pk, "rule": "weigh_in", "fingerprint": ""}
    response = trainer_browser.post("/dashboard/attention/dismiss/", empty, HTTP_HX_REQUEST="true")
    assert response.status_code == 400
    too_long = {"client": mine.pk, "rule": "weigh_in", "fingerprint": "x" * 500}
    assert trainer_browser.post("/dashboard/attention/dismiss/", too_long).status_code == 302
    assert not AttentionDismissal.objects.exists()
    assert CheckIn.objects.count() == 0


def test_every_value_of_an_item_is_escaped(trainer_browser, trainer):
    odd = client_named(trainer, 'Ann "<b>&', user__last_name="O'Neil")
    CheckInFactory(client=odd, comment="<script>alert(1)</script> & more")

    page = trainer_browser.get("/dashboard/").text

    assert "<script>alert" not in page
    assert "<b>" not in page
    assert "Ann &quot;&lt;b&gt;&amp; O&#x27;Neil</a>" in page
    assert "“&lt;script&gt;alert(1)&lt;/script&gt; &amp; more”" in page
    assert 'aria-label="Dismiss check-in for the week due' in page
    assert 'for Ann &quot;&lt;b&gt;&amp; O&#x27;Neil">Dismiss</button>' in page
    assert page.count('name="csrfmiddlewaretoken"') >= 2  # the item's form has one
