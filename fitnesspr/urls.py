"""The root URLs: each app lists its own pages (under /accounts/, /dashboard/ and
/portal/) in its urls.py, with a namespace named after the app; the API lives under
/api/v1/. One of the few core modules allowed to name domain apps."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from fitnesspr import health, metrics, views

handler400 = "fitnesspr.views.bad_request"
handler404 = "fitnesspr.views.not_found"
handler500 = "fitnesspr.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("metrics", metrics.metrics, name="metrics"),
    # Before the pages: Django tries patterns in order, and the pages' 180-odd patterns
    # (none of which starts with api/) cost every API request their regexes (~0.6 ms).
    path("api/v1/", include("fitnesspr.api.urls")),
    path("", include("trainers.urls")),
    path("", include("clients.urls")),
    path("", include("programs.urls")),
    path("", include("nutrition.urls")),
    path("", include("progress.urls")),
    path("", include("billing.urls")),
    path("", include("portability.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
