from __future__ import annotations

import pytest
from django.contrib.auth.hashers import check_password

from clients.models import Client
from fitnesspr.models import User
from tests.factories.core import DEFAULT_PIN, ClientFactory

pytestmark = pytest.mark.django_db

CLIENTS = "/api/v1/clients/"
NEW = {
    "first_name": "Frank",
    "last_name": "Ocean",
    "email": "Frank@Example.com",
    "phone": "+1 555 0100",
    "date_of_birth": "1988-10-28",
    "height_cm": 183.5,
    "goals": "Ten pull-ups",
    "notes": "Shoulder history",
}


def detail(client: Client) -> str:
    return f"{CLIENTS}{client.pk}/"


# --- create --------------------------------------------------------------------------


def test_create_returns_the_client_and_its_pin_once(api, trainer_api, trainer):
    response = trainer_api.post(CLIENTS, NEW)

    assert response.status_code == 201
    body = response.json()
    data = body["data"]
    assert "PIN" in body["message"]
    assert data["email"] == "frank@example.com"
    assert data["height_cm"] == 183.5
    assert data["status"] == "active"
    assert data["pin"].isdigit()
    assert len(data["pin"]) == 6
    client = Client.objects.get(pk=data["id"])
    assert client.trainer == trainer
    assert client.user.role == "client"
    assert check_password(data["pin"], client.pin_hash)
    assert "pin" not in trainer_api.get(detail(client)).json()["data"]
    assert all("pin" not in row for row in trainer_api.get(CLIENTS).json()["data"])
    login = api.post("/api/v1/auth/pin-login/", {"email": "frank@example.com", "pin": data["pin"]})
    assert login.status_code == 200


def test_create_takes_the_owner_from_the_token_never_the_body(trainer_api, trainer, outsider):
    response = trainer_api.post(
        CLIENTS, {**NEW, "trainer": outsider.pk, "trainer_id": outsider.pk, "user": 1, "id": 999}
    )

    assert response.status_code == 201
    client = Client.objects.get(pk=response.json()["data"]["id"])
    assert client.trainer == trainer
    assert client.pk != 999


def test_create_with_a_taken_email_is_409_and_writes_nothing(trainer_api, client_):
    response = trainer_api.post(CLIENTS, {**NEW, "email": "CAROL@example.com"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "CONFLICT"
    assert Client.objects.count() == 1
    assert User.objects.filter(email__iexact="carol@example.com").count() == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"first_name": ""}, "first_name"),
        ({"first_name": "   "}, "first_name"),
        ({"email": "frank"}, "email"),
        ({"height_cm": 20}, "height_cm"),
        ({"height_cm": 180.25}, "height_cm"),
        ({"status": "deleted"}, "status"),
        ({"date_of_birth": "28/10/1988"}, "date_of_birth"),
    ],
)
def test_create_with_bad_input_is_400_and_writes_nothing(trainer_api, change, field):
    response = trainer_api.post(CLIENTS, {**NEW, **change})

    assert response.status_code == 400
    error = response.json()["error"]
    assert error["code"] == "VALIDATION_ERROR"
    assert field in {d.get("field") for d in error["details"]}
    assert not Client.objects.exists()
    assert not User.objects.filter(role="client").exists()


def test_create_needs_a_name_and_an_email(trainer_api):
    response = trainer_api.post(CLIENTS, {"last_name": "Ocean"})

    assert response.status_code == 400
    fields = {d["field"] for d in response.json()["error"]["details"]}
    assert fields == {"first_name", "email"}


# --- list, search, filter, order -----------------------------------------------------


def test_list_shows_only_my_clients(trainer_api, client_, outsider_client):
    data = trainer_api.get(CLIENTS).json()["data"]

    assert [row["id"] for row in data] == [client_.pk]


def test_search_matches_name_and_email(trainer_api, trainer):
    ClientFactory(trainer=trainer, user__first_name="Gina", user__email="gina@gym.test")
    ClientFactory(trainer=trainer, user__first_name="Hank", user__last_name="Gino")
    ClientFactory(trainer=trainer, user__first_name="Ivy", user__email="ivy@other.test")

    def names(search: str) -> list[str]:
        rows = trainer_api.get(CLIENTS, {"search": search}).json()["data"]
        return sorted(row["first_name"] for row in rows)

    assert names("gin") == ["Gina", "Hank"]
    assert names("other.test") == ["Ivy"]
    assert names("zzz") == []


def test_status_filter(trainer_api, trainer):
    ClientFactory(trainer=trainer, status="paused", user__first_name="Paula")
    ClientFactory(trainer=trainer, status="active", user__first_name="Andy")

    rows = trainer_api.get(CLIENTS, {"status": "paused"}).json()["data"]

    assert [row["first_name"] for row in rows] == ["Paula"]
    assert trainer_api.get(CLIENTS, {"status": "bogus"}).status_code == 400


def test_ordering(trainer_api, trainer):
    for name in ["Mia", "Abe", "Zed"]:
        ClientFactory(trainer=trainer, user__first_name=name)

    def order(param: str | None) -> list[str]:
        query = {"ordering": param} if param else {}
        return [row["first_name"] for row in trainer_api.get(CLIENTS, query).json()["data"]]

    assert order(None) == ["Abe", "Mia", "Zed"]
    assert order("-first_name") == ["Zed", "Mia", "Abe"]
    assert trainer_api.get(CLIENTS, {"ordering": "pin_hash"}).status_code == 400


