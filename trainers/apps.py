from django.apps import AppConfig


class TrainersConfig(AppConfig):
    name = "trainers"

    def ready(self) -> None:
        from fitnesspr.api.auth.serializers import add_profile_field
        from trainers.api.serializers import TrainerSerializer

        add_profile_field(
            "trainer",
            lambda: TrainerSerializer(source="trainer_profile", read_only=True, allow_null=True),
        )
