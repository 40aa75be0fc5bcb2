"""The trainer's view of their clients: the list with program, last workout and 4-week
adherence (sortable, searched accents aside, in a fixed number of queries), "Assign a
program" from a client's page, who has gone quiet, times in the trainer's zone, and
`make run`'s PORT in the links it prints."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone

from clients.models import ClientStatus
from programs.models import ProgramAssignment
from progress.selectors.adherence import clients_gone_quiet
from tests.factories.core import ClientFactory
from tests.factories.programs import ProgramFactory
from tests.progress.test_portal_training import assign_program, log_on

pytestmark = pytest.mark.django_db

LIST = "/dashboard/clients/"
ROOT = Path(__file__).resolve().parents[2]
PRINT_SITE_URL = (
    "import django; django.setup(); from django.conf import settings; print(settings.SITE_URL)"
)


def named(trainer, first, last="Test", **kwargs):
    return ClientFactory(trainer=trainer, user__first_name=first, user__last_name=last, **kwargs)


def first_names(response) -> list[str]:
    return [c.first_name for c in response.context["page"].object_list]


@pytest.fixture
def three(trainer, today):
    """Ada keeps up (100 %), Bo half (50 %), Cy has no program."""
    ada, bo = named(trainer, "Ada"), named(trainer, "Bo")
    named(trainer, "Cy")
    _, ada_days = assign_program(
        ada, start=today - timedelta(days=7), days=((1, 1), (2, 1)), name="Ada plan"
    )
    _, bo_days = assign_program(
        bo, start=today - timedelta(days=7), days=((1, 1), (2, 1)), name="Bo plan"
    )
    log_on(ada, ada_days[1, 1], today - timedelta(days=7))
    log_on(ada, ada_days[2, 1], today)
    log_on(bo, bo_days[1, 1], today - timedelta(days=7))


def test_the_list_shows_program_last_workout_and_adherence(alice, three, today):
    page = alice.get(LIST)

    row = page.text.split("Ada Test")[1].split("</tr>")[0]
    assert ">Ada plan</a>" in row
    assert f"{today.day} {today:%b}" in row
    assert ">100%<" in row
    bo = page.text.split("Bo Test")[1].split("</tr>")[0]
    assert ">50%<" in bo
    cy = page.text.split("Cy Test")[1].split("</tr>")[0]
    assert "Assign a program" in cy
    assert "None yet" in cy


@pytest.mark.parametrize(
    ("sort", "order"),
    [
        ("name", ["Ada", "Bo", "Cy"]),
        ("-name", ["Cy", "Bo", "Ada"]),
        ("adherence", ["Bo", "Ada", "Cy"]),  # no schedule: last either way
        ("-adherence", ["Ada", "Bo", "Cy"]),
        ("last_workout", ["Bo", "Ada", "Cy"]),
        ("-last_workout", ["Ada", "Bo", "Cy"]),
        ("program", ["Ada", "Bo", "Cy"]),
        ("nonsense", ["Ada", "Bo", "Cy"]),
    ],
)
def test_every_column_sorts_both_ways(alice, three, sort, order):
    assert first_names(alice.get(LIST, {"sort": sort})) == order


def test_a_sorted_header_says_so_and_links_to_the_other_way(alice, three):
    html = alice.get(LIST, {"sort": "adherence"}).text
    assert 'aria-sort="ascending"' in html
    assert 'href="?sort=-adherence"' in html
    assert 'href="?sort=last_workout"' in html


def test_search_ignores_accents_and_case(alice, trainer):
    named(trainer, "Åsa", "Ångström")
    named(trainer, "Zoë", "Müller")
    named(trainer, "Bob", "Smith")
    assert first_names(alice.get(LIST, {"q": "angstrom"})) == ["Åsa"]
    assert first_names(alice.get(LIST, {"q": "ZOE muller"})) == ["Zoë"]
    assert first_names(alice.get(LIST, {"q": "Ångström"})) == ["Åsa"]


@pytest.mark.parametrize("clients", [1, 30])
def test_the_list_takes_the_same_queries_for_one_client_or_thirty(
    alice, trainer, today, clients, django_assert_max_num_queries
):
    for n in range(clients):
        person = named(trainer, f"Client{n:02d}")
        _, days = assign_program(person, start=today - timedelta(days=7), days=((1, 1), (2, 1)))
        log_on(person, days[1, 1], today - timedelta(days=7))

    with django_assert_max_num_queries(10):
        response = alice.get(LIST, {"sort": "-adherence"})

    assert len(response.context["page"].object_list) == min(clients, 25)


def test_sign_in_times_read_in_the_trainers_zone_and_just_now(alice, trainer):
    trainer.timezone = "America/New_York"
    trainer.save()
    carol = named(trainer, "Carol")
    carol.last_login_at = timezone.now()
    carol.save()

    assert "just now" in alice.get(LIST).text
    page = alice.get(f"/dashboard/clients/{carol.pk}/")
    local = timezone.localtime(carol.last_login_at, timezone=ZoneInfo("America/New_York"))
    assert f"{local:%H:%M}" in page.text
    assert "(just now)" in page.text


# ---------- assign a program from the client page ----------


def test_a_program_is_assigned_from_the_client_page(alice, trainer, today):
    carol = named(trainer, "Carol")
    template, _ = assign_program(named(trainer, "Other"), start=today, name="Base block")
    source = template.source_program
    client_copy = template.program
    url = f"/dashboard/clients/{carol.pk}/assign-program/"

    page = alice.get(f"/dashboard/clients/{carol.pk}/")
    assert f'href="{url}"' in page.text
    form = alice.get(url)
    assert "Base block" in form.text
    assert f'value="{client_copy.pk}"' not in form.text  # another client's copy: never offered

    done = alice.post(url, {"program": source.pk, "start_date": today.isoformat()})

    assert done["Location"] == f"/dashboard/clients/{carol.pk}/"
    assignment = ProgramAssignment.objects.get(client=carol)
    assert assignment.source_program == source
    assert assignment.program != source  # her own copy


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start_date": "1900-01-01"}, "Pick a date between 2000 and 2100."),
        ({"start_date": "soon"}, "Give the date as YYYY-MM-DD."),
        ({"program": ""}, "Pick the program to assign."),
    ],
)
def test_a_bad_assignment_is_refused_on_its_field(alice, trainer, today, data, message):
    carol = named(trainer, "Carol")
    template, _ = assign_program(named(trainer, "Other"), start=today, name="Base block")
    url = f"/dashboard/clients/{carol.pk}/assign-program/"
    posted = {"program": template.source_program.pk, "start_date": today.isoformat(), **data}

    page = alice.post(url, posted)

    assert page.status_code == 200
    assert message in page.text
    assert not ProgramAssignment.objects.filter(client=carol).exists()


def test_another_trainers_program_or_client_cannot_be_used(alice, trainer, outsider, today):
    carol = named(trainer, "Carol")
    theirs = ProgramFactory(trainer=outsider, is_template=True)
    stranger = named(outsider, "Stranger")
    mine, _ = assign_program(named(trainer, "Other"), start=today, name="Base block")

    refused = alice.post(
        f"/dashboard/clients/{carol.pk}/assign-program/",
        {"program": theirs.pk, "start_date": today.isoformat()},
    )
    assert "Pick one of your programs." in refused.text
    assert alice.get(f"/dashboard/clients/{stranger.pk}/assign-program/").status_code == 404
    assert (
        alice.post(
            f"/dashboard/clients/{stranger.pk}/assign-program/",
            {"program": mine.source_program.pk, "start_date": today.isoformat()},
        ).status_code
        == 404
    )
    assert not ProgramAssignment.objects.filter(client__in=[carol, stranger]).exists()


# ---------- gone quiet ----------


def test_a_client_assigned_this_morning_is_not_gone_quiet(trainer, today):
    fresh = named(trainer, "Fresh")
    assign_program(fresh, start=today)  # day 1 is today: not due yet
    late = named(trainer, "Late")
    assign_program(late, start=today - timedelta(days=1))  # yesterday's is due

    found = clients_gone_quiet(trainer=trainer, today=today)

    assert [q.client.first_name for q in found] == ["Late"]
    assert found[0].missed == 1


def test_paused_clients_are_not_gone_quiet(trainer, today):
    paused = named(trainer, "Paused", status=ClientStatus.PAUSED)
    assign_program(paused, start=today - timedelta(days=5))
    assert clients_gone_quiet(trainer=trainer, today=today) == []


# ---------- make run's PORT ----------


def test_site_url_follows_port_unless_set():
    def site_url(**env: str) -> str:
        environment = {k: v for k, v in os.environ.items() if k not in {"PORT", "SITE_URL"}}
        environment.update(DJANGO_SETTINGS_MODULE="fitnesspr.settings.base", **env)
        result = subprocess.run(
            [sys.executable, "-c", PRINT_SITE_URL],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        )
        return result.stdout.strip()

    assert site_url() == "http://127.0.0.1:8000"
    assert site_url(PORT="9000") == "http://127.0.0.1:9000"
    assert site_url(PORT="9000", SITE_URL="https://coach.example") == "https://coach.example"
