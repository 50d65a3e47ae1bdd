"""Tests for distributed_lock against a real Redis (skipped if absent)."""
from __future__ import annotations

import threading
import time

import pytest
import redis

from distributed_lock import FencedResource, LockLostError, RedisLock, StaleFencingTokenError


def test_mutual_exclusion_and_release(redis_client: redis.Redis, redis_prefix: str) -> None:
    first = RedisLock(redis_client, "job", prefix=redis_prefix)
    second = RedisLock(redis_client, "job", prefix=redis_prefix)
    assert first.acquire(blocking=False)
    assert not second.acquire(blocking=False)
    assert not second.acquire(timeout=0.1)
    assert first.release()
    assert second.acquire(blocking=False)
    assert second.release()


def test_expired_holder_cannot_release_successors_lock(redis_client: redis.Redis, redis_prefix: str) -> None:
    slow = RedisLock(redis_client, "job", ttl_ms=100, prefix=redis_prefix)
    fast = RedisLock(redis_client, "job", ttl_ms=5_000, prefix=redis_prefix)
    assert slow.acquire(blocking=False)
    time.sleep(0.15)  # slow's lease runs out (a GC pause, a stalled VM...)
    assert fast.acquire(blocking=False)
    assert not slow.release()  # token mismatch: a plain DEL would have freed fast's lock
    assert fast.owned()
    assert fast.release()


def test_extend_keeps_the_lease(redis_client: redis.Redis, redis_prefix: str) -> None:
    lock = RedisLock(redis_client, "job", ttl_ms=1_000, prefix=redis_prefix)
    other = RedisLock(redis_client, "job", prefix=redis_prefix)
    assert lock.acquire(blocking=False)
    for _ in range(3):
        time.sleep(0.4)  # 1.2 s in total: longer than one lease
        assert lock.extend()
    assert not other.acquire(blocking=False)
    assert 0 < redis_client.pttl(lock.key) <= 1_000
    lock.release()
    assert not lock.extend()


def test_fencing_tokens_increase_and_reject_stale_writes(redis_client: redis.Redis, redis_prefix: str) -> None:
    storage = FencedResource()
    old = RedisLock(redis_client, "invoice:7", ttl_ms=100, prefix=redis_prefix)
    new = RedisLock(redis_client, "invoice:7", prefix=redis_prefix)
    assert old.acquire(blocking=False)
    time.sleep(0.15)
    assert new.acquire(blocking=False)
    assert old.fencing_token is not None and new.fencing_token is not None
    assert new.fencing_token > old.fencing_token
    storage.write("from new holder", new.fencing_token)
    with pytest.raises(StaleFencingTokenError):
        storage.write("from paused old holder", old.fencing_token)
    assert storage.value == "from new holder"
    new.release()


def test_context_manager_reports_a_lost_lease(redis_client: redis.Redis, redis_prefix: str) -> None:
    with RedisLock(redis_client, "quick", prefix=redis_prefix) as lock:
        assert lock.owned()
    assert redis_client.get(lock.key) is None
    with pytest.raises(LockLostError):
        with RedisLock(redis_client, "slow", ttl_ms=50, prefix=redis_prefix):
            time.sleep(0.1)


def test_threads_serialise_a_read_modify_write(redis_client: redis.Redis, redis_prefix: str) -> None:
    counter_key = f"{redis_prefix}counter"
    redis_client.set(counter_key, 0)

    def worker() -> None:
        for _ in range(10):
            lock = RedisLock(redis_client, "counter", ttl_ms=5_000, prefix=redis_prefix, retry_interval=0.005)
            with lock:
                value = int(redis_client.get(counter_key) or 0)  # deliberately not INCR
                redis_client.set(counter_key, value + 1)

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert int(redis_client.get(counter_key) or 0) == 40


def test_works_without_decode_responses(redis_client: redis.Redis, redis_prefix: str) -> None:
    # Same server, db and credentials as the shared fixture, but replies stay bytes.
    kwargs = {**redis_client.connection_pool.connection_kwargs, "decode_responses": False}
    raw = redis.Redis(connection_pool=redis.ConnectionPool(**kwargs))
    lock = RedisLock(raw, "raw", prefix=redis_prefix)
    assert lock.acquire(blocking=False)
    assert lock.owned()  # GET returns bytes here
    assert lock.release()
    raw.connection_pool.disconnect()
