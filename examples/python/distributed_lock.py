"""Redis lock with owner tokens, safe release, lease extension and fencing tokens."""
from __future__ import annotations

import random
import secrets
import time
from types import TracebackType
from typing import Any

import redis

# KEYS[1] = lock key, KEYS[2] = fencing counter; ARGV = owner token, ttl in ms.
# SET NX PX and INCR in one script: whoever gets the lock gets the next fence number.
ACQUIRE_LUA = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('INCR', KEYS[2])
end
return 0
"""

# Delete or extend only if the caller still owns the lock (compare-and-delete).
RELEASE_LUA = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""

EXTEND_LUA = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""


class LockLostError(RuntimeError):
    """The lease expired before release: another client may have run concurrently."""


class StaleFencingTokenError(RuntimeError):
    """A write carried an older fencing token than one already seen."""


class RedisLock:
    """Mutual exclusion across processes with a lease stored in Redis.

    Acquire is ``SET key token NX PX ttl``: only one client can create the key,
    and the TTL frees it if the holder crashes. The random token proves
    ownership, so release and extend are Lua compare-and-act scripts and a
    client whose lease ran out cannot delete its successor's lock. Every
    successful acquire also gets a monotonically increasing fencing token for
    the protected resource to check.

    Single Redis primary only: replication is asynchronous, so a failover can
    lose a fresh lock. Use fencing tokens (or a consensus store) when
    correctness, not just efficiency, depends on the lock.
    """

    def __init__(
        self,
        client: redis.Redis,
        name: str,
        ttl_ms: int = 10_000,
        *,
        prefix: str = "lock:",
        retry_interval: float = 0.05,
    ) -> None:
        if ttl_ms < 1:
            raise ValueError("ttl_ms must be positive")
        # The {hash tag} keeps the lock and its counter in one Redis Cluster slot.
        self.key = f"{prefix}{{{name}}}"
        self.fence_key = f"{self.key}:fence"
        self.client = client
        self.ttl_ms = ttl_ms
        self.retry_interval = retry_interval
        self.token: str | None = None
        self.fencing_token: int | None = None
        self._acquire = client.register_script(ACQUIRE_LUA)
        self._release = client.register_script(RELEASE_LUA)
        self._extend = client.register_script(EXTEND_LUA)

    def acquire(self, blocking: bool = True, timeout: float | None = None) -> bool:
        """Take the lock; poll with jitter until ``timeout`` seconds if blocking."""
        token = secrets.token_hex(16)
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            fence = int(self._acquire(keys=[self.key, self.fence_key], args=[token, self.ttl_ms]))
            if fence:
                self.token, self.fencing_token = token, fence
                return True
            if not blocking or (deadline is not None and time.monotonic() >= deadline):
                return False
            time.sleep(self.retry_interval * random.uniform(0.5, 1.5))

    def release(self) -> bool:
        """Delete the lock if this client still owns it; False if the lease had expired."""
        if self.token is None:
            return False
        released = bool(self._release(keys=[self.key], args=[self.token]))
        self.token = None
        return released

    def extend(self, ttl_ms: int | None = None) -> bool:
        """Reset the lease to ``ttl_ms`` if still owned (a watchdog calls this)."""
        if self.token is None:
            return False
        return bool(self._extend(keys=[self.key], args=[self.token, ttl_ms or self.ttl_ms]))

    def owned(self) -> bool:
        """Whether the key still holds this client's token."""
        value = self.client.get(self.key)
        if isinstance(value, bytes):  # client created without decode_responses=True
            value = value.decode()
        return self.token is not None and value == self.token

    def __enter__(self) -> RedisLock:
        if not self.acquire(timeout=self.ttl_ms / 1000):
            raise TimeoutError(f"could not acquire {self.key}")
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if not self.release() and exc_type is None:
            raise LockLostError(f"lease on {self.key} expired inside the critical section")


class FencedResource:
    """Storage-side guard: accept a write only with the newest fencing token seen."""

    def __init__(self) -> None:
        self.highest_token = 0
        self.value: Any = None

    def write(self, value: Any, fencing_token: int) -> None:
        """Store ``value`` unless a newer lock holder has already written."""
        if fencing_token < self.highest_token:
            raise StaleFencingTokenError(f"token {fencing_token} < {self.highest_token}")
        self.highest_token = fencing_token
        self.value = value
