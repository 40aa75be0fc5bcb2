from django.urls import path

from portability import views, views_portal

app_name = "portability"

urlpatterns = [
    path("portal/account/", views_portal.account, name="portal_account"),
    path("portal/account/my-data/", views_portal.my_data, name="portal_my_data"),
    path("dashboard/settings/data/", views.data_page, name="data"),
    path("dashboard/settings/data/export/", views.export_request, name="export_request"),
    path("dashboard/settings/data/import/", views.import_upload, name="import_upload"),
    path("dashboard/settings/data/export/panel/", views.export_panel, name="export_panel"),
    path(
        "dashboard/settings/data/exports/<int:pk>/download/",
        views.export_download,
        name="export_download",
    ),
]
