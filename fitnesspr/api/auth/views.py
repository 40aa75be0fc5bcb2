"""The auth endpoints of DESIGN.md: register, login, pin-login, refresh, logout, me.

Sign-in views are public (AllowAny) but keep JWTAuthentication: a request carrying a bad
bearer token gets 401 with WWW-Authenticate (with no authenticator DRF would turn it
into a 403). Each is throttled per IP address."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate
from django.contrib.auth.models import update_last_login
from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.authentication import JWTAuthentication

from clients.services import PIN_LOGIN_FAILED, client_pin_login
from fitnesspr.api.auth import examples
from fitnesspr.api.auth.serializers import (
    LoginSerializer,
    PinLoginSerializer,
    RefreshSerializer,
    RegisterSerializer,
    RegistrationSerializer,
    SessionSerializer,
    TokenPairSerializer,
    UserSerializer,
)
from fitnesspr.api.responses import envelope
from fitnesspr.api.schema import error_response, error_responses
from fitnesspr.api.throttles import IPScopedRateThrottle
from fitnesspr.api.tokens import INVALID_REFRESH, tokens_for, tokens_refresh, tokens_revoke
from fitnesspr.models import Role, User
from trainers.api.serializers import TrainerSerializer
from trainers.services import trainer_register

LOGIN_FAILED = "Invalid email or password."


class PublicAuthView(APIView):
    authentication_classes = [JWTAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [IPScopedRateThrottle]
    throttle_scope = "auth"


def _session(user: User) -> dict[str, object]:
    return {**tokens_for(user), "user": UserSerializer(user).data}


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
        data = {**_session(trainer.user), "trainer": TrainerSerializer(trainer).data}
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
            401: error_response(
                401,
                "Wrong email or password.",
                examples.error("AUTHENTICATION_FAILED", LOGIN_FAILED),
            ),
        },
        examples=[
            OpenApiExample("Sign-in", value=examples.LOGIN_REQUEST, request_only=True),
            OpenApiExample("Signed in", value=examples.SESSION, response_only=True),
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
            raise AuthenticationFailed(LOGIN_FAILED, code="login_failed")
        update_last_login(User, user)
        return envelope(_session(user), message=self.success_message)


class PinLoginView(PublicAuthView):
    throttle_scope = "pin"
    success_message = "Signed in."

    @extend_schema(
        summary="Sign in as a client with email and PIN",
        description=(
            "For clients. An unknown email, a wrong PIN and a locked account all get the "
            f"same 401 with the same message. After {settings.PIN_MAX_FAILED_ATTEMPTS} wrong "
            "PINs in a row the account is locked: even the right PIN is refused until the "
            "trainer issues a new PIN (`POST clients/{id}/reset-pin/`) or "
            f"{settings.PIN_LOCKOUT_MINUTES} minutes pass."
        ),
        request=PinLoginSerializer,
        responses={
            200: SessionSerializer,
            401: error_response(
                401,
                "Unknown email, wrong PIN or locked account (indistinguishable).",
                examples.error("AUTHENTICATION_FAILED", PIN_LOGIN_FAILED),
            ),
        },
        examples=[
            OpenApiExample("PIN sign-in", value=examples.PIN_LOGIN_REQUEST, request_only=True),
            OpenApiExample("Signed in", value=examples.CLIENT_SESSION, response_only=True),
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = PinLoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        client = client_pin_login(
            email=serializer.validated_data["email"], pin=serializer.validated_data["pin"]
        )
        if client is None:
            raise AuthenticationFailed(PIN_LOGIN_FAILED, code="pin_login_failed")
        return envelope(_session(client.user), message=self.success_message)


class RefreshView(PublicAuthView):
    success_message = "Tokens refreshed."

    @extend_schema(
        summary="Get a new access token",
        description=(
            "Trades a refresh token for a new access token and a new refresh token. The old "
            "refresh token is revoked: using it again (or after logout) is a 401."
        ),
        request=RefreshSerializer,
        responses={
            200: TokenPairSerializer,
            401: error_response(
                401,
                "The refresh token is invalid, expired, used or revoked.",
                examples.error("AUTHENTICATION_FAILED", INVALID_REFRESH),
            ),
        },
        examples=[
            OpenApiExample("Refresh", value={"refresh": examples.REFRESH}, request_only=True),
            OpenApiExample("New tokens", value=examples.TOKENS, response_only=True),
        ],
    )
    def post(self, request: Request) -> Response:
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tokens = tokens_refresh(serializer.validated_data["refresh"])
        return envelope(tokens, message=self.success_message)


class LogoutView(PublicAuthView):
    @extend_schema(
        summary="Sign out",
        description=(
            "Revokes the refresh token: it can no longer be refreshed. The access token stays "
            "valid until it expires (minutes), so drop it too."
        ),
        request=RefreshSerializer,
        responses={
            204: None,
            401: error_response(
                401,
                "The refresh token is invalid, expired or already revoked.",
                examples.error("AUTHENTICATION_FAILED", INVALID_REFRESH),
            ),
        },
        examples=[OpenApiExample("Sign out", value={"refresh": examples.REFRESH})],
    )
    def post(self, request: Request) -> Response:
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tokens_revoke(serializer.validated_data["refresh"])
        return Response(status=204)


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="The signed-in user",
        description=(
            "Who the token belongs to: id, email, name, `role`, `trainer_id`, and the "
            "trainer's business profile (`trainer`) or the client's own profile (`client`)."
        ),
        responses={200: UserSerializer},
        examples=[
            OpenApiExample("A trainer", value=examples.TRAINER_USER, response_only=True),
            OpenApiExample("A client", value=examples.CLIENT_USER, response_only=True),
        ],
    )
    def get(self, request: Request) -> Response:
        assert isinstance(request.user, User)  # IsAuthenticated
        return envelope(UserSerializer(request.user).data)
