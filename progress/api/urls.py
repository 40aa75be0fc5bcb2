from django.urls import path
from rest_framework.routers import SimpleRouter

from progress.api.views.strength import OneRepMaxViewSet
from progress.api.views.training import AdherenceView, ExerciseHistoryView, TodayView
from progress.api.views.workout_logs import WorkoutLogViewSet

router = SimpleRouter()
router.register("progress/workout-logs", WorkoutLogViewSet, basename="workout-log")
router.register("progress/one-rep-maxes", OneRepMaxViewSet, basename="one-rep-max")

urlpatterns = [
    path("progress/today/", TodayView.as_view(), name="progress-today"),
    path(
        "progress/exercises/<int:exercise_id>/history/",
        ExerciseHistoryView.as_view(),
        name="progress-exercise-history",
    ),
    path("progress/adherence/", AdherenceView.as_view(), name="progress-adherence"),
    *router.urls,
]