# --- retrieve, update, delete --------------------------------------------------------


def test_retrieve(trainer_api, client_):
    data = trainer_api.get(detail(client_)).json()["data"]

    assert data["email"] == "carol@example.com"
    assert data["first_name"] == "Carol"
    assert data["is_locked"] is False
    assert "pin_hash" not in data


def test_patch_updates_only_what_is_sent(trainer_api, client_):
    response = trainer_api.patch(detail(client_), {"status": "paused", "goals": "Squat 100 kg"})

    assert response.status_code == 200
    assert response.json()["data"]["status"] == "paused"
    client_.refresh_from_db()
    assert (client_.status, client_.goals, client_.user.first_name) == (
        "paused",
        "Squat 100 kg",
        "Carol",
    )


def test_put_replaces_the_profile(trainer_api, client_):
    response = trainer_api.put(detail(client_), {**NEW, "email": "carol.new@example.com"})

    assert response.status_code == 200
    client_.refresh_from_db()
    assert client_.user.email == "carol.new@example.com"
    assert client_.user.first_name == "Frank"
    assert str(client_.height_cm) == "183.5"


def test_put_needs_the_required_fields(trainer_api, client_):
    response = trainer_api.put(detail(client_), {"goals": "x"})

    assert response.status_code == 400
    client_.refresh_from_db()
    assert client_.goals != "x"


def test_update_to_a_taken_email_is_409_and_changes_nothing(trainer_api, client_, trainer):
    ClientFactory(trainer=trainer, user__email="taken@example.com")

    response = trainer_api.patch(
        detail(client_), {"email": "Taken@example.com", "goals": "should not stick"}
    )

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "CONFLICT"
    client_.refresh_from_db()
    assert client_.user.email == "carol@example.com"
    assert client_.goals != "should not stick"


def test_update_cannot_move_a_client_to_another_trainer(trainer_api, client_, trainer, outsider):
    trainer_api.patch(detail(client_), {"trainer": outsider.pk, "user": 1})

    client_.refresh_from_db()
    assert client_.trainer == trainer


def test_delete(trainer_api, client_):
    user_id = client_.user_id

    response = trainer_api.delete(detail(client_))

    assert response.status_code == 204
    assert response.content == b""
    assert not Client.objects.filter(pk=client_.pk).exists()
    assert not User.objects.filter(pk=user_id).exists()
    assert trainer_api.get(detail(client_)).status_code == 404


# --- reset PIN -----------------------------------------------------------------------


def test_reset_pin_issues_a_working_new_pin_and_retires_the_old_one(api, trainer_api, client_):
    response = trainer_api.post(f"{detail(client_)}reset-pin/")

    assert response.status_code == 200
    new_pin = response.json()["data"]["pin"]
    assert new_pin.isdigit()
    assert new_pin != DEFAULT_PIN
    assert response.json()["data"]["id"] == client_.pk
    login = "/api/v1/auth/pin-login/"
    assert api.post(login, {"email": "carol@example.com", "pin": DEFAULT_PIN}).status_code == 401
    assert api.post(login, {"email": "carol@example.com", "pin": new_pin}).status_code == 200


def test_reset_pin_signs_the_client_out_of_the_api(api, trainer_api, client_):
    login = api.post("/api/v1/auth/pin-login/", {"email": "carol@example.com", "pin": DEFAULT_PIN})
    refresh = login.json()["data"]["refresh"]

    trainer_api.post(f"{detail(client_)}reset-pin/")

    assert api.post("/api/v1/auth/refresh/", {"refresh": refresh}).status_code == 401


# --- tenancy and roles ---------------------------------------------------------------

VERBS = [
    ("get", ""),
    ("put", ""),
    ("patch", ""),
    ("delete", ""),
    ("post", "reset-pin/"),
]


@pytest.mark.parametrize(("method", "suffix"), VERBS)
def test_another_trainers_client_is_a_404_on_every_verb(outsider_api, client_, method, suffix):
    before = (client_.user.email, client_.pin_hash)

    response = getattr(outsider_api, method)(f"{detail(client_)}{suffix}", NEW)

    assert response.status_code == 404
    assert response.json()["error"]["code"] == "NOT_FOUND"
    client_.refresh_from_db()
    assert (client_.user.email, client_.pin_hash) == before


def test_another_trainers_client_is_not_listed_or_found_by_search(outsider_api, client_):
    assert outsider_api.get(CLIENTS, {"search": "carol"}).json()["data"] == []


@pytest.mark.parametrize(("method", "suffix"), [*VERBS, ("get", None), ("post", None)])
def test_a_client_token_is_forbidden_on_every_verb(client_api, client_, method, suffix):
    url = CLIENTS if suffix is None else f"{detail(client_)}{suffix}"

    response = getattr(client_api, method)(url, NEW)

    assert response.status_code == 403
    assert response.json()["error"]["code"] == "PERMISSION_DENIED"
    assert Client.objects.filter(pk=client_.pk).exists()


def test_no_token_is_401(api, client_):
    response = api.get(CLIENTS)

    assert response.status_code == 401
    assert response.json()["error"]["code"] == "AUTHENTICATION_FAILED"


def test_an_archived_client_cannot_sign_in_with_their_pin(api, trainer_api, client_):
    trainer_api.patch(detail(client_), {"status": "archived"})

    response = api.post(
        "/api/v1/auth/pin-login/", {"email": "carol@example.com", "pin": DEFAULT_PIN}
    )

    assert response.status_code == 401
