"""A fixed-window count of failed attempts per address, for the HTML sign-in forms (the
API's PIN sign-in counts the same way, fitnesspr.api.throttles.FailedAttemptsThrottle).
Only failures count: a successful sign-in costs nothing. The cache is shared (Redis) in
production, so the count holds across web processes."""

from __future__ import annotations

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The caller's address as DRF's throttles see it. X-Forwarded-For is written by the
    client unless a trusted proxy appends to it, so only the entry the last of
    NUM_PROXIES proxies added is believed; with none, REMOTE_ADDR."""
    remote = request.META.get("REMOTE_ADDR") or "unknown"
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.NUM_PROXIES and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        return hops[-min(settings.NUM_PROXIES, len(hops))] if hops else remote
    return remote


def _key(scope: str, key: str) -> str:
    return f"ratelimit:{scope}:{key}"


def blocked(scope: str, key: str, *, limit: int) -> bool:
    """Has `key` already failed `limit` times in the current window? Then refuse before
    even checking what it sent."""
    return int(cache.get(_key(scope, key)) or 0) >= limit


def failed(scope: str, key: str, *, window_seconds: int) -> None:
    """Count one failed attempt: the first failure opens a window of `window_seconds`.
    Successes are never counted, so a gym full of clients on one address signs in."""
    cache_key = _key(scope, key)
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        cache.incr(cache_key)
    except ValueError:  # the window closed between add() and incr()
        cache.set(cache_key, 1, timeout=window_seconds)
