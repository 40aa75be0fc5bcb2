"""The API router: /api/v1/. Each app lists its own endpoints in `<app>/api/urls.py`;
this root module (one of the few core modules allowed to name domain apps) puts them
under one namespace, with the token endpoints, the schema, the docs and the catch-all."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView

from fitnesspr.api.auth import views as auth
from fitnesspr.api.views import NotFoundView, docs_view

app_name = "api"

urlpatterns = [
    path("auth/refresh/", auth.RefreshView.as_view(), name="auth-refresh"),
    path("auth/logout/", auth.LogoutView.as_view(), name="auth-logout"),
    path("auth/me/", auth.MeView.as_view(), name="auth-me"),
    path("", include("trainers.api.urls")),
    path("", include("clients.api.urls")),
    path("", include("programs.api.urls")),
    path("", include("nutrition.api.urls")),
    path("", include("progress.api.urls")),
    path("", include("billing.api.urls")),
    path("", include("portability.api.urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs_view, name="docs"),
    # Must stay last: everything else under /api/v1/ is a 404 in the envelope.
    re_path(r"^[\s\S]*$", NotFoundView.as_view(), name="not-found"),
]
