"""Tests for distributed_rate_limiter against a real Redis (skipped if absent)."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import redis
from redis.backoff import NoBackoff
from redis.retry import Retry

from distributed_rate_limiter import TokenBucketLimiter


def test_burst_then_deny_with_retry_after(redis_client: redis.Redis, redis_prefix: str) -> None:
    limiter = TokenBucketLimiter(redis_client, capacity=5, refill_per_second=1, prefix=redis_prefix)
    results = [limiter.acquire("user:1", now_ms=1_000_000) for _ in range(6)]
    assert [r.allowed for r in results] == [True] * 5 + [False]
    assert results[4].remaining == 0
    assert results[5].retry_after_ms == 1000  # one token per second


def test_refill_is_proportional_to_elapsed_time(redis_client: redis.Redis, redis_prefix: str) -> None:
    limiter = TokenBucketLimiter(redis_client, capacity=10, refill_per_second=2, prefix=redis_prefix)
    for _ in range(10):
        assert limiter.acquire("k", now_ms=0).allowed
    assert not limiter.acquire("k", now_ms=0).allowed
    decision = limiter.acquire("k", now_ms=1500)  # 1.5 s * 2/s = 3 tokens back, one spent
    assert decision.allowed and decision.remaining == pytest.approx(2)
    assert limiter.acquire("k", now_ms=60_000).remaining == pytest.approx(9)  # capped at capacity


def test_keys_are_independent_and_expire(redis_client: redis.Redis, redis_prefix: str) -> None:
    limiter = TokenBucketLimiter(redis_client, capacity=1, refill_per_second=0.1, prefix=redis_prefix)
    assert limiter.acquire("a", now_ms=0).allowed
    assert limiter.acquire("b", now_ms=0).allowed
    assert not limiter.acquire("a", now_ms=0).allowed
    # Idle keys expire once the bucket would be full again (10 s) plus a 1 s margin.
    assert 0 < redis_client.pttl(f"{redis_prefix}a") <= 11_000


def test_weighted_requests(redis_client: redis.Redis, redis_prefix: str) -> None:
    limiter = TokenBucketLimiter(redis_client, capacity=10, refill_per_second=1, prefix=redis_prefix)
    assert limiter.acquire("export", tokens=7, now_ms=0).allowed
    denied = limiter.acquire("export", tokens=7, now_ms=0)
    assert not denied.allowed and denied.retry_after_ms == 4000
    with pytest.raises(ValueError):
        limiter.acquire("export", tokens=11)


def test_concurrent_clients_never_overspend(redis_client: redis.Redis, redis_prefix: str) -> None:
    """Many threads, real Redis clock: exactly `capacity` requests get through."""
    limiter = TokenBucketLimiter(redis_client, capacity=20, refill_per_second=0.001, prefix=redis_prefix)
    with ThreadPoolExecutor(max_workers=8) as pool:
        decisions = list(pool.map(lambda _: limiter.acquire("shared"), range(100)))
    assert sum(d.allowed for d in decisions) == 20


def test_fail_open_and_fail_closed_when_redis_is_down() -> None:
    dead = redis.Redis(host="127.0.0.1", port=1, socket_connect_timeout=0.2, retry=Retry(NoBackoff(), 0))
    assert TokenBucketLimiter(dead, 1, 1).acquire("x").allowed
    with pytest.raises(redis.RedisError):
        TokenBucketLimiter(dead, 1, 1, fail_open=False).acquire("x")
