"""The trainer's program pages: the index with its tabs and search, create, edit and
delete, templates (mark, duplicate, use), assigning to clients and ending an
assignment; and another trainer can reach none of it."""

from __future__ import annotations

import datetime as dt
import html

import pytest

from clients.models import ClientStatus
from programs.models import PrescribedExercise, Program, ProgramAssignment, ProgramDay
from tests.factories.core import ClientFactory
from tests.factories.programs import (
    ExerciseFactory,
    PrescribedExerciseFactory,
    ProgramAssignmentFactory,
    ProgramDayFactory,
    ProgramFactory,
)

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}
LIST = "/dashboard/programs/"
NEW = {
    "name": "Hypertrophy 12",
    "goal": "hypertrophy",
    "description": "Three full-body days a week.",
    "duration_weeks": "12",
}


@pytest.fixture
def alice(client, trainer):
    client.force_login(trainer.user)
    return client


@pytest.fixture
def template(trainer):
    """A 1-week template with two days and three exercises."""
    program = ProgramFactory(trainer=trainer, name="Full Body Base", duration_weeks=1)
    monday = ProgramDayFactory(program=program, week=1, day=1, title="Day A")
    thursday = ProgramDayFactory(program=program, week=1, day=4, title="Day B")
    for day, name, order in [(monday, "Alpha", 1), (monday, "Bravo", 2), (thursday, "Charlie", 1)]:
        exercise = ExerciseFactory(name=name, trainer=trainer)
        PrescribedExerciseFactory(day=day, exercise=exercise, order=order, sets=3, reps_min=8)
    return program


def text(response) -> str:
    return html.unescape(response.text)


def shown(response) -> list[str]:
    return [p.name for p in response.context["page"].object_list]


# ---------- index ----------


@pytest.mark.parametrize(
    ("kind", "empty_text"),
    [
        ("programs", "Build your first program"),
        ("templates", "No templates yet"),
        ("assigned", "No client has a program yet"),
    ],
)
def test_each_tab_says_what_to_do_when_empty(alice, kind, empty_text):
    response = alice.get(LIST, {"kind": kind})
    assert response.status_code == 200
    assert empty_text in response.text
    assert "New from template" in response.text


def test_the_dashboard_nav_links_to_programs(alice):
    assert 'href="/dashboard/programs/"' in alice.get("/dashboard/").text


def test_the_tabs_split_programs_templates_and_clients_copies(alice, trainer, outsider, client_):
    ProgramFactory(trainer=trainer, name="Draft", is_template=False)
    ProgramFactory(trainer=trainer, name="Base template")
    ProgramFactory(trainer=trainer, client=client_, name="Carol's base", is_template=False)
    ProgramFactory(trainer=outsider, name="Bob's draft", is_template=False)
    ProgramFactory(trainer=outsider, name="Bob's template")

    assert shown(alice.get(LIST)) == ["Draft"]
    assert shown(alice.get(LIST, {"kind": "templates"})) == ["Base template"]
    assigned = alice.get(LIST, {"kind": "assigned"})
    assert shown(assigned) == ["Carol's base"]
    assert client_.full_name in assigned.text
    assert shown(alice.get(LIST, {"kind": "nonsense"})) == ["Draft"]


def test_search_and_its_live_fragment(alice, trainer):
    ProgramFactory(trainer=trainer, name="Strength Base", is_template=False)
    ProgramFactory(trainer=trainer, name="Hypertrophy", is_template=False)

    assert shown(alice.get(LIST, {"q": "streng"})) == ["Strength Base"]
    fragment = alice.get(LIST, {"q": "hyper"}, headers=HTMX)
    assert "<html" not in fragment.text
    assert fragment.text.lstrip().startswith('<div id="program-table"')
    assert "Hypertrophy" in fragment.text
    assert "Nothing matches “zzz”" in alice.get(LIST, {"q": "zzz"}).text


# ---------- create, edit, delete ----------


def test_creating_a_program_opens_its_builder(alice, trainer):
    response = alice.post(f"{LIST}new/", NEW)

    program = Program.objects.get()
    assert response["Location"] == f"{LIST}{program.pk}/"
    assert (program.trainer, program.name, program.goal) == (
        trainer,
        "Hypertrophy 12",
        "hypertrophy",
    )
    assert (program.duration_weeks, program.is_template, program.client) == (12, False, None)


