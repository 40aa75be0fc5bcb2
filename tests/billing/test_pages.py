"""The trainer's billing pages: the list with totals and filters, drafting an invoice
from a package, issuing, recording payments, packages and settings, the client's Billing
tab and the dashboard's overdue panel. Someone else's invoice is a 404."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from billing.models import BillingProfile, Invoice, Package, Payment
from billing.services.payments import payment_record
from tests.factories.billing import PackageFactory
from tests.factories.core import ClientFactory

pytestmark = pytest.mark.django_db


def _backdate(invoice: Invoice, days: int) -> None:
    Invoice.objects.filter(pk=invoice.pk).update(
        issue_date=invoice.issue_date - dt.timedelta(days=days),
        due_date=invoice.due_date - dt.timedelta(days=days),
    )


def test_the_dashboard_links_to_billing(trainer_client):
    page = trainer_client.get(reverse("progress:dashboard")).content.decode()
    assert 'href="/dashboard/billing/"' in page


def test_the_billing_page_shows_what_is_owed_overdue_and_received(trainer_client, make_invoice):
    open_one, late, paid = make_invoice(10000), make_invoice(5000), make_invoice(2000)
    _backdate(late, 30)
    payment_record(invoice=paid, amount_minor=2000, method="cash", received_on=paid.issue_date)
    payment_record(invoice=open_one, amount_minor=1500, method="cash", received_on=paid.issue_date)
    currency = open_one.currency

    page = trainer_client.get(reverse("billing:home")).content.decode()

    assert f'id="owed-{currency}">{"$"}135.00<' in page.replace("US$", "$")
    assert f'id="overdue-{currency}">$50.00<' in page
    assert f'id="received-{currency}">$35.00<' in page
    for invoice in (open_one, late, paid):
        assert invoice.display_number in page


def test_the_client_filter_lists_every_client_by_name_and_keeps_the_choice(
    trainer_client, trainer, outsider
):
    zoe = ClientFactory(trainer=trainer, user__first_name="Zoe", user__last_name="Quill")
    nameless = ClientFactory(
        trainer=trainer, user__first_name="", user__last_name="", user__email="x@example.com"
    )
    gone = ClientFactory(trainer=trainer, user__first_name="Archie", status="archived")
    ClientFactory(trainer=outsider, user__first_name="Bobsclient")
    url = reverse("billing:home")

    page = trainer_client.get(url).content.decode()
    chosen = trainer_client.get(url, {"client": zoe.pk}).content.decode()

    assert f'<option value="{zoe.pk}">Zoe Quill</option>' in page
    assert f'<option value="{nameless.pk}">x@example.com</option>' in page  # no name
    assert f'<option value="{gone.pk}">Archie' in page  # archived clients' invoices stay
    assert "Bobsclient" not in page
    assert f'<option value="{zoe.pk}" selected>Zoe Quill</option>' in chosen
    assert chosen.count(" selected>") == 2  # the client, and "All" of the status filter


def test_the_list_filters_by_status_and_search(trainer_client, make_invoice, trainer):
    late, fine = (
        make_invoice(100),
        make_invoice(200, client=ClientFactory(trainer=trainer, user__first_name="Zoe")),
    )
    _backdate(late, 30)
    url = reverse("billing:home")

    overdue = trainer_client.get(url, {"status": "overdue"}).content.decode()
    found = trainer_client.get(url, {"q": "Zoe"}, HTTP_HX_REQUEST="true").content.decode()

    assert late.display_number in overdue
    assert fine.display_number not in overdue
    assert fine.display_number in found
    assert late.display_number not in found
    assert "<html" not in found  # htmx gets the table only


@pytest.mark.parametrize(
    "query",
    [
        {"status": "nonsense"},
        {"client": "99999999999999999999999"},
        {"client": "x"},
        {"page": "-1"},
        {"q": "INV-" + "9" * 40},
    ],
)
def test_odd_filters_never_fail(trainer_client, make_invoice, query):
    make_invoice(100)
    assert trainer_client.get(reverse("billing:home"), query).status_code == 200


@pytest.mark.parametrize(
    ("url", "bound"),
    [
        (reverse("billing:home"), 10),
        (reverse("billing:home") + "?status=overdue", 10),
        (reverse("progress:dashboard"), 18),
    ],
)
def test_pages_take_the_same_queries_for_many_invoices(
    trainer_client, queries_stay_flat, url, bound
):
    queries_stay_flat(lambda: trainer_client.get(url), bound=bound)


def test_the_billing_tab_takes_the_same_queries_for_many_invoices(
    trainer_client, client_, queries_stay_flat
):
    url = reverse("billing:client", args=[client_.pk])
    queries_stay_flat(lambda: trainer_client.get(url), bound=10)


def test_a_trainer_drafts_an_invoice_from_a_package_and_issues_it(
    trainer_client, client_, package, mailoutbox, django_capture_on_commit_callbacks
):
    created = trainer_client.post(
        reverse("billing:invoice_create"),
        {"client": client_.pk, "package": package.pk, "quantity": 2, "tax_rate": "20", "notes": ""},
    )
    invoice = Invoice.objects.get()
    assert created.url == reverse("billing:invoice", args=[invoice.pk])
    assert (invoice.total_minor, invoice.tax_rate_bp) == (108000, 2000)

    added = trainer_client.post(
        reverse("billing:line_add", args=[invoice.pk]),
        {
            "line-description": "Assessment",
            "line-quantity": "1",
            "line-unit_price": "30.50",
            "line-discount": "",
        },
        HTTP_HX_REQUEST="true",
    )
    assert added.status_code == 200
    assert "Assessment" in added.content.decode()
    assert "data-focus" in added.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        issued = trainer_client.post(
            reverse("billing:invoice_issue", args=[invoice.pk]), {"send": "on"}
        )

    invoice.refresh_from_db()
    assert issued.status_code == 302
    assert invoice.status == "open"
    assert invoice.number == 1
    assert invoice.total_minor == 108000 + 3660
    assert [m.to for m in mailoutbox] == [[client_.email]]
    page = trainer_client.get(reverse("billing:invoice", args=[invoice.pk])).content.decode()
    assert invoice.display_number in page
    assert "Record a payment" in page


def test_a_bad_line_is_shown_next_to_its_field_and_adds_nothing(trainer_client, trainer, client_):
    from billing.services.invoices import invoice_create

    invoice = invoice_create(trainer=trainer, client=client_)
    response = trainer_client.post(
        reverse("billing:line_add", args=[invoice.pk]),
        {"line-description": "Session", "line-quantity": "1", "line-unit_price": "12.345"},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert 'id="id_line-unit_price_error"' in page
    assert "at most 2 decimals" in page
    assert not invoice.lines.exists()


def test_an_issued_invoice_cannot_be_edited_from_the_page(trainer_client, make_invoice):
    invoice = make_invoice(100)
    response = trainer_client.get(reverse("billing:invoice_edit", args=[invoice.pk]), follow=True)
    assert "can&#x27;t be changed" in response.content.decode()
    post = trainer_client.post(
        reverse("billing:line_add", args=[invoice.pk]),
        {"line-description": "Sneaky", "line-quantity": "1", "line-unit_price": "1"},
    )
    assert post.status_code == 302
    assert invoice.lines.count() == 1


def test_recording_a_payment_marks_it_paid(trainer_client, make_invoice):
    invoice = make_invoice(10000)
    url = reverse("billing:payment_create", args=[invoice.pk])
    form = trainer_client.get(url).content.decode()
    assert 'value="100.00"' in form  # the balance, prefilled

    too_much = trainer_client.post(
        url,
        {
            "kind": "payment",
            "amount": "100.01",
            "method": "cash",
            "received_on": invoice.issue_date.isoformat(),
        },
    )
    assert too_much.status_code == 400
    assert "more than the" in too_much.content.decode()
    assert not Payment.objects.exists()

    done = trainer_client.post(
        url,
        {
            "kind": "payment",
            "amount": "100",
            "method": "cash",
            "received_on": invoice.issue_date.isoformat(),
            "send_receipt": "on",
        },
    )
    assert done.status_code == 302
    invoice.refresh_from_db()
    assert invoice.status == "paid"
    receipt = trainer_client.get(reverse("billing:receipt", args=[Payment.objects.get().pk]))
    assert "$100.00" in receipt.content.decode()


def test_voiding_needs_a_confirmation_and_refuses_an_invoice_with_payments(
    trainer_client, make_invoice
):
    invoice = make_invoice(10000)
    payment_record(invoice=invoice, amount_minor=100, method="cash", received_on=invoice.issue_date)
    url = reverse("billing:invoice_void", args=[invoice.pk])
    assert "Void invoice" in trainer_client.get(url).content.decode()

    refused = trainer_client.post(url)

    assert refused.status_code == 409
    assert "refund" in refused.content.decode()
    invoice.refresh_from_db()
    assert invoice.status == "partially_paid"


def test_the_printable_invoice_has_the_business_details(trainer_client, trainer, make_invoice):
    from billing.services.profile import billing_profile_update

    billing_profile_update(
        trainer=trainer, legal_name="Alice Strength Ltd", address="1 Gym St", tax_id="GB999"
    )
    invoice = make_invoice(10000)
    page = trainer_client.get(reverse("billing:invoice_print", args=[invoice.pk])).content.decode()
    for text in (
        "Alice Strength Ltd",
        "1 Gym St",
        "GB999",
        invoice.display_number,
        invoice.client.full_name,
        "css/billing.css",
    ):
        assert text in page
    assert 'class="site-header"' not in page


def test_someone_elses_invoice_or_package_is_not_found(trainer_client, outsider):
    theirs_client = ClientFactory(trainer=outsider)
    from billing.services.invoices import invoice_create

    invoice = invoice_create(
        trainer=outsider, client=theirs_client, lines=[{"description": "x", "unit_price_minor": 1}]
    )
    package = PackageFactory(trainer=outsider)
    for url in (
        reverse("billing:invoice", args=[invoice.pk]),
        reverse("billing:invoice_print", args=[invoice.pk]),
        reverse("billing:invoice_issue", args=[invoice.pk]),
        reverse("billing:package_edit", args=[package.pk]),
        reverse("billing:client", args=[theirs_client.pk]),
    ):
        assert trainer_client.get(url).status_code == 404, url
    assert (
        trainer_client.post(reverse("billing:invoice_issue", args=[invoice.pk])).status_code == 404
    )
    assert (
        trainer_client.post(
            reverse("billing:line_remove", args=[invoice.lines.get().pk])
        ).status_code
        == 404
    )
    invoice.refresh_from_db()
    assert invoice.status == "draft"


def test_packages_are_added_archived_and_deleted(trainer_client, trainer, client_):
    added = trainer_client.post(
        reverse("billing:package_create"),
        {"name": "10 sessions", "price": "450", "interval": "one_off", "sessions_included": "10"},
    )
    package = Package.objects.get()
    assert added.status_code == 302
    assert package.price_minor == 45000

    taken = trainer_client.post(
        reverse("billing:package_create"),
        {"name": "10 Sessions", "price": "1", "interval": "one_off"},
    )
    assert "already have a package" in taken.content.decode()

    trainer_client.post(reverse("billing:package_archive", args=[package.pk]), {"offer": "0"})
    package.refresh_from_db()
    assert not package.is_active
    row = f'id="package-{package.pk}"'
    assert row not in trainer_client.get(reverse("billing:packages")).content.decode()
    archived = trainer_client.get(reverse("billing:packages"), {"show": "archived"})
    assert row in archived.content.decode()

    trainer_client.post(reverse("billing:package_delete", args=[package.pk]))
    assert not Package.objects.exists()


def test_billing_settings_are_saved(trainer_client, trainer):
    response = trainer_client.post(
        reverse("billing:settings"),
        {
            "legal_name": "Alice Ltd",
            "payment_terms_days": "30",
            "default_tax_rate": "7.5",
            "email": "not-an-email",
        },
    )
    assert response.status_code == 200
    assert "valid email" in response.content.decode()
    assert not BillingProfile.objects.exists()
    trainer_client.post(
        reverse("billing:settings"),
        {"legal_name": "Alice Ltd", "payment_terms_days": "30", "default_tax_rate": "7.5"},
    )
    profile = BillingProfile.objects.get()
    assert (profile.legal_name, profile.payment_terms_days, profile.default_tax_rate_bp) == (
        "Alice Ltd",
        30,
        750,
    )


def test_the_client_page_has_a_billing_tab(trainer_client, client_, make_invoice):
    invoice = make_invoice(4200)
    profile = trainer_client.get(reverse("progress:client", args=[client_.pk])).content.decode()
    assert reverse("billing:client", args=[client_.pk]) in profile

    tab = trainer_client.get(reverse("billing:client", args=[client_.pk])).content.decode()
    assert invoice.display_number in tab
    assert "Owes $42.00" in tab


def test_the_dashboard_home_lists_overdue_invoices(
    trainer_client, make_invoice, django_assert_max_num_queries
):
    late = make_invoice(5000)
    _backdate(late, 20)
    make_invoice(100)  # not due yet

    page = trainer_client.get(reverse("progress:dashboard")).content.decode()

    section = page.split('id="overdue-invoices"')[1].split("</section>")[0]
    assert late.display_number in section
    assert "$50.00" in section
    assert section.count('class="attention-item"') == 1


def test_the_attention_list_names_every_overdue_invoice_and_links_to_them(
    trainer_client, make_invoice
):
    late = [make_invoice(100 + n) for n in range(7)]
    for n, invoice in enumerate(late):
        _backdate(invoice, 20 + n)

    page = trainer_client.get(reverse("progress:dashboard")).content.decode()

    section = page.split('id="overdue-invoices"')[1].split("</section>")[0]
    assert section.count('class="attention-item"') == 7
    assert all(invoice.display_number in section for invoice in late)
    assert f"{reverse('billing:home')}?status=overdue" in section
