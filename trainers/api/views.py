"""Trainers in the API: sign up, sign in with email and password, and the business
profile (`trainers/me/`)."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.contrib.auth.models import update_last_login
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request
from rest_framework.response import Response

from fitnesspr.api.auth.serializers import SessionSerializer
from fitnesspr.api.auth.views import PublicAuthView, session_payload
from fitnesspr.api.permissions import IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.schema import error_response, error_responses
from fitnesspr.api.viewsets import ActorAPIView
from fitnesspr.models import Role, User
from trainers.api import schema as examples
from trainers.api.serializers import (
    LoginSerializer,
    RegisterSerializer,
    RegistrationSerializer,
    TrainerSerializer,
)
from trainers.services import trainer_register, trainer_update


class RegisterView(PublicAuthView):
    success_message = "Welcome to FitnessPr."

    @extend_schema(
        summary="Sign up as a trainer",
        description=(
            "Creates a trainer account (a user with role `trainer` and a business profile) "
            "and signs it in. The password must pass the usual strength checks (at least 8 "
            "characters, not common, not all digits, not like the email or name). An email "
            "already used by any account is a 409 `CONFLICT`."
        ),
        request=RegisterSerializer,
        responses={
            201: RegistrationSerializer,
            400: error_response(400, example=examples.WEAK_PASSWORD),
            **error_responses(409),
        },
        examples=[
            OpenApiExample("Sign-up", value=examples.REGISTER_REQUEST, request_only=True),
            OpenApiExample(
                "Signed up", value=examples.REGISTERED, response_only=True, status_codes=["201"]
            ),
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        trainer = trainer_register(**serializer.validated_data)
        data = {**session_payload(trainer.user), "trainer": TrainerSerializer(trainer).data}
        return envelope(data, message=self.success_message, status=201)


class LoginView(PublicAuthView):
    success_message = "Signed in."

    @extend_schema(
        summary="Sign in with email and password",
        description=(
            "For trainers (and staff). Clients have no password: they use `auth/pin-login/`. "
            "A wrong email, a wrong password and a client account all get the same 401."
        ),
        request=LoginSerializer,
        responses={
            200: SessionSerializer,
            401: error_response(401, "Wrong email or password.", examples.BAD_LOGIN),
        },
        examples=[
            OpenApiExample("Sign-in", value=examples.LOGIN_REQUEST, request_only=True),
            OpenApiExample("Signed in", value=examples.SIGNED_IN, response_only=True),
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(
            request,
            email=serializer.validated_data["email"],
            password=serializer.validated_data["password"],
        )
        if not isinstance(user, User) or user.role == Role.CLIENT:
            raise AuthenticationFailed(examples.LOGIN_FAILED, code="login_failed")
        update_last_login(User, user)
        return envelope(session_payload(user), message=self.success_message)


class TrainerMeView(ActorAPIView):
    permission_classes = [IsTrainer]
    success_messages = {"patch": "Profile updated."}

    @extend_schema(
        operation_id="trainers_me_retrieve",
        summary="Your business profile",
        description="The signed-in trainer's business profile.",
        responses={200: TrainerSerializer},
        examples=[OpenApiExample("Profile", value=examples.PROFILE, response_only=True)],
    )
    def get(self, request: Request) -> Response:
        return envelope(TrainerSerializer(self.trainer).data)

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
            OpenApiExample("Updated profile", value=examples.PROFILE, response_only=True),
        ],
    )
    def patch(self, request: Request) -> Response:
        serializer = TrainerSerializer(self.trainer, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        trainer = trainer_update(trainer=self.trainer, **serializer.service_fields())
        return envelope(TrainerSerializer(trainer).data, message=self.success_messages["patch"])
