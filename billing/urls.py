"""The billing app's pages: the trainer's invoices, packages and billing settings under
/dashboard/billing/, a client's Billing tab, and the client's invoices in the portal."""

from django.urls import path

from billing import views_portal as portal
from billing.views import actions, client, invoices, packages, settings

app_name = "billing"

urlpatterns = [
    path("dashboard/billing/", invoices.invoice_list, name="home"),
    path("dashboard/billing/invoices/new/", invoices.invoice_create, name="invoice_create"),
    path("dashboard/billing/invoices/<int:pk>/", invoices.invoice_detail, name="invoice"),
    path("dashboard/billing/invoices/<int:pk>/edit/", invoices.invoice_edit, name="invoice_edit"),
    path(
        "dashboard/billing/invoices/<int:pk>/delete/",
        invoices.invoice_delete,
        name="invoice_delete",
    ),
    path("dashboard/billing/invoices/<int:pk>/lines/", invoices.line_add, name="line_add"),
    path("dashboard/billing/lines/<int:pk>/delete/", invoices.line_remove, name="line_remove"),
    path(
        "dashboard/billing/invoices/<int:pk>/print/", invoices.invoice_print, name="invoice_print"
    ),
    path("dashboard/billing/invoices/<int:pk>/pdf/", invoices.invoice_pdf, name="invoice_pdf"),
    path("dashboard/billing/invoices/<int:pk>/issue/", actions.invoice_issue, name="invoice_issue"),
    path("dashboard/billing/invoices/<int:pk>/send/", actions.invoice_send, name="invoice_send"),
    path("dashboard/billing/invoices/<int:pk>/void/", actions.invoice_void, name="invoice_void"),
    path(
        "dashboard/billing/invoices/<int:pk>/uncollectible/",
        actions.invoice_uncollectible,
        name="invoice_uncollectible",
    ),
    path(
        "dashboard/billing/invoices/<int:pk>/payments/new/",
        actions.payment_create,
        name="payment_create",
    ),
    path("dashboard/billing/receipts/<int:pk>/", actions.receipt, name="receipt"),
    path("dashboard/billing/packages/", packages.package_list, name="packages"),
    path("dashboard/billing/packages/new/", packages.package_create, name="package_create"),
    path("dashboard/billing/packages/<int:pk>/edit/", packages.package_edit, name="package_edit"),
    path(
        "dashboard/billing/packages/<int:pk>/archive/",
        packages.package_archive,
        name="package_archive",
    ),
    path(
        "dashboard/billing/packages/<int:pk>/delete/",
        packages.package_delete,
        name="package_delete",
    ),
    path("dashboard/billing/settings/", settings.billing_settings, name="settings"),
    path("dashboard/clients/<int:client_id>/billing/", client.client_billing, name="client"),
    path("portal/invoices/", portal.invoice_list, name="portal_invoices"),
    path("portal/invoices/<int:pk>/", portal.invoice_detail, name="portal_invoice"),
    path("portal/invoices/<int:pk>/pay/", portal.invoice_pay, name="portal_pay"),
    path("portal/invoices/<int:pk>/print/", portal.invoice_print, name="portal_print"),
    path("portal/invoices/<int:pk>/pdf/", portal.invoice_pdf, name="portal_invoice_pdf"),
    path("portal/receipts/<int:pk>/", portal.receipt, name="portal_receipt"),
]
