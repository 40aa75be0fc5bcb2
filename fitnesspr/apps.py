from django.apps import AppConfig


class FitnessprConfig(AppConfig):
    name = "fitnesspr"
    verbose_name = "Accounts"
