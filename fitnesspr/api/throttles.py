from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import ScopedRateThrottle
from rest_framework.views import APIView


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


class FailedAttemptsThrottle(IPScopedRateThrottle):
    """The scoped rate, counted in failed attempts only: a request is refused once its
    address has failed `rate` times in the window, and a success costs nothing (a gym
    full of clients signs in from one address). The view reports each failure with
    `record_failure` (DRF's own throttles count every request)."""

    def _setup(self, view: Any) -> bool:
        """Read the view's scope and rate (DRF's ScopedRateThrottle does it per call)."""
        self.scope = getattr(view, self.scope_attr, None)
        rate = self.get_rate() if self.scope else None
        if rate is None:
            return False
        self.rate = rate
        self.num_requests, self.duration = self.parse_rate(rate)
        return True

    def allow_request(self, request: Request, view: Any) -> bool:
        if not self._setup(view):
            return True
        self.key = self.get_cache_key(request, view)
        self.history = self._recent(self.key)
        if len(self.history) >= (self.num_requests or 0):
            return self.throttle_failure()
        return True

    def record_failure(self, request: Request, view: Any) -> None:
        if not self._setup(view):
            return
        key = self.get_cache_key(request, view)
        history = [*self._recent(key)]
        history.insert(0, self.now)
        self.cache.set(key, history, self.duration or 0)

    def _recent(self, key: str) -> list[float]:
        self.now = self.timer()
        window = self.duration or 0
        return [t for t in self.cache.get(key, []) if t > self.now - window]


def record_failure(request: Request, view: APIView) -> None:
    """Tell the view's failure-counting throttles that this request failed."""
    for throttle in view.get_throttles():
        if isinstance(throttle, FailedAttemptsThrottle):
            throttle.record_failure(request, view)
