"""The progress app's pages. Besides the training pages (the trainer's Training tab of a
client, the client's Today, log, history and bests) and the body-progress pages
(measurements, photos, check-ins and their conversations), it holds the pages that
gather every domain: the dashboard home, the client page and the portal home."""

from django.urls import path

from progress.views import (
    attention,
    body,
    check_ins,
    client,
    clients,
    home,
    photo_files,
    reports,
    training,
)
from progress.views_portal import body as portal_body
from progress.views_portal import check_ins as portal_check_ins
from progress.views_portal import home as portal_home
from progress.views_portal import training as portal

app_name = "progress"

CLIENT = "dashboard/clients/<int:client_id>/"

urlpatterns = [
    path("dashboard/", home.dashboard, name="dashboard"),
    path("dashboard/attention/dismiss/", attention.dismiss, name="attention_dismiss"),
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
    path(CLIENT + "progress/", body.progress_tab, name="client_progress"),
    path(CLIENT + "progress/measurements/", body.measurements, name="measurements"),
    path(
        CLIENT + "progress/measurements/<int:pk>/",
        body.measurement_edit,
        name="measurement_edit",
    ),
    path(
        CLIENT + "progress/measurements/<int:pk>/delete/",
        body.measurement_delete,
        name="measurement_delete",
    ),
    path(CLIENT + "progress/photos/", body.photos, name="photos"),
    path(CLIENT + "progress/photos/<int:pk>/delete/", body.photo_remove, name="photo_delete"),
    path(CLIENT + "progress/settings/", body.settings, name="progress_settings"),
    path(CLIENT + "progress/settings/measurements/", body.custom_add, name="custom_add"),
    path(
        CLIENT + "progress/settings/measurements/<int:pk>/remove/",
        body.custom_remove,
        name="custom_remove",
    ),
    path(CLIENT + "progress/reports/", reports.request_report, name="report_request"),
    path(CLIENT + "progress/reports/<int:pk>/", reports.report_row, name="report_row"),
    path(CLIENT + "progress/reports/<int:pk>/retry/", reports.retry_report, name="report_retry"),
    path(CLIENT + "progress/reports/<int:pk>/file/", reports.report_file, name="report_file"),
    path(CLIENT + "progress/check-ins/<int:pk>/", check_ins.check_in, name="check_in"),
    path(CLIENT + "workouts/<int:pk>/", check_ins.workout_thread_page, name="workout_thread"),
    # Progress photos, for the client, their trainer and staff alike (access-checked).
    path("photos/<int:pk>/<str:variant>.jpg", photo_files.photo_file, name="photo_file"),
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
    path(
        "portal/training/workouts/<int:log_id>/reply/",
        portal_check_ins.workout_reply,
        name="portal_workout_reply",
    ),
    path("portal/training/bests/", portal.bests, name="portal_bests"),
    path("portal/training/exercises/<int:exercise_id>/", portal.exercise, name="portal_exercise"),
    path("portal/progress/", portal_body.progress_page, name="portal_progress"),
    path("portal/progress/weigh-in/", portal_body.weigh_in, name="portal_weigh_in"),
    path("portal/progress/measurements/", portal_body.measurements, name="portal_measurements"),
    path(
        "portal/progress/measurements/new/",
        portal_body.measurement_add,
        name="portal_measurement_add",
    ),
    path(
        "portal/progress/measurements/<int:pk>/",
        portal_body.measurement_edit,
        name="portal_measurement_edit",
    ),
    path(
        "portal/progress/measurements/<int:pk>/delete/",
        portal_body.measurement_remove,
        name="portal_measurement_delete",
    ),
    path("portal/progress/photos/", portal_body.photos, name="portal_photos"),
    path("portal/progress/photos/new/", portal_body.photo_upload, name="portal_photo_upload"),
    path(
        "portal/progress/photos/<int:pk>/delete/",
        portal_body.photo_remove,
        name="portal_photo_delete",
    ),
    path("portal/progress/photos/consent/", portal_body.photo_consent, name="portal_photo_consent"),
    path("portal/check-ins/", portal_check_ins.check_ins, name="portal_check_ins"),
    path("portal/check-ins/new/", portal_check_ins.check_in_new, name="portal_check_in_new"),
    path("portal/check-ins/<int:pk>/", portal_check_ins.check_in, name="portal_check_in"),
]
