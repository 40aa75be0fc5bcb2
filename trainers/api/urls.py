from django.urls import path

from trainers.api import views

urlpatterns = [
    path("auth/register/", views.RegisterView.as_view(), name="auth-register"),
    path("auth/login/", views.LoginView.as_view(), name="auth-login"),
    path("trainers/me/", views.TrainerMeView.as_view(), name="trainer-me"),
]