def test_a_new_template_from_the_templates_tab(alice):
    form = alice.get(f"{LIST}new/", {"template": "1"})
    assert 'id="id_is_template" checked' in form.text
    alice.post(f"{LIST}new/", {**NEW, "is_template": "on"})
    assert Program.objects.get().is_template


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"name": ""}, "This field is required."),
        ({"duration_weeks": "0"}, "greater than or equal to 1"),
        ({"duration_weeks": "53"}, "less than or equal to 52"),
        ({"goal": "magic"}, "Select a valid choice"),
    ],
)
def test_bad_details_are_shown_and_nothing_is_created(alice, changes, message):
    response = alice.post(f"{LIST}new/", {**NEW, **changes})
    assert response.status_code == 200
    assert message in response.text
    assert not Program.objects.exists()


def test_editing_details_and_refusing_to_cut_weeks_that_have_days(alice, trainer):
    program = ProgramFactory(trainer=trainer, name="Base", duration_weeks=4, is_template=False)
    ProgramDayFactory(program=program, week=3, day=1)
    url = f"{LIST}{program.pk}/edit/"

    assert 'value="Base"' in alice.get(url).text
    refused = alice.post(url, {**NEW, "duration_weeks": "2"})
    assert "Week 3 has training days: remove them first." in refused.text
    program.refresh_from_db()
    assert (program.name, program.duration_weeks) == ("Base", 4)

    assert alice.post(url, {**NEW, "duration_weeks": "3"})["Location"] == f"{LIST}{program.pk}/"
    program.refresh_from_db()
    assert (program.name, program.duration_weeks) == ("Hypertrophy 12", 3)


def test_deleting_asks_first_then_deletes_days_and_exercises(alice, template):
    url = f"{LIST}{template.pk}/delete/"
    assert "Delete Full Body Base?" in alice.get(url).text
    assert Program.objects.exists()

    response = alice.post(url, follow=True)
    assert "Full Body Base is deleted." in response.text
    assert not Program.objects.exists()
    assert not ProgramDay.objects.exists()
    assert not PrescribedExercise.objects.exists()


def test_a_clients_assigned_copy_is_not_deleted(alice, client_):
    assignment = ProgramAssignmentFactory(client=client_)
    copy = assignment.program

    response = alice.post(f"{LIST}{copy.pk}/delete/", follow=True)

    assert "end the assignment instead of deleting it" in response.text
    assert Program.objects.filter(pk=copy.pk).exists()


# ---------- templates ----------


def test_marking_and_unmarking_a_template(alice, trainer):
    program = ProgramFactory(trainer=trainer, name="Base", is_template=False)
    url = f"{LIST}{program.pk}/template/"

    assert "is a template now" in alice.post(url, {"is_template": "1"}, follow=True).text
    program.refresh_from_db()
    assert program.is_template
    alice.post(url, {"is_template": "0"})
    program.refresh_from_db()
    assert not program.is_template


def test_a_clients_copy_cannot_become_a_template(alice, client_):
    copy = ProgramAssignmentFactory(client=client_).program
    response = alice.post(f"{LIST}{copy.pk}/template/", {"is_template": "1"}, follow=True)
    assert "can't become a template" in text(response)
    copy.refresh_from_db()
    assert not copy.is_template


def test_duplicate_is_a_deep_copy(alice, template):
    response = alice.post(f"{LIST}{template.pk}/duplicate/")

    copy = Program.objects.exclude(pk=template.pk).get()
    assert response["Location"] == f"{LIST}{copy.pk}/"
    assert (copy.name, copy.is_template, copy.source) == ("Full Body Base (copy)", True, template)
    days = list(copy.days.order_by("day").values_list("day", "title"))
    assert days == [(1, "Day A"), (4, "Day B")]
    copied = PrescribedExercise.objects.filter(day__program=copy).order_by("day__day", "order")
    assert [p.exercise.name for p in copied] == ["Alpha", "Bravo", "Charlie"]
    assert not set(copied.values_list("pk", flat=True)) & set(
        PrescribedExercise.objects.filter(day__program=template).values_list("pk", flat=True)
    )


def test_use_template_builds_a_new_program_and_opens_it(alice, template):
    page = alice.get(f"{LIST}from-template/")
    assert "Full Body Base" in page.text

    response = alice.post(f"{LIST}{template.pk}/use/", {"name": "Carol's block"})

    program = Program.objects.get(name="Carol's block")
    assert response["Location"] == f"{LIST}{program.pk}/"
    assert not program.is_template
    assert program.days.count() == 2
    assert "Carol's block" in text(alice.get(response["Location"]))


