from django.urls import path

from clients import views

app_name = "clients"

urlpatterns = [
    path("", views.client_list, name="list"),
    path("new/", views.client_create, name="create"),
    path("<int:pk>/", views.client_detail, name="detail"),
    path("<int:pk>/edit/", views.client_edit, name="edit"),
    path("<int:pk>/pin/", views.client_pin, name="pin"),
    path("<int:pk>/reset-pin/", views.client_reset_pin, name="reset_pin"),
    path("<int:pk>/archive/", views.client_archive, name="archive"),
]
