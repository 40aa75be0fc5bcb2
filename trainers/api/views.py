from __future__ import annotations

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from fitnesspr.api.permissions import IsTrainer
from fitnesspr.api.responses import envelope
from trainers.api.serializers import TrainerSerializer
from trainers.models import Trainer
from trainers.services import trainer_update

PROFILE_EXAMPLE = {
    "id": 7,
    "business_name": "Alice Strength",
    "slug": "alice-strength",
    "timezone": "Europe/London",
    "unit_system": "metric",
    "currency": "GBP",
    "created_at": "2026-01-05T09:30:00Z",
    "updated_at": "2026-02-11T18:02:41Z",
}


class TrainerMeView(APIView):
    permission_classes = [IsTrainer]
    success_messages = {"patch": "Profile updated."}

    def _trainer(self, request: Request) -> Trainer:
        # for_user gives a trainer exactly their own profile: the one tenancy rule.
        return Trainer.objects.for_user(request.user).get()

    @extend_schema(
        operation_id="trainers_me_retrieve",
        summary="Your business profile",
        description="The signed-in trainer's business profile.",
        responses={200: TrainerSerializer},
        examples=[OpenApiExample("Profile", value=PROFILE_EXAMPLE, response_only=True)],
    )
    def get(self, request: Request) -> Response:
        return envelope(TrainerSerializer(self._trainer(request)).data)

    @extend_schema(
        operation_id="trainers_me_partial_update",
        summary="Update your business profile",
        description=(
            "Change any of `business_name`, `timezone` (an IANA name such as "
            "`Europe/London`), `unit_system` (`metric`/`imperial`) and `currency` "
            "(ISO 4217). The slug stays as it was."
        ),
        request=TrainerSerializer,
        responses={200: TrainerSerializer},
        examples=[
            OpenApiExample(
                "Switch to imperial units",
                value={"unit_system": "imperial", "timezone": "America/New_York"},
                request_only=True,
            ),
            OpenApiExample("Updated profile", value=PROFILE_EXAMPLE, response_only=True),
        ],
    )
    def patch(self, request: Request) -> Response:
        trainer = self._trainer(request)
        serializer = TrainerSerializer(trainer, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        trainer = trainer_update(trainer=trainer, **serializer.service_fields())
        return envelope(TrainerSerializer(trainer).data, message=self.success_messages["patch"])
