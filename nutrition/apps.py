from django.apps import AppConfig


class NutritionConfig(AppConfig):
    name = "nutrition"

    def ready(self) -> None:
        from nutrition import signals  # noqa: F401  (connects the library's cache versions)
