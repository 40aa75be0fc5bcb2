from django.apps import AppConfig


class FitnessprConfig(AppConfig):
    name = "fitnesspr"
    verbose_name = "Accounts"

    def ready(self) -> None:
        from fitnesspr.metrics import connect_task_signals

        connect_task_signals()
