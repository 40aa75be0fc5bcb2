from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle


class IPScopedRateThrottle(ScopedRateThrottle):
    """A scoped rate per client IP, whether or not the request carries a token: sign-in
    endpoints are guarded per address. The IP comes from REMOTE_ADDR unless NUM_PROXIES
    says how many trusted proxies append to X-Forwarded-For (a spoofed header must not
    buy a fresh budget)."""

    def get_rate(self) -> str | None:
        # Read at call time (DRF binds the rates at import), so settings overrides apply.
        rates: dict[str, Any] = api_settings.DEFAULT_THROTTLE_RATES
        rate = rates.get(self.scope) if self.scope else None
        return str(rate) if rate else None

    def get_cache_key(self, request: Request, view: Any) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
