from django.apps import AppConfig


class PortabilityConfig(AppConfig):
    name = "portability"
    verbose_name = "Data portability"
    default_auto_field = "django.db.models.BigAutoField"
