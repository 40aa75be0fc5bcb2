"""The trainer's client pages: list and live search, add (PIN shown once), detail,
edit, PIN reset and archive; and another trainer can reach none of it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from clients.models import Client, ClientStatus
from fitnesspr.models import User
from tests.factories.core import ClientFactory
from tests.html.conftest import shown_pin

pytestmark = pytest.mark.django_db

NEW_CLIENT = {
    "first_name": "Erin",
    "last_name": "Stone",
    "email": "erin@example.com",
    "phone": "+44 20 7946 0000",
    "date_of_birth": "1990-04-02",
    "height": "172.5",
    "goals": "Deadlift 120 kg",
    "notes": "Old knee injury",
}


def test_the_dashboard_is_for_trainers_only(client, client_, staff):
    assert client.get("/dashboard/")["Location"] == "/accounts/login/?next=/dashboard/"
    for user in (client_.user, staff):
        client.force_login(user)
        response = client.get("/dashboard/")
        assert response.status_code == 403
        assert "The dashboard is for trainers" in response.text


def test_dashboard_home_greets_the_trainer_and_counts_their_clients(
    trainer_client, trainer, outsider
):
    ClientFactory.create_batch(2, trainer=trainer)
    ClientFactory(trainer=trainer, status=ClientStatus.PAUSED)
    ClientFactory.create_batch(3, trainer=outsider)

    response = trainer_client.get("/dashboard/")

    assert f"Hello, {trainer.user.first_name}" in response.text
    assert response.context["counts"]["active"] == 2
    assert response.context["counts"]["paused"] == 1
    assert len(response.context["recent_clients"]) == 3


def test_a_new_trainer_sees_how_to_start(trainer_client):
    response = trainer_client.get("/dashboard/")
    assert "Add your first client" in response.text


def test_client_list_searches_by_name_and_email_and_filters_by_status(
    trainer_client, trainer, outsider
):
    ClientFactory(trainer=trainer, user__first_name="Carol", user__email="carol@example.com")
    ClientFactory(trainer=trainer, user__first_name="Dave", user__email="dave@gym.test")
    ClientFactory(trainer=trainer, user__first_name="Olga", status=ClientStatus.ARCHIVED)
    ClientFactory(trainer=outsider, user__first_name="Carolyn")

    names = lambda response: [c.first_name for c in response.context["page"].object_list]  # noqa: E731

    assert names(trainer_client.get("/dashboard/clients/")) == ["Carol", "Dave"]
    assert names(trainer_client.get("/dashboard/clients/?q=caro")) == ["Carol"]
    assert names(trainer_client.get("/dashboard/clients/?q=gym.test")) == ["Dave"]
    assert names(trainer_client.get("/dashboard/clients/?status=archived")) == ["Olga"]
    assert names(trainer_client.get("/dashboard/clients/?status=all")) == ["Carol", "Dave", "Olga"]
    response = trainer_client.get("/dashboard/clients/?q=zzz")
    assert "No clients match" in response.text


def test_live_search_answers_with_the_table_fragment_only(trainer_client, trainer):
    ClientFactory(trainer=trainer, user__first_name="Carol")
    ClientFactory(trainer=trainer, user__first_name="Dave")

    response = trainer_client.get("/dashboard/clients/?q=carol", headers={"HX-Request": "true"})

    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="client-table"')
    assert "<html" not in response.text
    assert "<nav" not in response.text
    assert "Carol" in response.text
    assert "Dave" not in response.text
    assert "HX-Request" in response["Vary"]
    full = trainer_client.get("/dashboard/clients/?q=carol")
    assert "<html" in full.text
    assert 'id="client-table"' in full.text
    assert 'hx-trigger="input changed delay:300ms, search"' in full.text


def test_adding_a_client_shows_the_pin_once_and_it_opens_the_portal(
    trainer_client, trainer, client
):
    response = trainer_client.post("/dashboard/clients/new/", NEW_CLIENT)
    erin = Client.objects.get(user__email="erin@example.com")
    assert response.status_code == 302
    assert response["Location"] == f"/dashboard/clients/{erin.pk}/pin/"
    assert "pin" not in response["Location"].split("/pin/")[1]  # no PIN in the URL

    page = trainer_client.get(response["Location"])
    pin = shown_pin(page.text)
    assert pin
    assert len(pin) == 6
    assert "erin@example.com" in page.text
    assert "http://testserver/portal/login/" in page.text
    assert "no-store" in page["Cache-Control"]
    assert (erin.trainer, erin.height_cm, erin.goals) == (
        trainer,
        Decimal("172.5"),
        "Deadlift 120 kg",
    )

    again = trainer_client.get(response["Location"])
    assert shown_pin(again.text) is None
    assert pin not in again.text
    assert "PIN already shown" in again.text

    trainer_client.post("/accounts/logout/")
    login = client.post("/portal/login/", {"email": "erin@example.com", "pin": pin})
    assert login["Location"] == "/portal/"
    assert "Hi, Erin!" in client.get("/portal/").text


def test_adding_a_client_with_bad_input_writes_nothing(trainer_client, trainer, outsider):
    ClientFactory(trainer=outsider, user__email="taken@example.com")
    bad = {**NEW_CLIENT, "email": "Taken@Example.com"}
    response = trainer_client.post("/dashboard/clients/new/", bad)
    # another trainer's client: refused without saying whose the address is
    assert "This email address can&#x27;t be used for a client." in response.text
    assert "already exists" not in response.text

    response = trainer_client.post(
        "/dashboard/clients/new/",
        {**NEW_CLIENT, "first_name": "", "height": "400", "date_of_birth": "soon"},
    )
    assert response.status_code == 200
    assert response.text.count('class="field-error"') == 3
    assert not Client.objects.filter(trainer=trainer).exists()
    assert not User.objects.filter(email="erin@example.com").exists()


def test_an_imperial_trainer_types_height_in_inches_and_it_is_stored_in_cm(trainer_client, trainer):
    trainer.unit_system = "imperial"
    trainer.save()
    trainer_client.post("/dashboard/clients/new/", {**NEW_CLIENT, "height": "70"})
    erin = Client.objects.get(user__email="erin@example.com")
    assert erin.height_cm == Decimal("177.8")
    assert "5 ft 10 in" in trainer_client.get(f"/dashboard/clients/{erin.pk}/").text


def test_client_detail_shows_profile_status_and_portal_access(trainer_client, carol):
    response = trainer_client.get(f"/dashboard/clients/{carol.pk}/")
    assert "Carol Jones" in response.text
    assert "carol@example.com" in response.text
    assert "Can sign in" in response.text
    assert "Never" in response.text


def test_editing_a_client_saves_the_profile(trainer_client, carol):
    page = trainer_client.get(f"/dashboard/clients/{carol.pk}/edit/")
    assert 'value="carol@example.com"' in page.text

    response = trainer_client.post(
        f"/dashboard/clients/{carol.pk}/edit/",
        {
            **NEW_CLIENT,
            "first_name": "Caroline",
            "email": "caroline@example.com",
            "status": "paused",
        },
        follow=True,
    )
    assert "Caroline Stone&#x27;s profile is saved." in response.text
    carol.refresh_from_db()
    assert (carol.first_name, carol.email, carol.status) == (
        "Caroline",
        "caroline@example.com",
        "paused",
    )


def test_editing_to_a_taken_email_is_refused(trainer_client, trainer, carol):
    ClientFactory(trainer=trainer, user__email="dave@example.com")
    response = trainer_client.post(
        f"/dashboard/clients/{carol.pk}/edit/",
        {**NEW_CLIENT, "email": "dave@example.com", "status": "active"},
    )
    assert "One of your clients already has this email address." in response.text
    carol.refresh_from_db()
    assert carol.email == "carol@example.com"


def test_resetting_a_pin_asks_first_then_shows_the_new_pin_once_and_unlocks(
    trainer_client, carol, client
):
    carol.failed_pin_attempts = 3
    carol.save()
    confirm = trainer_client.get(f"/dashboard/clients/{carol.pk}/reset-pin/")
    assert "Reset Carol Jones's PIN?" in confirm.text
    carol.refresh_from_db()
    assert carol.failed_pin_attempts == 3  # the GET changed nothing

    response = trainer_client.post(f"/dashboard/clients/{carol.pk}/reset-pin/", follow=True)
    pin = shown_pin(response.text)
    assert pin
    assert pin != "402913"
    assert shown_pin(trainer_client.get(f"/dashboard/clients/{carol.pk}/pin/").text) is None

    assert (
        client.post("/portal/login/", {"email": "carol@example.com", "pin": "402913"}).status_code
        == 200
    )
    assert (
        client.post("/portal/login/", {"email": "carol@example.com", "pin": pin})["Location"]
        == "/portal/"
    )


def test_archiving_a_client_ends_their_portal_access(trainer_client, carol, client):
    trainer_client.get(f"/dashboard/clients/{carol.pk}/archive/")
    carol.refresh_from_db()
    assert carol.status == ClientStatus.ACTIVE

    response = trainer_client.post(f"/dashboard/clients/{carol.pk}/archive/", follow=True)
    assert "is archived and can no longer sign in" in response.text
    carol.refresh_from_db()
    assert carol.status == ClientStatus.ARCHIVED
    response = client.post("/portal/login/", {"email": "carol@example.com", "pin": "402913"})
    assert "Invalid email or PIN." in response.text


CLIENT_URLS = ["", "edit/", "pin/", "reset-pin/", "archive/"]


@pytest.mark.parametrize("suffix", CLIENT_URLS)
def test_another_trainers_client_is_a_404_everywhere(client, outsider, carol, suffix):
    client.force_login(outsider.user)
    url = f"/dashboard/clients/{carol.pk}/{suffix}"

    assert client.get(url).status_code == 404
    if suffix in ("edit/", "reset-pin/", "archive/"):
        response = client.post(url, {**NEW_CLIENT, "status": "active"})
        assert response.status_code == 404
        assert "Page not found" in response.text
    carol.refresh_from_db()
    assert (carol.status, carol.pin_version, carol.email) == ("active", 1, "carol@example.com")


def test_another_trainers_clients_never_appear_in_lists(client, outsider, carol):
    client.force_login(outsider.user)
    assert "Carol" not in client.get("/dashboard/clients/?status=all&q=carol").text
    assert "Carol" not in client.get("/dashboard/").text


def test_page_links_keep_the_search(trainer_client, trainer):
    from progress.views.clients import PAGE_SIZE

    for n in range(PAGE_SIZE + 2):
        ClientFactory(
            trainer=trainer, user__first_name=f"Sam{n:02d}", user__email=f"sam{n}@example.com"
        )
    ClientFactory(trainer=trainer, user__first_name="Zed", user__email="zed@example.com")

    html = trainer_client.get("/dashboard/clients/", {"q": "sam"}).content.decode()
    assert 'href="?q=sam&amp;page=2"' in html
    second = trainer_client.get("/dashboard/clients/", {"q": "sam", "page": "2"}).content.decode()
    assert "Zed" not in second
    assert 'href="?q=sam&amp;page=1"' in second
