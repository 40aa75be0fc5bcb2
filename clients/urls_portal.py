from django.urls import path

from clients import views_portal

app_name = "portal"

urlpatterns = [
    path("", views_portal.portal_home, name="home"),
    path("login/", views_portal.portal_login, name="login"),
    path("logout/", views_portal.portal_logout, name="logout"),
    path("forget-device/", views_portal.forget_device, name="forget_device"),
]
