"""A test-only urlconf: the real site plus views that fail in the ways production can
(a crash whose message holds secrets, a database that can't be reached)."""

from django.conf import settings
from django.db import OperationalError
from django.urls import include, path
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView

SECRET_SQL = 'SELECT "password" FROM "fitnesspr_user" WHERE id = 1'


def _crash_message() -> str:
    return f"crash: {SECRET_SQL} key={settings.SECRET_KEY}"


class ApiBoom(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        raise RuntimeError(_crash_message())


class ApiDatabaseDown(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        raise OperationalError(f"connection to server failed: {SECRET_SQL}")


def page_boom(request):
    raise RuntimeError(_crash_message())


def page_database_down(request):
    raise OperationalError(f"connection to server failed: {SECRET_SQL}")


# the site's own error handlers, as in fitnesspr.urls
handler400 = "fitnesspr.views.bad_request"
handler404 = "fitnesspr.views.not_found"
handler500 = "fitnesspr.views.server_error"

urlpatterns = [
    path("api/v1/test-boom/", ApiBoom.as_view()),
    path("api/v1/test-database-down/", ApiDatabaseDown.as_view()),
    path("test-boom/", page_boom),
    path("test-database-down/", page_database_down),
    path("", include("fitnesspr.urls")),
]
