from django.urls import path
from rest_framework.routers import SimpleRouter

from billing.api.views import BillingProfileView, InvoiceViewSet, PackageViewSet, StripeWebhookView

router = SimpleRouter()
router.register("payments/packages", PackageViewSet, basename="package")
router.register("payments/invoices", InvoiceViewSet, basename="invoice")

urlpatterns = [
    path("payments/billing-profile/", BillingProfileView.as_view(), name="billing-profile"),
    path("payments/stripe/webhook/", StripeWebhookView.as_view(), name="stripe-webhook"),
    *router.urls,
]
