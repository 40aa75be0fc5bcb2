from django.urls import path

from trainers import views

app_name = "trainers"

urlpatterns = [
    path("", views.home, name="home"),
    path("settings/", views.account_settings, name="settings"),
]
