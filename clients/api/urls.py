from django.urls import path
from rest_framework.routers import SimpleRouter

from clients.api import views

router = SimpleRouter()
router.register("clients", views.ClientViewSet, basename="client")

urlpatterns = [
    path("auth/pin-login/", views.PinLoginView.as_view(), name="auth-pin-login"),
    path(
        "clients/<int:pk>/reminders/",
        views.ReminderSettingsView.as_view(),
        name="client-reminders",
    ),
    *router.urls,
]
