"""/api/v1/payments/: trainers manage packages and invoices; clients read their own issued
invoices and payments; everyone else's rows are a 404; refusals come in the envelope."""

from __future__ import annotations

import pytest

from billing.models import Invoice, Package
from tests.api.conftest import bearer
from tests.factories.billing import InvoiceLineFactory, PackageFactory
from tests.factories.core import ClientFactory

pytestmark = pytest.mark.django_db

PACKAGES = "/api/v1/payments/packages/"
INVOICES = "/api/v1/payments/invoices/"


class TestPackages:
    def test_a_trainer_adds_a_package_in_their_currency(self, trainer_api, trainer):
        response = trainer_api.post(
            PACKAGES,
            {
                "name": "Monthly coaching",
                "price_minor": 12000,
                "interval": "monthly",
                "currency": "JPY",
            },
        )
        assert response.status_code == 201, response.json()
        data = response.json()["data"]
        assert (data["currency"], data["times_invoiced"], data["is_active"]) == (
            trainer.currency,
            0,
            True,
        )
        assert Package.objects.get().trainer == trainer

    def test_a_taken_name_is_a_conflict(self, trainer_api, trainer):
        PackageFactory(trainer=trainer, name="10 sessions")
        response = trainer_api.post(PACKAGES, {"name": "10 SESSIONS", "price_minor": 1})
        assert response.status_code == 409
        assert response.json()["error"]["details"][0]["field"] == "name"

    def test_an_invoiced_package_is_archived_not_deleted(self, trainer_api, trainer, client_):
        package = PackageFactory(trainer=trainer)
        InvoiceLineFactory(invoice__client=client_, package=package)

        deleted = trainer_api.delete(f"{PACKAGES}{package.pk}/")
        archived = trainer_api.patch(f"{PACKAGES}{package.pk}/", {"is_active": False})

        assert deleted.status_code == 409
        assert "Archive it" in deleted.json()["error"]["message"]
        assert archived.status_code == 200
        assert archived.json()["data"]["is_active"] is False

    def test_an_unused_package_is_deleted(self, trainer_api, trainer):
        package = PackageFactory(trainer=trainer)
        assert trainer_api.delete(f"{PACKAGES}{package.pk}/").status_code == 204
        assert not Package.objects.exists()

    def test_clients_and_outsiders_cannot_reach_packages(self, client_api, outsider_api, trainer):
        package = PackageFactory(trainer=trainer)
        assert client_api.get(PACKAGES).status_code == 403
        assert outsider_api.get(f"{PACKAGES}{package.pk}/").status_code == 404
        assert outsider_api.patch(f"{PACKAGES}{package.pk}/", {"price_minor": 1}).status_code == 404


def _draft(api, client, **extra):
    body = {
        "client": client.pk,
        "tax_rate_bp": 2000,
        "lines": [{"description": "Session", "quantity": 2, "unit_price_minor": 5000}],
        **extra,
    }
    return api.post(INVOICES, body, format="json")


