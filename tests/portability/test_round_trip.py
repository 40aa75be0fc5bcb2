"""Export → import into a fresh account → export again gives the same data, ids aside:
every record of every kind, the CSVs and the photo files."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.db.models import F, Value
from django.db.models.functions import Concat

from billing.models import Payment
from fitnesspr.models import User
from portability.models import ImportStatus
from portability.services.exports import archive_write
from portability.services.imports import data_import_run
from tests.factories.core import TrainerFactory
from tests.portability.conftest import read_zip

pytestmark = pytest.mark.django_db

#: what belongs to the account rather than to the data (who signs in, when it was made)
ACCOUNT_FIELDS = {"email", "first_name", "last_name", "slug", "created_at"}


def export_bytes(trainer) -> bytes:
    buffer = io.BytesIO()
    archive_write(trainer=trainer, target=buffer)
    return buffer.getvalue()


def normalised(content: bytes) -> dict[str, object]:
    archive = read_zip(content)
    out: dict[str, object] = {}
    for name in sorted(archive.namelist()):
        data = archive.read(name)
        if name == "manifest.json":
            manifest = json.loads(data)
            manifest.pop("exported_at")
            out[name] = manifest
        elif name == "profile.json":
            out[name] = {k: v for k, v in json.loads(data).items() if k not in ACCOUNT_FIELDS}
        else:
            out[name] = data
    return out


def move_away(trainer) -> None:
    """The first account's clients and Stripe ids make room, as on another installation."""
    User.objects.filter(client_profile__trainer=trainer).update(
        email=Concat(Value("old-"), F("email"))
    )
    Payment.objects.filter(invoice__trainer=trainer).update(
        stripe_payment_intent_id="", stripe_checkout_session_id="", stripe_refund_key=""
    )


def test_export_import_export_is_exact(rich_trainer):
    first = export_bytes(rich_trainer)
    move_away(rich_trainer)
    fresh = TrainerFactory(business_name="Somewhere else")

    result = data_import_run(trainer=fresh, upload=io.BytesIO(first), filename="first.zip")

    assert result.status == ImportStatus.DONE, result.error
    second = export_bytes(fresh)
    one, two = normalised(first), normalised(second)
    assert one.keys() == two.keys()
    for name in one:
        assert one[name] == two[name], name
    fresh.refresh_from_db()
    assert fresh.business_name == rich_trainer.business_name


def test_imported_clients_get_new_pins(rich_trainer):
    first = export_bytes(rich_trainer)
    old_hashes = set(rich_trainer.clients.values_list("pin_hash", flat=True))
    move_away(rich_trainer)
    fresh = TrainerFactory()

    data_import_run(trainer=fresh, upload=io.BytesIO(first))

    new_hashes = set(fresh.clients.values_list("pin_hash", flat=True))
    assert len(new_hashes) == fresh.clients.count() == 4
    assert not new_hashes & old_hashes


def test_the_import_copies_the_photo_files(rich_trainer):
    first = export_bytes(rich_trainer)
    move_away(rich_trainer)
    fresh = TrainerFactory()

    data_import_run(trainer=fresh, upload=io.BytesIO(first))

    from progress.models import ProgressPhoto

    before = ProgressPhoto.objects.filter(client__trainer=rich_trainer).order_by("pk")
    after = ProgressPhoto.objects.filter(client__trainer=fresh).order_by("pk")
    assert [p.image.read() for p in before] == [p.image.read() for p in after]
    assert {p.image.name for p in before}.isdisjoint({p.image.name for p in after})


def test_a_zip_written_by_hand_in_the_same_shape_imports(trainer):
    """A small export made by hand: the format is documented enough to write."""
    empty = TrainerFactory()
    content = export_bytes(empty)
    archive = read_zip(content)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as copy:
        for name in archive.namelist():
            data = archive.read(name)
            if name == "clients.json":
                data = json.dumps(
                    [
                        {
                            "id": 1,
                            "phone": "",
                            "date_of_birth": None,
                            "height_cm": None,
                            "goals": "Run 10k",
                            "notes": "",
                            "status": "active",
                            "created_at": "2026-01-05T10:00:00+00:00",
                            "updated_at": "2026-01-05T10:00:00+00:00",
                            "email": "new.client@example.com",
                            "first_name": "Nia",
                            "last_name": "Park",
                        }
                    ]
                ).encode()
            copy.writestr(name, data)

    result = data_import_run(trainer=trainer, upload=io.BytesIO(out.getvalue()))

    assert result.status == ImportStatus.DONE, result.error
    imported = trainer.clients.get()
    assert imported.goals == "Run 10k"
    assert imported.created_at.year == 2026
