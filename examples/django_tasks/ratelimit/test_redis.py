"""The decorator against the real Redis cache backend, from many threads and two "processes".

Skips (with the reason) when Redis is not reachable; see the redis_url fixture in conftest.py.
"""

import threading
from unittest import mock
from uuid import uuid4

import pytest
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


@pytest.fixture
def redis_caches(redis_url):
    """Two aliases on one Redis, standing in for the caches of two server processes."""
    prefix = f"ratelimit-test-{uuid4().hex}"  # isolated from other runs
    backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url, "KEY_PREFIX": prefix}
    with override_settings(CACHES={"default": backend, "process_a": backend, "process_b": backend}):
        yield
    # Not cache.clear(): on Redis that is FLUSHDB, which would wipe other users of the db.
    client = redis.Redis.from_url(redis_url)
    if keys := client.keys(f"{prefix}:*"):
        client.delete(*keys)


def limited_view(cache_alias):
    @ratelimit("10/h", key=lambda request: "one-client", scope="shared", cache_alias=cache_alias)
    def view(request):
        return "ok"

    return view


def test_concurrent_requests_never_exceed_the_limit(redis_caches):
    assert hammer(limited_view("default"), [mock.Mock(META={}) for _ in range(30)]) == 10


def test_two_processes_share_one_redis_counter(redis_caches):
    requests = [mock.Mock(META={}) for _ in range(10)]
    assert hammer(limited_view("process_a"), requests) + hammer(limited_view("process_b"), requests) == 10


def test_locmem_counts_per_process():
    def locmem(name):
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": name}

    with override_settings(CACHES={"default": locmem("d"), "process_a": locmem("a"), "process_b": locmem("b")}):
        requests = [mock.Mock(META={}) for _ in range(10)]
        allowed = hammer(limited_view("process_a"), requests) + hammer(limited_view("process_b"), requests)
    assert allowed == 20  # the "10/h" limit, doubled by running two processes
