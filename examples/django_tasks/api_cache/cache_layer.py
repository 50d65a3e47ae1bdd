"""Namespaced, versioned keys and stampede-safe recomputation on top of Django's cache API."""

import hashlib
import json
import random
import time
import uuid

from django.core.cache import cache

GENERATION_KEY = "apicache:gen:{namespace}"


def generation(namespace: str) -> int:
    """Current generation of a namespace: part of every key, so bumping it orphans all old entries."""
    key = GENERATION_KEY.format(namespace=namespace)
    value = cache.get(key)
    if value is None:
        # Start from the clock, not 1: if this key is ever evicted, a fresh start value is higher than
        # any generation used before, so entries written under the old numbers stay unreachable.
        cache.add(key, time.time_ns(), timeout=None)
        value = cache.get(key)
    return value


def bump(namespace: str) -> None:
    """Invalidate a whole namespace in O(1): no key scan, old entries simply expire."""
    try:
        cache.incr(GENERATION_KEY.format(namespace=namespace))
    except ValueError:  # key missing (never read, or evicted): any new start value outranks the old
        cache.add(GENERATION_KEY.format(namespace=namespace), time.time_ns(), timeout=None)


def response_key(namespace: str, path: str, query: dict[str, list[str]], variant: str) -> str:
    """Same resource, same query (in any order), same variant (user, role...) -> same key."""
    canonical = json.dumps([path, sorted(query.items())])
    digest = hashlib.sha256(canonical.encode()).hexdigest()[:32]  # bounded length, no odd characters
    return f"apicache:{namespace}:{generation(namespace)}:{variant}:{digest}"


def get_or_compute(key: str, compute, timeout: int, *, lock_timeout: int = 10, max_wait: float = 2.0):
    """Return (value, hit). On a miss only the caller that wins the lock runs `compute`.

    `compute` returns None for "do not cache" (an error response, for instance).
    """
    value = cache.get(key)
    if value is not None:
        return value, True
    lock_key, token = f"{key}:lock", uuid.uuid4().hex
    if cache.add(lock_key, token, timeout=lock_timeout):  # atomic: exactly one winner
        try:
            value = compute()
            if value is not None:
                # +-10% jitter: entries written together do not all expire in the same second.
                cache.set(key, value, timeout=int(timeout * random.uniform(0.9, 1.1)))
            return value, False
        finally:
            if cache.get(lock_key) == token:  # not atomic; a Lua script makes it so on Redis
                cache.delete(lock_key)
    deadline = time.monotonic() + max_wait
    while time.monotonic() < deadline:  # losers wait for the winner's result instead of hitting the DB
        time.sleep(0.02)
        value = cache.get(key)
        if value is not None:
            return value, True
    return compute(), False  # the winner is slow or died: serve this request anyway
