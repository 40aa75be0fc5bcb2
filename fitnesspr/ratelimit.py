"""A fixed-window attempt counter in the cache, for HTML forms that guard credentials
(the API has DRF throttles). The cache is shared (Redis) in production, so the count
holds across web processes."""

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


def hit(scope: str, key: str, *, limit: int, window_seconds: int) -> bool:
    """Count one attempt; False once more than `limit` were made in the window that
    the first of them opened."""
    cache_key = f"ratelimit:{scope}:{key}"
    cache.add(cache_key, 0, timeout=window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # the window closed between add() and incr()
        cache.set(cache_key, 1, timeout=window_seconds)
        count = 1
    return count <= limit
