"""Shared pytest fixtures for examples/python.

Redis-backed examples (rate limiters, distributed lock) need a live server. The
``redis_client`` fixture pings it once per session and skips the dependent tests
with a clear message when it is not reachable. Every test gets its own key
prefix from ``redis_prefix``, and its keys are deleted afterwards.
"""
from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import redis

try:
    from hypothesis import settings as _hypothesis_settings

    # No example database: runs stay reproducible and no .hypothesis/ folder is written.
    _hypothesis_settings.register_profile("examples", database=None, deadline=None)
    _hypothesis_settings.load_profile("examples")
except ImportError:  # hypothesis is only needed by the property tests
    pass

REDIS_URL = os.environ.get("REDIS_URL", "redis://127.0.0.1:6379/15")


@pytest.fixture(scope="session")
def redis_client() -> Iterator[redis.Redis]:
    """A redis-py client for REDIS_URL, or a skip if the server does not answer."""
    redis_py = pytest.importorskip("redis", reason="redis-py is not installed")
    client = redis_py.Redis.from_url(
        REDIS_URL, decode_responses=True, socket_timeout=2, socket_connect_timeout=2
    )
    try:
        client.ping()
    except redis_py.RedisError as exc:
        kwargs = client.connection_pool.connection_kwargs  # no password in the message
        where = f"{kwargs.get('host')}:{kwargs.get('port')}/{kwargs.get('db', 0)}"
        client.close()
        pytest.skip(
            f"Redis not reachable at {where} ({exc}); start redis-server or set REDIS_URL"
        )
    yield client
    client.close()


@pytest.fixture()
def redis_prefix(redis_client: redis.Redis) -> Iterator[str]:
    """A unique key prefix for one test; every key under it is deleted afterwards."""
    prefix = f"test:{uuid.uuid4().hex}:"
    yield prefix
    keys = list(redis_client.scan_iter(match=f"{prefix}*", count=500))
    if keys:
        redis_client.delete(*keys)
