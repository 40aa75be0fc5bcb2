from django.urls import path

from programs.views import builder, prescriptions
from programs.views import programs as views

app_name = "programs"

urlpatterns = [
    path("", views.program_list, name="list"),
    path("new/", views.program_create, name="create"),
    path("from-template/", views.program_from_template, name="from_template"),
    path("<int:pk>/", builder.builder, name="builder"),
    path("<int:pk>/edit/", views.program_edit, name="edit"),
    path("<int:pk>/delete/", views.program_delete, name="delete"),
    path("<int:pk>/duplicate/", views.program_duplicate, name="duplicate"),
    path("<int:pk>/template/", views.program_mark_template, name="mark_template"),
    path("<int:pk>/use/", views.program_use_template, name="use_template"),
    path("<int:pk>/assign/", views.program_assign, name="assign"),
    path("<int:pk>/days/add/", builder.day_add, name="day_add"),
    path("assignments/<int:pk>/end/", views.assignment_end, name="assignment_end"),
    path("days/<int:pk>/", builder.day_detail, name="day"),
    path("days/<int:pk>/edit/", builder.day_edit, name="day_edit"),
    path("days/<int:pk>/delete/", builder.day_delete, name="day_delete"),
    path("days/<int:pk>/exercises/", builder.day_exercises, name="day_exercises"),
    path("days/<int:pk>/reorder/", prescriptions.day_reorder, name="day_reorder"),
    path("exercises/<int:pk>/", prescriptions.prescription_edit, name="prescription"),
    path("exercises/<int:pk>/move/", prescriptions.prescription_move, name="prescription_move"),
    path(
        "exercises/<int:pk>/superset/",
        prescriptions.prescription_superset,
        name="prescription_superset",
    ),
    path(
        "exercises/<int:pk>/delete/",
        prescriptions.prescription_delete,
        name="prescription_delete",
    ),
]
