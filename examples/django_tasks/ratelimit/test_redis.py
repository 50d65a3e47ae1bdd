"""The decorator against the real Redis cache backend, from many threads at once.

Skips (with the reason) when Redis is not reachable; see the redis_url fixture in conftest.py.
"""

import threading
from unittest import mock
from uuid import uuid4

import redis
from django.test import override_settings

from .decorators import ratelimit


def hammer(view, requests):
    """Call view from many threads at once; return how many got through."""
    allowed = []
    barrier = threading.Barrier(len(requests))

    def worker(request):
        barrier.wait()
        if view(request) == "ok":
            allowed.append(1)

    threads = [threading.Thread(target=worker, args=(r,)) for r in requests]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return len(allowed)


def test_concurrent_requests_on_redis_never_exceed_the_limit(redis_url):
    prefix = f"ratelimit-test-{uuid4().hex}"  # isolated from other runs
    redis_cache = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url, "KEY_PREFIX": prefix}}

    @ratelimit("10/h", key=lambda request: "shared-client", scope="redis")
    def view(request):
        return "ok"

    try:
        with override_settings(CACHES=redis_cache):
            assert hammer(view, [mock.Mock(META={}) for _ in range(30)]) == 10
    finally:
        # Not cache.clear(): on Redis that is FLUSHDB, which would wipe other users of the db.
        client = redis.Redis.from_url(redis_url)
        client.delete(*client.keys(f"{prefix}:*"))
