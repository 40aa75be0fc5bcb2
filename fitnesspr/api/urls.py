from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework.routers import SimpleRouter

from clients.api.views import ClientViewSet
from fitnesspr.api.auth import views as auth
from fitnesspr.api.views import NotFoundView, docs_view
from programs.api.views_assignments import AssignmentViewSet
from programs.api.views_exercises import ExerciseViewSet
from programs.api.views_programs import ProgramViewSet
from progress.api.views import WorkoutLogViewSet
from progress.api.views_training import AdherenceView, ExerciseHistoryView, TodayView
from trainers.api.views import TrainerMeView

app_name = "api"

router = SimpleRouter()
router.register("clients", ClientViewSet, basename="client")
router.register("exercises", ExerciseViewSet, basename="exercise")
router.register("programs/assignments", AssignmentViewSet, basename="program-assignment")
router.register("programs", ProgramViewSet, basename="program")
router.register("progress/workout-logs", WorkoutLogViewSet, basename="workout-log")

urlpatterns = [
    path("auth/register/", auth.RegisterView.as_view(), name="auth-register"),
    path("auth/login/", auth.LoginView.as_view(), name="auth-login"),
    path("auth/pin-login/", auth.PinLoginView.as_view(), name="auth-pin-login"),
    path("auth/refresh/", auth.RefreshView.as_view(), name="auth-refresh"),
    path("auth/logout/", auth.LogoutView.as_view(), name="auth-logout"),
    path("auth/me/", auth.MeView.as_view(), name="auth-me"),
    path("trainers/me/", TrainerMeView.as_view(), name="trainer-me"),
    path("progress/today/", TodayView.as_view(), name="progress-today"),
    path(
        "progress/exercises/<int:exercise_id>/history/",
        ExerciseHistoryView.as_view(),
        name="progress-exercise-history",
    ),
    path("progress/adherence/", AdherenceView.as_view(), name="progress-adherence"),
    *router.urls,
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs_view, name="docs"),
    # Must stay last: everything else under /api/v1/ is a 404 in the envelope.
    re_path(r"^.*$", NotFoundView.as_view(), name="not-found"),
]