def test_the_template_picker_says_how_to_get_templates(alice):
    assert "No templates yet" in alice.get(f"{LIST}from-template/").text


def test_only_a_template_can_be_used_as_one(alice, trainer):
    draft = ProgramFactory(trainer=trainer, is_template=False)
    response = alice.post(f"{LIST}{draft.pk}/use/", follow=True)
    assert "Pick a program marked as a template." in response.text
    assert Program.objects.count() == 1


# ---------- assign ----------


def test_the_assign_page_lists_active_clients_and_warns_of_replacement(alice, trainer, template):
    carol = ClientFactory(trainer=trainer, user__first_name="Carol", user__last_name="Jones")
    ClientFactory(trainer=trainer, user__first_name="Paula", status=ClientStatus.PAUSED)
    ProgramAssignmentFactory(client=carol, program__name="Old block")

    page = alice.get(f"{LIST}{template.pk}/assign/")

    assert "Carol Jones" in page.text
    assert "Paula" not in page.text
    assert "Now on Old block" in page.text
    assert "it will be replaced" in page.text
    assert f'value="{trainer.today().isoformat()}"' in page.text


def test_assigning_to_two_clients_gives_each_their_own_copy(alice, trainer, template):
    carol = ClientFactory(trainer=trainer, user__first_name="Carol", user__last_name="Jones")
    dave = ClientFactory(trainer=trainer, user__first_name="Dave", user__last_name="Smith")
    old = ProgramAssignmentFactory(client=carol, start_date=dt.date(2026, 1, 5))

    response = alice.post(
        f"{LIST}{template.pk}/assign/",
        {"clients": [carol.pk, dave.pk], "start_date": "2026-03-02"},
        follow=True,
    )

    assert "Full Body Base is assigned to Carol Jones and Dave Smith" in response.text
    assignments = ProgramAssignment.objects.filter(source_program=template)
    assert {a.client for a in assignments} == {carol, dave}
    for assignment in assignments:
        assert assignment.status == "active"
        assert assignment.start_date == dt.date(2026, 3, 2)
        assert assignment.program.client == assignment.client
        assert assignment.program.days.count() == 2
    old.refresh_from_db()
    assert old.status == "replaced"
    # the program page lists them
    assert response.text.count("End assignment") == 2

    # editing the template afterwards leaves the clients' copies alone
    rx = PrescribedExercise.objects.get(day__program=template, exercise__name="Alpha")
    alice.post(
        f"{LIST}exercises/{rx.pk}/",
        {f"rx{rx.pk}-sets": "5", f"rx{rx.pk}-reps": "5"},
        headers=HTMX,
    )
    rx.refresh_from_db()
    assert rx.sets == 5
    copies = PrescribedExercise.objects.filter(
        day__program__client__in=[carol, dave], exercise__name="Alpha"
    )
    assert [p.sets for p in copies] == [3, 3]


def test_assign_refuses_bad_input_and_writes_nothing(alice, trainer, outsider, template):
    theirs = ClientFactory(trainer=outsider)
    carol = ClientFactory(trainer=trainer)
    url = f"{LIST}{template.pk}/assign/"

    assert "Pick at least one client." in alice.post(url, {"start_date": "2026-03-02"}).text
    response = alice.post(url, {"clients": [theirs.pk], "start_date": "2026-03-02"})
    assert "Select a valid choice" in response.text

    empty = ProgramFactory(trainer=trainer, name="Empty")
    refused = alice.post(
        f"{LIST}{empty.pk}/assign/", {"clients": [carol.pk], "start_date": "2026-03-02"}
    )
    assert "Add at least one training day before assigning." in refused.text
    assert f'value="{carol.pk}" id="client-{carol.pk}" checked' in refused.text
    assert not ProgramAssignment.objects.exists()
    assert Program.objects.count() == 2


def test_ending_an_assignment(alice, trainer, template):
    carol = ClientFactory(trainer=trainer)
    alice.post(f"{LIST}{template.pk}/assign/", {"clients": [carol.pk], "start_date": "2026-01-05"})
    assignment = ProgramAssignment.objects.get()
    url = f"{LIST}assignments/{assignment.pk}/end/"

    assert f"End {carol.full_name}'s program?" in text(alice.get(url))
    response = alice.post(url, {"status": "completed"})

    assert response["Location"] == f"{LIST}{template.pk}/#assignments"
    assignment.refresh_from_db()
    assert assignment.status == "completed"
    assert assignment.end_date == trainer.today()
    # the client's copy shows its assignment too
    assert "Completed" in alice.get(f"{LIST}{assignment.program_id}/").text


