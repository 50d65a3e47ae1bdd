"""Per-minute counters in Redis: one hash per minute, one field per event name."""

import time
from collections import Counter
from functools import lru_cache

import redis
from django.conf import settings

# Only known names become hash fields. A pattern such as [a-z0-9_]+ would still let any client
# invent unlimited names (e1, e2, ...), and every snapshot would read all of them.
DEFAULT_EVENT_NAMES = frozenset({"page_view", "signup", "click", "checkout"})
BUCKET_TTL = 2 * 60 * 60  # Redis keeps two hours; a periodic job copies closed minutes to SQL


@lru_cache
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, decode_responses=True)  # thread-safe connection pool


def event_names() -> frozenset[str]:
    return frozenset(getattr(settings, "ANALYTICS_EVENT_NAMES", DEFAULT_EVENT_NAMES))


def get_redis() -> redis.Redis:
    return _client(getattr(settings, "ANALYTICS_REDIS_URL", settings.REDIS_URL))


def bucket_key(minute: int) -> str:
    return f"{getattr(settings, 'ANALYTICS_KEY_PREFIX', 'analytics')}:minute:{minute}"


def record(counts: Counter, now: float | None = None) -> int:
    """Add counts to the current minute: one round trip, HINCRBY is atomic, no lost updates."""
    minute = int((now if now is not None else time.time()) // 60)
    key = bucket_key(minute)
    pipe = get_redis().pipeline(transaction=False)
    for name, count in counts.items():
        pipe.hincrby(key, name, count)
    pipe.expire(key, BUCKET_TTL)
    pipe.execute()
    return minute


def snapshot(minutes: int = 15, now: float | None = None) -> dict:
    """The last `minutes` buckets, oldest first, and their totals: O(minutes x event names)."""
    current = int((now if now is not None else time.time()) // 60)
    window = range(current - minutes + 1, current + 1)
    pipe = get_redis().pipeline(transaction=False)
    for minute in window:
        pipe.hgetall(bucket_key(minute))
    totals: Counter = Counter()
    buckets = []
    for minute, raw in zip(window, pipe.execute()):
        counts = {name: int(value) for name, value in raw.items()}
        totals.update(counts)
        buckets.append({"minute": minute * 60, "counts": counts})  # epoch seconds of the minute start
    return {"minute": current * 60, "buckets": buckets, "totals": dict(totals)}
