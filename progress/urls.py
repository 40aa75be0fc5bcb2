"""The progress app's pages. Besides the training pages (the trainer's Training tab of a
client, the client's Today, log, history and bests), it holds the pages that gather
every domain: the dashboard home, the client page and the portal home."""

from django.urls import path

from progress.views import client, clients, home, training
from progress.views_portal import home as portal_home
from progress.views_portal import training as portal

app_name = "progress"

urlpatterns = [
    path("dashboard/", home.dashboard, name="dashboard"),
    path("dashboard/clients/", clients.client_list, name="client_list"),
    path("dashboard/clients/<int:pk>/", client.client_page, name="client"),
    path("dashboard/clients/<int:client_id>/training/", training.overview, name="training"),
    path(
        "dashboard/clients/<int:client_id>/training/one-rep-maxes/",
        training.one_rep_maxes,
        name="one_rep_maxes",
    ),
    path(
        "dashboard/clients/<int:client_id>/training/one-rep-maxes/<int:pk>/delete/",
        training.one_rep_max_remove,
        name="one_rep_max_delete",
    ),
    path(
        "dashboard/clients/<int:client_id>/training/exercises/<int:exercise_id>/",
        training.exercise,
        name="training_exercise",
    ),
    path("portal/", portal_home.portal_home, name="portal_home"),
    path("portal/training/", portal.today, name="portal_today"),
    path("portal/training/day/<int:day_id>/", portal.log_day, name="portal_log_day"),
    path("portal/training/workouts/", portal.history, name="portal_history"),
    path("portal/training/workouts/<int:log_id>/", portal.workout, name="portal_workout"),
    path(
        "portal/training/workouts/<int:log_id>/edit/",
        portal.log_edit,
        name="portal_workout_edit",
    ),
    path("portal/training/bests/", portal.bests, name="portal_bests"),
    path("portal/training/exercises/<int:exercise_id>/", portal.exercise, name="portal_exercise"),
]
