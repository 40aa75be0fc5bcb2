"""The programs app's pages: the exercise library under /dashboard/exercises/ and the
programs, their builder and assignments under /dashboard/programs/."""

from django.urls import path

from programs.views import builder, copying, exercises, prescriptions, programs

app_name = "programs"

urlpatterns = [
    path("dashboard/exercises/", exercises.exercise_list, name="exercise_list"),
    path("dashboard/exercises/new/", exercises.exercise_create, name="exercise_create"),
    path("dashboard/exercises/<int:pk>/", exercises.exercise_detail, name="exercise_detail"),
    path("dashboard/exercises/<int:pk>/edit/", exercises.exercise_edit, name="exercise_edit"),
    path("dashboard/exercises/<int:pk>/delete/", exercises.exercise_delete, name="exercise_delete"),
    path("dashboard/programs/", programs.program_list, name="list"),
    path("dashboard/programs/new/", programs.program_create, name="create"),
    path("dashboard/programs/from-template/", programs.program_from_template, name="from_template"),
    path("dashboard/programs/<int:pk>/", builder.builder, name="builder"),
    path("dashboard/programs/<int:pk>/edit/", programs.program_edit, name="edit"),
    path("dashboard/programs/<int:pk>/delete/", programs.program_delete, name="delete"),
    path("dashboard/programs/<int:pk>/duplicate/", programs.program_duplicate, name="duplicate"),
    path(
        "dashboard/programs/<int:pk>/template/",
        programs.program_mark_template,
        name="mark_template",
    ),
    path("dashboard/programs/<int:pk>/use/", programs.program_use_template, name="use_template"),
    path("dashboard/programs/<int:pk>/assign/", programs.program_assign, name="assign"),
    path(
        "dashboard/clients/<int:client_id>/assign-program/",
        programs.client_assign_program,
        name="assign_to_client",
    ),
    path("dashboard/programs/<int:pk>/days/add/", builder.day_add, name="day_add"),
    path("dashboard/programs/<int:pk>/weeks/<int:week>/", builder.week_detail, name="week"),
    path(
        "dashboard/programs/<int:pk>/weeks/<int:week>/copy/",
        copying.week_copy,
        name="week_copy",
    ),
    path(
        "dashboard/programs/assignments/<int:pk>/end/",
        programs.assignment_end,
        name="assignment_end",
    ),
    path("dashboard/programs/days/<int:pk>/", builder.day_detail, name="day"),
    path("dashboard/programs/days/<int:pk>/edit/", builder.day_edit, name="day_edit"),
    path("dashboard/programs/days/<int:pk>/delete/", builder.day_delete, name="day_delete"),
    path("dashboard/programs/days/<int:pk>/copy/", copying.day_copy, name="day_copy"),
    path(
        "dashboard/programs/days/<int:pk>/exercises/",
        builder.day_exercises,
        name="day_exercises",
    ),
    path(
        "dashboard/programs/days/<int:pk>/reorder/",
        prescriptions.day_reorder,
        name="day_reorder",
    ),
    path(
        "dashboard/programs/exercises/<int:pk>/",
        prescriptions.prescription_edit,
        name="prescription",
    ),
    path(
        "dashboard/programs/exercises/<int:pk>/move/",
        prescriptions.prescription_move,
        name="prescription_move",
    ),
    path(
        "dashboard/programs/exercises/<int:pk>/superset/",
        prescriptions.prescription_superset,
        name="prescription_superset",
    ),
    path(
        "dashboard/programs/exercises/<int:pk>/delete/",
        prescriptions.prescription_delete,
        name="prescription_delete",
    ),
]
