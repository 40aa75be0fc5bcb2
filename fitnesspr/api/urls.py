from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from clients.api.views import ClientViewSet
from fitnesspr.api.auth import views as auth
from fitnesspr.api.views import NotFoundView, docs_view
from trainers.api.views import TrainerMeView

app_name = "api"

router = SimpleRouter()
router.register("clients", ClientViewSet, basename="client")

urlpatterns = [
    path("auth/register/", auth.RegisterView.as_view(), name="auth-register"),
    path("auth/login/", auth.LoginView.as_view(), name="auth-login"),
    path("auth/pin-login/", auth.PinLoginView.as_view(), name="auth-pin-login"),
    path("auth/refresh/", auth.RefreshView.as_view(), name="auth-refresh"),
    path("auth/logout/", auth.LogoutView.as_view(), name="auth-logout"),
    path("auth/me/", auth.MeView.as_view(), name="auth-me"),
    path("trainers/me/", TrainerMeView.as_view(), name="trainer-me"),
    *router.urls,
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs_view, name="docs"),
    # Must stay last: everything else under /api/v1/ is a 404 in the envelope.
    re_path(r"^.*$", NotFoundView.as_view(), name="not-found"),
]