class TestInvoices:
    def test_a_trainer_writes_a_draft_with_lines(self, trainer_api, client_, trainer):
        package = PackageFactory(trainer=trainer, price_minor=45000)
        response = _draft(
            trainer_api,
            client_,
            lines=[
                {"package": package.pk, "discount_bp": 1000},
                {"description": "Assessment", "unit_price_minor": 3000},
            ],
        )
        assert response.status_code == 201, response.json()
        data = response.json()["data"]
        assert data["status"] == "draft"
        assert data["number"].startswith("Draft")
        assert [line["total_minor"] for line in data["lines"]] == [40500, 3000]
        assert (data["subtotal_minor"], data["tax_minor"], data["total_minor"]) == (
            43500,
            8700,
            52200,
        )

    def test_owner_fields_are_not_read_from_the_body(self, trainer_api, client_, outsider):
        response = _draft(trainer_api, client_, trainer=outsider.pk, currency="JPY", status="paid")
        data = response.json()["data"]
        invoice = Invoice.objects.get(pk=data["id"])
        assert (invoice.trainer_id, data["status"]) == (client_.trainer_id, "draft")
        assert data["currency"] == client_.trainer.currency

    def test_another_trainers_client_or_package_is_refused(
        self, trainer_api, client_, outsider, outsider_client
    ):
        theirs = PackageFactory(trainer=outsider)
        for response in (
            _draft(trainer_api, outsider_client),
            _draft(trainer_api, client_, lines=[{"package": theirs.pk}]),
        ):
            assert response.status_code == 400
        assert not Invoice.objects.exists()

    def test_bad_lines_are_a_validation_error(self, trainer_api, client_):
        response = _draft(trainer_api, client_, lines=[{"description": "No price"}])
        assert response.status_code == 400
        assert response.json()["error"]["code"] == "VALIDATION_ERROR"
        assert not Invoice.objects.exists()

    def test_issue_then_editing_is_a_conflict(self, trainer_api, client_):
        invoice_id = _draft(trainer_api, client_).json()["data"]["id"]

        issued = trainer_api.post(f"{INVOICES}{invoice_id}/issue/", {"send": False}, format="json")
        edited = trainer_api.patch(f"{INVOICES}{invoice_id}/", {"notes": "changed"}, format="json")
        deleted = trainer_api.delete(f"{INVOICES}{invoice_id}/")

        assert issued.status_code == 200
        assert issued.json()["data"]["number"].startswith("INV-")
        assert issued.json()["data"]["status"] == "open"
        assert (edited.status_code, deleted.status_code) == (409, 409)
        assert "can't be changed" in edited.json()["error"]["message"]
        assert Invoice.objects.get().notes == ""

    def test_a_draft_is_replaced_whole(self, trainer_api, client_):
        invoice_id = _draft(trainer_api, client_).json()["data"]["id"]
        response = trainer_api.put(
            f"{INVOICES}{invoice_id}/",
            {"client": client_.pk, "lines": [{"description": "Plan", "unit_price_minor": 999}]},
            format="json",
        )
        assert response.status_code == 200
        assert [line["description"] for line in response.json()["data"]["lines"]] == ["Plan"]

    def test_a_client_reads_their_issued_invoices_only(
        self, trainer_api, client_api, client_, trainer
    ):
        draft_id = _draft(trainer_api, client_).json()["data"]["id"]
        issued_id = _draft(trainer_api, client_).json()["data"]["id"]
        trainer_api.post(f"{INVOICES}{issued_id}/issue/", {"send": False}, format="json")
        sibling = ClientFactory(trainer=trainer)

        listing = client_api.get(INVOICES)

        assert [row["id"] for row in listing.json()["data"]] == [issued_id]
        assert client_api.get(f"{INVOICES}{draft_id}/").status_code == 404
        assert bearer(sibling.user).get(f"{INVOICES}{issued_id}/").status_code == 404
        assert client_api.post(f"{INVOICES}{issued_id}/void/").status_code == 403
        assert client_api.post(INVOICES, {}).status_code == 403

    def test_another_trainers_invoice_is_not_found(self, trainer_api, outsider_api, client_):
        invoice_id = _draft(trainer_api, client_).json()["data"]["id"]
        for call in (
            lambda: outsider_api.get(f"{INVOICES}{invoice_id}/"),
            lambda: outsider_api.post(f"{INVOICES}{invoice_id}/issue/"),
            lambda: outsider_api.post(
                f"{INVOICES}{invoice_id}/payments/", {"amount_minor": 1, "method": "cash"}
            ),
            lambda: outsider_api.delete(f"{INVOICES}{invoice_id}/"),
        ):
            assert call().status_code == 404
        assert Invoice.objects.get().status == "draft"

    def test_filters(self, trainer_api, make_invoice, trainer, client_):
        first = make_invoice(100)
        other = make_invoice(200, client=ClientFactory(trainer=trainer, user__first_name="Zed"))
        trainer_api.post(f"{INVOICES}{first.pk}/payments/", {"amount_minor": 100, "method": "cash"})

        def ids(**query):
            return [row["id"] for row in trainer_api.get(INVOICES, query).json()["data"]]

        assert ids(status="paid") == [first.pk]
        assert ids(client=other.client_id) == [other.pk]
        assert ids(search=other.display_number) == [other.pk]
        assert ids(search="Zed") == [other.pk]
        assert trainer_api.get(INVOICES, {"status": "bogus"}).status_code == 400
        assert trainer_api.get(INVOICES, {"client": 10**30}).status_code == 400

    def test_overdue_filter(self, trainer_api, make_invoice):
        late = make_invoice(100)
        Invoice.objects.filter(pk=late.pk).update(
            issue_date=late.issue_date.replace(year=2020), due_date=late.due_date.replace(year=2020)
        )
        make_invoice(200)
        rows = trainer_api.get(INVOICES, {"status": "overdue"}).json()["data"]
        assert [(row["id"], row["is_overdue"]) for row in rows] == [(late.pk, True)]


