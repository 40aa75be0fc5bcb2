"""The Redis cache keeps one redis-py client per server, and caches as Django's does."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache

from fitnesspr.cache import RedisCache

pytestmark = pytest.mark.skipif(not settings.REDIS_URL, reason="needs REDIS_URL")


def test_one_client_per_server_for_every_operation():
    cache = caches["default"]
    assert isinstance(cache, RedisCache)
    assert isinstance(cache, DjangoRedisCache)
    client = cache._cache.get_client(write=True)
    assert cache._cache.get_client("any key") is client  # one server: reads go there too
    assert client.connection_pool is cache._cache._get_connection_pool(True)


def test_it_caches_as_django_does():
    cache = caches["default"]
    cache.set("row-plans", [1, "two", {"3": 3.0}], 30)
    assert cache.get("row-plans") == [1, "two", {"3": 3.0}]
    assert cache.add("row-plans", "again") is False
    assert cache.add("counter", 1) is True
    assert cache.incr("counter") == 2
    cache.delete("row-plans")
    assert cache.get("row-plans", "gone") == "gone"
