"""A test-only urlconf: the real API plus a view that raises."""

from django.urls import include, path
from rest_framework.permissions import AllowAny
from rest_framework.views import APIView


class BoomView(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        raise RuntimeError("kaboom: secret internals")


urlpatterns = [
    path("api/v1/boom/", BoomView.as_view()),
    path("api/v1/", include("fitnesspr.api.urls")),
]
