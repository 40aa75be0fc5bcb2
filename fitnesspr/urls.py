from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from fitnesspr import health, views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("accounts/", include("trainers.urls_accounts")),
    path("dashboard/", include("trainers.urls")),
    path("dashboard/clients/", include("clients.urls")),
    path("dashboard/exercises/", include("programs.urls_exercises")),
    path("dashboard/programs/", include("programs.urls_programs")),
    path("dashboard/clients/<int:client_id>/training/", include("progress.urls_trainer")),
    path("portal/", include("clients.urls_portal")),
    path("portal/training/", include("progress.urls_portal")),
    path("api/v1/", include("fitnesspr.api.urls")),
    path("admin/", admin.site.urls),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