# ---------- access ----------


def outsider_urls(trainer) -> list[tuple[str, str]]:
    program = ProgramFactory(trainer=trainer, name="Alice's own")
    day = ProgramDayFactory(program=program, week=1, day=1)
    rx = PrescribedExerciseFactory(day=day, exercise=ExerciseFactory(trainer=trainer))
    assignment = ProgramAssignmentFactory(client=ClientFactory(trainer=trainer))
    return [
        ("get", f"{LIST}{program.pk}/"),
        ("get", f"{LIST}{program.pk}/edit/"),
        ("post", f"{LIST}{program.pk}/edit/"),
        ("get", f"{LIST}{program.pk}/delete/"),
        ("post", f"{LIST}{program.pk}/delete/"),
        ("post", f"{LIST}{program.pk}/duplicate/"),
        ("post", f"{LIST}{program.pk}/template/"),
        ("post", f"{LIST}{program.pk}/use/"),
        ("get", f"{LIST}{program.pk}/assign/"),
        ("post", f"{LIST}{program.pk}/assign/"),
        ("post", f"{LIST}{program.pk}/days/add/"),
        ("get", f"{LIST}assignments/{assignment.pk}/end/"),
        ("post", f"{LIST}assignments/{assignment.pk}/end/"),
        ("get", f"{LIST}days/{day.pk}/"),
        ("get", f"{LIST}days/{day.pk}/edit/"),
        ("post", f"{LIST}days/{day.pk}/edit/"),
        ("get", f"{LIST}days/{day.pk}/delete/"),
        ("post", f"{LIST}days/{day.pk}/delete/"),
        ("get", f"{LIST}days/{day.pk}/exercises/"),
        ("post", f"{LIST}days/{day.pk}/exercises/"),
        ("post", f"{LIST}days/{day.pk}/reorder/"),
        ("get", f"{LIST}exercises/{rx.pk}/"),
        ("post", f"{LIST}exercises/{rx.pk}/"),
        ("post", f"{LIST}exercises/{rx.pk}/move/"),
        ("post", f"{LIST}exercises/{rx.pk}/superset/"),
        ("get", f"{LIST}exercises/{rx.pk}/delete/"),
        ("post", f"{LIST}exercises/{rx.pk}/delete/"),
    ]


@pytest.mark.parametrize("htmx", [False, True])
def test_another_trainer_finds_none_of_it(client, trainer, outsider, htmx):
    urls = outsider_urls(trainer)
    client.force_login(outsider.user)
    headers = HTMX if htmx else {}

    for method, url in urls:
        response = getattr(client, method)(url, headers=headers)
        assert response.status_code == 404, (method, url)

    assert Program.objects.filter(trainer=trainer).count() == 2  # theirs + the copy
    assert ProgramDay.objects.count() == 1
    assert PrescribedExercise.objects.count() == 1
    assert ProgramAssignment.objects.get().status == "active"
    assert "Alice's own" not in client.get(LIST).text


def test_clients_and_visitors_are_kept_out(client, client_, trainer):
    program = ProgramFactory(trainer=trainer)
    assert client.get(f"{LIST}{program.pk}/")["Location"].startswith("/accounts/login/")
    client.force_login(client_.user)
    assert client.get(LIST).status_code == 403
    assert client.get(f"{LIST}{program.pk}/").status_code == 403


def test_the_assign_page_without_active_clients_says_how_to_get_one(alice, trainer, template):
    ClientFactory(trainer=trainer, status=ClientStatus.ARCHIVED)
    page = alice.get(f"{LIST}{template.pk}/assign/")
    assert "You have no active clients to assign it to." in page.text
    assert 'href="/dashboard/clients/new/"' in page.text


def test_a_clients_copy_is_not_assigned_again(alice, trainer, client_):
    copy = ProgramAssignmentFactory(client=client_).program
    ProgramDayFactory(program=copy)
    other = ClientFactory(trainer=trainer)

    response = alice.post(
        f"{LIST}{copy.pk}/assign/", {"clients": [other.pk], "start_date": "2026-03-02"}
    )

    assert "assign the program it was made from" in text(response)
    assert ProgramAssignment.objects.count() == 1
