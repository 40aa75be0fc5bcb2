from django.apps import AppConfig


class ClientsConfig(AppConfig):
    name = "clients"

    def ready(self) -> None:
        from clients.api.serializers import ClientProfileSerializer
        from fitnesspr.api.auth.serializers import add_profile_field

        add_profile_field(
            "client",
            lambda: ClientProfileSerializer(
                source="client_profile", read_only=True, allow_null=True
            ),
        )
