"""The token and user endpoints of the API: refresh, logout and me. Signing in lives with
its audience: trainers register and log in through `trainers.api`, clients sign in with
their PIN through `clients.api`; both answer with `session_payload`.

Public views keep JWTAuthentication: a request carrying a bad bearer token gets 401 with
WWW-Authenticate (with no authenticator DRF would turn it into a 403). Each is throttled
per IP address."""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import AuthenticationFailed
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from fitnesspr.api.auth import schema
from fitnesspr.api.auth.authentication import JWTAuthentication
from fitnesspr.api.auth.serializers import RefreshSerializer, UserSerializer
from fitnesspr.api.responses import envelope
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

    @schema.refresh_post
    def post(self, request: Request) -> Response:
        serializer = RefreshSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        try:
            tokens = tokens_refresh(serializer.validated_data["refresh"])
        except InvalidToken as exc:
            raise _bad_refresh(exc) from exc
        return envelope(tokens, message=self.success_message, secret=True)


class LogoutView(PublicAuthView):
    @schema.logout_post
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

    @schema.me_get
    def get(self, request: Request) -> Response:
        assert isinstance(request.user, User)  # IsAuthenticated
        return envelope(UserSerializer(request.user).data)
