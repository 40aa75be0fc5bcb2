"""The trainer's exercise pages under /dashboard/exercises/: browse with live search and
filters, read an exercise, add, edit and delete their own; the shared library is
read-only (403) and another trainer's exercise doesn't exist for them (404)."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from programs.models import Exercise, MuscleGroup
from tests.factories.programs import (
    EquipmentFactory,
    ExerciseFactory,
    MuscleGroupFactory,
    PrescribedExerciseFactory,
    ProgramDayFactory,
)

pytestmark = pytest.mark.django_db

LIST = "/dashboard/exercises/"
NEW = {
    "name": "Spoto Press",
    "aliases": "Pause bench, Spoto",
    "category": "strength",
    "instructions": "Stop an inch above the chest.",
    "video_url": "https://videos.example.com/spoto",
}


@pytest.fixture
def alice(client, trainer):
    client.force_login(trainer.user)
    return client


@pytest.fixture
def library_row():
    return Exercise.objects.get(trainer__isnull=True, name="Barbell Back Squat")


def shown(response) -> list[str]:
    return [e.name for e in response.context["page"].object_list]


def test_the_pages_are_for_trainers_only(client, client_, library_row):
    urls = [LIST, f"{LIST}new/", f"{LIST}{library_row.pk}/"]
    for url in urls:
        assert client.get(url)["Location"].startswith("/accounts/login/?next=")
    client.force_login(client_.user)
    for url in urls:
        assert client.get(url).status_code == 403


def test_the_dashboard_links_to_the_library(alice):
    page = alice.get("/dashboard/").text
    assert f'href="{LIST}"' in page
    assert ">Exercises<" in page


def test_the_list_shows_the_library_and_the_trainers_own_with_a_badge(alice, trainer, outsider):
    squat = MuscleGroup.objects.get(slug="quadriceps")
    ExerciseFactory(trainer=trainer, name="Zorblat Squat", primary_muscles=[squat])
    ExerciseFactory(trainer=outsider, name="Zorblat Row")

    response = alice.get(LIST)

    assert response.status_code == 200
    assert response.context["page"].paginator.count >= 150
    assert len(shown(response)) == 25  # paginated
    assert 'id="exercise-results"' in response.text
    assert "Page 1 of" in response.text
    mine = alice.get(LIST, {"q": "zorblat"})
    assert shown(mine) == ["Zorblat Squat"]
    row = re.search(r"<tr>.*?Zorblat Squat.*?</tr>", mine.text, re.S).group(0)
    assert "Yours" in row
    assert "Quadriceps" in row
    assert "Strength" in row


def test_filters_narrow_the_list(alice, trainer):
    calf, sandbag = MuscleGroupFactory(slug="test-calf"), EquipmentFactory(slug="test-sandbag")
    ExerciseFactory(
        trainer=trainer, name="Calf hop", secondary_muscles=[calf], category="plyometric"
    )
    ExerciseFactory(trainer=trainer, name="Sandbag carry", equipment=[sandbag], category="cardio")

    assert shown(alice.get(LIST, {"muscle": "test-calf"})) == ["Calf hop"]
    assert shown(alice.get(LIST, {"equipment": "test-sandbag"})) == ["Sandbag carry"]
    assert shown(alice.get(LIST, {"owner": "mine", "category": "cardio"})) == ["Sandbag carry"]
    assert shown(alice.get(LIST, {"q": "RDL", "owner": "global", "equipment": "barbell"})) == [
        "Romanian Deadlift"
    ]
    assert "Romanian Deadlift" not in shown(alice.get(LIST, {"q": "RDL", "owner": "mine"}))
    # Unknown values are ignored rather than failing the page.
    assert alice.get(LIST, {"category": "yoga", "owner": "x"}).status_code == 200
    empty = alice.get(LIST, {"q": "nothing-like-this"})
    assert "No exercises match “nothing-like-this”" in empty.text


def test_live_search_answers_with_the_results_fragment_only(alice):
    response = alice.get(LIST, {"q": "romanian"}, headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="exercise-results"')
    assert "<html" not in response.text
    assert 'name="q"' not in response.text  # the search box is not replaced under the cursor
    assert "Romanian Deadlift" in response.text
    assert "HX-Request" in response["Vary"]


def test_pagination_links_keep_the_filters_and_work_with_htmx(alice):
    response = alice.get(LIST, {"category": "strength"})
    assert 'href="/dashboard/exercises/?category=strength&amp;page=2"' in response.text
    assert 'hx-get="/dashboard/exercises/?category=strength&amp;page=2"' in response.text

    page2 = alice.get(LIST, {"category": "strength", "page": 2})
    assert page2.context["page"].number == 2
    assert set(shown(page2)).isdisjoint(shown(response))


def test_the_detail_page_shows_how_to_do_it(alice, library_row):
    response = alice.get(reverse("programs:exercise_detail", args=[library_row.pk]))

    assert response.status_code == 200
    assert library_row.instructions[:40] in response.text
    assert "Quadriceps" in response.text
    assert "Squat Rack" in response.text
    assert "from the shared library" in response.text
    assert reverse("programs:exercise_edit", args=[library_row.pk]) not in response.text


def test_the_video_opens_in_a_new_tab_safely(alice, trainer):
    mine = ExerciseFactory(trainer=trainer, video_url="https://videos.example.com/spoto")

    page = alice.get(reverse("programs:exercise_detail", args=[mine.pk])).text

    link = re.search(r'<a href="https://videos.example.com/spoto"[^>]*>', page).group(0)
    assert 'target="_blank"' in link
    assert "noopener" in link
    assert reverse("programs:exercise_edit", args=[mine.pk]) in page


def test_another_trainers_exercise_is_not_found(alice, outsider):
    theirs = ExerciseFactory(trainer=outsider)
    for name in ("detail", "edit", "delete"):
        assert alice.get(reverse(f"programs:exercise_{name}", args=[theirs.pk])).status_code == 404
    assert alice.post(reverse("programs:exercise_delete", args=[theirs.pk])).status_code == 404
    assert Exercise.objects.filter(pk=theirs.pk).exists()


def test_adding_an_exercise(alice, trainer):
    chest = MuscleGroup.objects.get(slug="chest")
    form = alice.get(reverse("programs:exercise_create")).text
    assert "<legend>Primary muscles" in form
    assert 'name="video_url"' in form

    response = alice.post(
        reverse("programs:exercise_create"), {**NEW, "primary_muscles": [chest.pk]}
    )

    exercise = Exercise.objects.get(trainer=trainer, name="Spoto Press")
    assert response["Location"] == reverse("programs:exercise_detail", args=[exercise.pk])
    assert list(exercise.primary_muscles.all()) == [chest]
    assert exercise.aliases == "Pause bench, Spoto"
    page = alice.get(response["Location"]).text
    assert "“Spoto Press” is in your library." in page


def test_bad_input_shows_form_errors_and_writes_nothing(alice, trainer):
    ExerciseFactory(trainer=trainer, name="Spoto Press")

    duplicate = alice.post(reverse("programs:exercise_create"), {**NEW, "name": "SPOTO PRESS"})
    assert duplicate.status_code == 200
    assert "You already have an exercise called “SPOTO PRESS”." in duplicate.text
    bad_link = alice.post(
        reverse("programs:exercise_create"),
        {**NEW, "name": "Floor Press", "video_url": "ftp://x.test/v"},
    )
    assert bad_link.status_code == 200
    assert bad_link.context["form"].errors["video_url"]
    no_name = alice.post(reverse("programs:exercise_create"), {**NEW, "name": ""})
    assert no_name.context["form"].errors["name"]

    assert list(Exercise.objects.filter(trainer=trainer).values_list("name", flat=True)) == [
        "Spoto Press"
    ]


def test_editing_the_trainers_own_exercise(alice, trainer):
    mine = ExerciseFactory(trainer=trainer, name="Spoto Press", category="strength")
    url = reverse("programs:exercise_edit", args=[mine.pk])
    assert 'value="Spoto Press"' in alice.get(url).text

    response = alice.post(url, {**NEW, "name": "Spoto Press (paused)", "is_unilateral": "on"})

    assert response["Location"] == reverse("programs:exercise_detail", args=[mine.pk])
    mine.refresh_from_db()
    assert mine.name == "Spoto Press (paused)"
    assert mine.is_unilateral


def test_a_refused_edit_keeps_the_old_values(alice, trainer):
    ExerciseFactory(trainer=trainer, name="Spoto Press")
    other = ExerciseFactory(trainer=trainer, name="Floor Press")

    response = alice.post(
        reverse("programs:exercise_edit", args=[other.pk]), {**NEW, "name": "spoto press"}
    )

    assert response.status_code == 200
    assert "You already have an exercise" in response.text
    other.refresh_from_db()
    assert other.name == "Floor Press"


def test_the_shared_library_is_read_only(alice, library_row):
    for name in ("edit", "delete"):
        url = reverse(f"programs:exercise_{name}", args=[library_row.pk])
        response = alice.get(url)
        assert response.status_code == 403
        assert "Exercises from the shared library can&#x27;t be changed" in response.text
        assert alice.post(url, NEW).status_code == 403
    library_row.refresh_from_db()
    assert library_row.name == "Barbell Back Squat"


def test_deleting_asks_first_then_deletes(alice, trainer):
    mine = ExerciseFactory(trainer=trainer, name="Spoto Press")
    url = reverse("programs:exercise_delete", args=[mine.pk])

    confirm = alice.get(url)
    assert "Delete “Spoto Press”?" in confirm.text
    assert Exercise.objects.filter(pk=mine.pk).exists()

    response = alice.post(url)
    assert response["Location"] == reverse("programs:exercise_list")
    assert not Exercise.objects.filter(pk=mine.pk).exists()


def test_an_exercise_in_use_is_not_deleted(alice, trainer):
    mine = ExerciseFactory(trainer=trainer, name="Spoto Press")
    PrescribedExerciseFactory(day=ProgramDayFactory(program__trainer=trainer), exercise=mine)
    url = reverse("programs:exercise_delete", args=[mine.pk])

    confirm = alice.get(url)
    assert "used in 1 program" in confirm.text
    assert "Delete exercise</button>" not in confirm.text

    response = alice.post(url)
    assert response.status_code == 409
    assert "is in use in 1 program" in response.text
    assert Exercise.objects.filter(pk=mine.pk).exists()


@pytest.mark.parametrize("count", [5, 50])
def test_the_list_page_takes_a_constant_number_of_queries(
    alice, trainer, count, django_assert_max_num_queries
):
    muscle, kit = MuscleGroupFactory(), EquipmentFactory()
    for _ in range(count):
        ExerciseFactory(trainer=trainer, primary_muscles=[muscle], equipment=[kit])

    with django_assert_max_num_queries(12):
        response = alice.get(LIST, {"owner": "mine"})

    assert len(shown(response)) == min(count, 25)
