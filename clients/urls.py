"""The clients' pages: the trainer's profile pages under /dashboard/clients/ (the list
and the client page, which gather every domain, are progress:client_list and
progress:client), and the portal's PIN sign-in under /portal/."""

from django.urls import path

from clients import views, views_portal

app_name = "clients"

urlpatterns = [
    path("dashboard/clients/new/", views.client_create, name="create"),
    path("dashboard/clients/import/", views.client_csv_upload, name="csv_import"),
    path("dashboard/clients/import/confirm/", views.client_csv_confirm, name="csv_confirm"),
    path("dashboard/clients/<int:pk>/edit/", views.client_edit, name="edit"),
    path("dashboard/clients/<int:pk>/pin/", views.client_pin, name="pin"),
    path("dashboard/clients/<int:pk>/reset-pin/", views.client_reset_pin, name="reset_pin"),
    path("dashboard/clients/<int:pk>/archive/", views.client_archive, name="archive"),
    path("portal/login/", views_portal.portal_login, name="portal_login"),
    path("portal/logout/", views_portal.portal_logout, name="portal_logout"),
    path("portal/forget-device/", views_portal.forget_device, name="forget_device"),
    path("portal/reminders/", views_portal.reminders, name="portal_reminders"),
    path("portal/unsubscribe/<str:token>/", views_portal.unsubscribe, name="unsubscribe"),
]
