"""The token and user endpoints of the API: refresh, logout and me. Signing in lives with
its audience: trainers register and log in through `trainers.api`, clients sign in with
their PIN through `clients.api`; both answer with `session_payload`.

Public views keep JWTAuthentication: a request carrying a bad bearer token gets 401 with
WWW-Authenticate (with no authenticator DRF would turn it into a 403). Each is throttled
per IP address."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiExample, extend_schema
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView
from rest_framework_simplejwt.authentication import JWTAuthentication

from fitnesspr.api.auth import schema as examples
from fitnesspr.api.auth.serializers import RefreshSerializer, TokenPairSerializer, UserSerializer
from fitnesspr.api.responses import envelope
from fitnesspr.api.schema import error_response
from fitnesspr.api.throttles import IPScopedRateThrottle
from fitnesspr.models import User
from fitnesspr.tokens import InvalidToken, tokens_for, tokens_refresh, tokens_revoke


class PublicAuthView(APIView):
    authentication_classes = [JWTAuthentication]
    permission_classes = [AllowAny]
    throttle_classes = [IPScopedRateThrottle]
    throttle_scope = "auth"


def session_payload(user: User) -> dict[str, Any]:
    """What a successful sign-in answers: a token pair and the user."""
    return {**tokens_for(user), "user": UserSerializer(user).data}


def _bad_refresh(exc: InvalidToken) -> AuthenticationFailed:
    return AuthenticationFailed(exc.message, code="token_not_valid")


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
                examples.BAD_REFRESH,
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
        try:
            tokens = tokens_refresh(serializer.validated_data["refresh"])
        except InvalidToken as exc:
            raise _bad_refresh(exc) from exc
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
                examples.BAD_REFRESH,
            ),
        },
        examples=[OpenApiExample("Sign out", value={"refresh": examples.REFRESH})],
    )
    def post(self, request: Request) -> Response:
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            tokens_revoke(serializer.validated_data["refresh"])
        except InvalidToken as exc:
            raise _bad_refresh(exc) from exc
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
