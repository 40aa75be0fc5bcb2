"""A fixed-window attempt counter in the cache, for HTML forms that guard credentials
(the API has DRF throttles). The cache is shared (Redis) in production, so the count
holds across web processes."""

from __future__ import annotations

from django.core.cache import cache
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    # REMOTE_ADDR only: X-Forwarded-For is set by the client unless a trusted proxy
    # rewrites it, and trusting it would let a guesser pick a fresh "IP" per request.
    return request.META.get("REMOTE_ADDR") or "unknown"


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