class TestPayments:
    def test_a_trainer_records_a_part_payment_and_a_refund(self, trainer_api, make_invoice):
        invoice = make_invoice(10000)
        url = f"{INVOICES}{invoice.pk}/payments/"

        paid = trainer_api.post(
            url, {"amount_minor": 6000, "method": "bank_transfer", "reference": "T-1"}
        )
        refunded = trainer_api.post(url, {"kind": "refund", "amount_minor": 1000, "method": "cash"})

        assert (paid.status_code, refunded.status_code) == (201, 201)
        detail = trainer_api.get(f"{INVOICES}{invoice.pk}/").json()["data"]
        assert (detail["status"], detail["balance_due_minor"]) == ("partially_paid", 5000)
        rows = trainer_api.get(url).json()["data"]
        assert [(r["kind"], r["amount_minor"]) for r in rows] == [
            ("payment", 6000),
            ("refund", 1000),
        ]

    def test_more_than_the_balance_is_a_clear_error(self, trainer_api, make_invoice):
        invoice = make_invoice(10000)
        response = trainer_api.post(
            f"{INVOICES}{invoice.pk}/payments/", {"amount_minor": 10001, "method": "cash"}
        )
        assert response.status_code == 400
        error = response.json()["error"]
        assert error["details"][0]["field"] == "amount_minor"
        assert "more than the" in error["message"]

    @pytest.mark.parametrize(
        "body",
        [
            {"amount_minor": 0, "method": "cash"},
            {"amount_minor": 5, "method": "stripe"},
            {"amount_minor": 5, "method": "cash", "received_on": "1999-01-01"},
        ],
    )
    def test_bad_payments_are_refused(self, trainer_api, make_invoice, body):
        invoice = make_invoice(10000)
        assert trainer_api.post(f"{INVOICES}{invoice.pk}/payments/", body).status_code == 400

    def test_clients_see_their_receipts_but_cannot_record_payments(self, client_api, make_invoice):
        invoice = make_invoice(10000)
        url = f"{INVOICES}{invoice.pk}/payments/"
        assert client_api.post(url, {"amount_minor": 1, "method": "cash"}).status_code == 403
        assert client_api.get(url).json()["data"] == []


def test_the_billing_profile_is_the_trainers(trainer_api, client_api):
    saved = trainer_api.patch(
        "/api/v1/payments/billing-profile/", {"legal_name": "Alice Ltd", "payment_terms_days": 30}
    )
    assert saved.status_code == 200
    assert (
        trainer_api.get("/api/v1/payments/billing-profile/").json()["data"]["payment_terms_days"]
        == 30
    )
    bad = trainer_api.patch("/api/v1/payments/billing-profile/", {"payment_terms_days": 400})
    assert bad.status_code == 400
    assert client_api.get("/api/v1/payments/billing-profile/").status_code == 403


def test_the_payments_api_is_documented(api):
    paths = api.get("/api/v1/schema/", {"format": "json"}).json()["paths"]
    for path in (
        "/api/v1/payments/packages/",
        "/api/v1/payments/invoices/",
        "/api/v1/payments/invoices/{id}/issue/",
        "/api/v1/payments/invoices/{id}/void/",
        "/api/v1/payments/invoices/{id}/intent/",
        "/api/v1/payments/invoices/{id}/payments/",
        "/api/v1/payments/stripe/webhook/",
    ):
        assert path in paths, path
    assert set(paths["/api/v1/payments/invoices/{id}/payments/"]) == {"get", "post"}
