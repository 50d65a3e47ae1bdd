"""Tests for sliding_window_rate_limiter against a real Redis (skipped if absent)."""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
import redis

from sliding_window_rate_limiter import SlidingWindowLimiter


# Synthetic clocks below use windows of 10 s or more: PEXPIRE runs on the real
# clock, so a short window could expire the key mid-test on a slow machine.


def test_limit_within_window(redis_client: redis.Redis, redis_prefix: str) -> None:
    limiter = SlidingWindowLimiter(redis_client, limit=3, window_ms=10_000, prefix=redis_prefix)
    decisions = [limiter.hit("ip:1", now_ms=10_000 + i) for i in range(4)]
    assert [d.allowed for d in decisions] == [True, True, True, False]
    assert [d.remaining for d in decisions[:3]] == [2, 1, 0]
    assert decisions[3].retry_after_ms == 9_997  # oldest (10_000) leaves the window at 20_000


def test_window_slides_instead_of_resetting(redis_client: redis.Redis, redis_prefix: str) -> None:
    """A fixed window would allow 2 * limit across a boundary; the log does not."""
    limiter = SlidingWindowLimiter(redis_client, limit=2, window_ms=10_000, prefix=redis_prefix)
    assert limiter.hit("k", now_ms=9_000).allowed
    assert limiter.hit("k", now_ms=9_500).allowed
    assert not limiter.hit("k", now_ms=10_500).allowed  # new fixed window, same sliding window
    assert limiter.hit("k", now_ms=19_000).allowed  # 9_000 is now exactly one window old
    assert not limiter.hit("k", now_ms=19_200).allowed
    assert limiter.hit("k", now_ms=19_500).allowed


def test_rejected_requests_are_not_recorded(redis_client: redis.Redis, redis_prefix: str) -> None:
    limiter = SlidingWindowLimiter(redis_client, limit=1, window_ms=10_000, prefix=redis_prefix)
    assert limiter.hit("k", now_ms=0).allowed
    for t in range(1, 10_000, 1_000):
        assert not limiter.hit("k", now_ms=t).allowed
    assert redis_client.zcard(f"{redis_prefix}k") == 1
    assert limiter.hit("k", now_ms=10_000).allowed


def test_headers(redis_client: redis.Redis, redis_prefix: str) -> None:
    limiter = SlidingWindowLimiter(redis_client, limit=1, window_ms=60_000, prefix=redis_prefix)
    ok = limiter.hit("k", now_ms=0)
    denied = limiter.hit("k", now_ms=500)
    assert limiter.headers(ok) == {"X-RateLimit-Limit": "1", "X-RateLimit-Remaining": "0"}
    assert limiter.headers(denied)["Retry-After"] == "60"  # 59.5 s rounded up


def test_concurrent_hits_with_redis_clock(redis_client: redis.Redis, redis_prefix: str) -> None:
    limiter = SlidingWindowLimiter(redis_client, limit=25, window_ms=60_000, prefix=redis_prefix)
    with ThreadPoolExecutor(max_workers=8) as pool:
        decisions = list(pool.map(lambda _: limiter.hit("shared"), range(80)))
    assert sum(d.allowed for d in decisions) == 25
    assert 0 < redis_client.pttl(f"{redis_prefix}shared") <= 60_000


def test_rejects_bad_configuration() -> None:
    never_contacted = redis.Redis(host="127.0.0.1", port=1)  # validation fails before any I/O
    with pytest.raises(ValueError):
        SlidingWindowLimiter(never_contacted, limit=0, window_ms=1000)
    with pytest.raises(ValueError):
        SlidingWindowLimiter(never_contacted, limit=5, window_ms=0)
