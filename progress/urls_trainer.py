from django.urls import path

from progress.views import trainer_training as views

app_name = "client_training"

# Included under dashboard/clients/<int:client_id>/training/: every view gets client_id.
urlpatterns = [
    path("", views.overview, name="overview"),
    path("exercises/<int:exercise_id>/", views.exercise, name="exercise"),
]
