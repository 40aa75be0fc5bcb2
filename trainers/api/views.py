"""Trainers in the API: sign up, sign in with email and password, and the business
profile (`trainers/me/`)."""

from __future__ import annotations

from django.contrib.auth import authenticate
from django.contrib.auth.models import update_last_login
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.request import Request
from rest_framework.response import Response

from fitnesspr.api.auth.views import PublicAuthView, session_payload
from fitnesspr.api.permissions import IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ActorAPIView
from fitnesspr.models import Role, User
from trainers.api import schema
from trainers.api.serializers import (
    LoginSerializer,
    RegisterSerializer,
    TrainerSerializer,
)
from trainers.services import SIGN_UP_SENT, trainer_sign_up, trainer_update


class RegisterView(PublicAuthView):
    @schema.register_post
    def post(self, request: Request) -> Response:
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        trainer_sign_up(**serializer.validated_data)
        email = User.objects.normalize_email(serializer.validated_data["email"].strip()).lower()
        message = SIGN_UP_SENT.format(email=email)
        return envelope({"email": email}, message=message, status=202)


class LoginView(PublicAuthView):
    success_message = "Signed in."

    @schema.login_post
    def post(self, request: Request) -> Response:
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = authenticate(
            request,
            email=serializer.validated_data["email"],
            password=serializer.validated_data["password"],
        )
        if not isinstance(user, User) or user.role == Role.CLIENT:
            raise AuthenticationFailed(schema.LOGIN_FAILED, code="login_failed")
        update_last_login(User, user)
        return envelope(session_payload(user), message=self.success_message, secret=True)


class TrainerMeView(ActorAPIView):
    permission_classes = [IsTrainer]
    success_messages = {"patch": "Profile updated."}

    @schema.trainer_me_get
    def get(self, request: Request) -> Response:
        return envelope(TrainerSerializer(self.trainer).data)

    @schema.trainer_me_patch
    def patch(self, request: Request) -> Response:
        serializer = TrainerSerializer(self.trainer, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        trainer = trainer_update(trainer=self.trainer, **serializer.service_fields())
        return envelope(TrainerSerializer(trainer).data, message=self.success_messages["patch"])
