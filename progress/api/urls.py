from django.urls import path
from rest_framework.routers import SimpleRouter

from progress.api.views.body import (
    CustomMeasurementViewSet,
    MeasurementViewSet,
    PhotoFileView,
    PhotoViewSet,
    SettingsView,
    SummaryView,
    UploadView,
)
from progress.api.views.check_ins import (
    CheckInViewSet,
    WorkoutRepliesReadView,
    WorkoutRepliesView,
)
from progress.api.views.reports import ReportViewSet
from progress.api.views.strength import OneRepMaxViewSet
from progress.api.views.training import AdherenceView, ExerciseHistoryView, TodayView
from progress.api.views.workout_logs import WorkoutLogViewSet

router = SimpleRouter()
router.register("progress/workout-logs", WorkoutLogViewSet, basename="workout-log")
router.register("progress/measurements", MeasurementViewSet, basename="measurement")
router.register(
    "progress/custom-measurements", CustomMeasurementViewSet, basename="custom-measurement"
)
router.register("progress/photos", PhotoViewSet, basename="progress-photo")
router.register("progress/check-ins", CheckInViewSet, basename="check-in")
router.register("progress/one-rep-maxes", OneRepMaxViewSet, basename="one-rep-max")
router.register("progress/reports", ReportViewSet, basename="progress-report")

urlpatterns = [
    path("progress/today/", TodayView.as_view(), name="progress-today"),
    path(
        "progress/exercises/<int:exercise_id>/history/",
        ExerciseHistoryView.as_view(),
        name="progress-exercise-history",
    ),
    path("progress/adherence/", AdherenceView.as_view(), name="progress-adherence"),
    path(
        "progress/workout-logs/<int:pk>/replies/",
        WorkoutRepliesView.as_view(),
        name="workout-log-replies",
    ),
    path(
        "progress/workout-logs/<int:pk>/replies/read/",
        WorkoutRepliesReadView.as_view(),
        name="workout-log-replies-read",
    ),
    path(
        "progress/photos/<int:pk>/<str:variant>/",
        PhotoFileView.as_view(),
        name="progress-photo-file",
    ),
    path("progress/settings/", SettingsView.as_view(), name="progress-settings"),
    path("progress/summary/", SummaryView.as_view(), name="progress-summary"),
    path("uploads/", UploadView.as_view(), name="uploads"),
    *router.urls,
]
