"""The trainers' pages: sign-up, sign-in and passwords under /accounts/ (staff sign in
here too; clients sign in on /portal/login/ with a PIN), and the business settings in the
dashboard."""

from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from trainers import views

app_name = "trainers"
PAGES = "trainers/accounts"

urlpatterns = [
    path("dashboard/settings/", views.account_settings, name="settings"),
    path("dashboard/emails/", views.email_list, name="emails"),
    path("dashboard/emails/<int:pk>/resend/", views.email_resend, name="email_resend"),
    path("accounts/signup/", views.signup, name="signup"),
    path("accounts/signup/check-email/", views.signup_done, name="signup_done"),
    path("accounts/login/", views.TrainerLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "accounts/password/change/",
        auth_views.PasswordChangeView.as_view(
            template_name=f"{PAGES}/password_change_form.html",
            success_url=reverse_lazy("trainers:password_change_done"),
        ),
        name="password_change",
    ),
    path(
        "accounts/password/change/done/",
        auth_views.PasswordChangeDoneView.as_view(
            template_name=f"{PAGES}/password_change_done.html"
        ),
        name="password_change_done",
    ),
    path(
        "accounts/password/reset/",
        views.TrainerPasswordResetView.as_view(
            template_name=f"{PAGES}/password_reset_form.html",
            success_url=reverse_lazy("trainers:password_reset_done"),
            email_template_name="trainers/emails/password_reset_email.txt",
            subject_template_name="trainers/emails/password_reset_subject.txt",
        ),
        name="password_reset",
    ),
    path(
        "accounts/password/reset/sent/",
        auth_views.PasswordResetDoneView.as_view(template_name=f"{PAGES}/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "accounts/password/reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name=f"{PAGES}/password_reset_confirm.html",
            success_url=reverse_lazy("trainers:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "accounts/password/reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name=f"{PAGES}/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
