from django.apps import AppConfig


class ProgramsConfig(AppConfig):
    name = "programs"

    def ready(self) -> None:
        from programs import signals  # noqa: F401  (connects the library's cache versions)
