from django.urls import path

from progress.views import portal_training as views

app_name = "portal_training"

urlpatterns = [
    path("", views.today, name="today"),
    path("day/<int:day_id>/", views.log_day, name="log_day"),
    path("workouts/", views.history, name="history"),
    path("workouts/<int:log_id>/", views.workout, name="workout"),
    path("workouts/<int:log_id>/edit/", views.log_edit, name="edit"),
    path("bests/", views.bests, name="bests"),
    path("exercises/<int:exercise_id>/", views.exercise, name="exercise"),
]
