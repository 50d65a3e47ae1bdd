"""Sliding window log rate limiter on a Redis sorted set, decided by one atomic Lua script."""
from __future__ import annotations

import uuid
from dataclasses import dataclass

import redis

# KEYS[1] = sorted set of accepted requests (score = time in ms)
# ARGV = limit, window in ms, unique member, now in ms ("" = use the Redis clock)
SLIDING_WINDOW_LUA = """
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local now
if ARGV[4] ~= '' then
  now = tonumber(ARGV[4])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
local count = redis.call('ZCARD', KEYS[1])
if count < limit then
  redis.call('ZADD', KEYS[1], now, ARGV[3])
  redis.call('PEXPIRE', KEYS[1], window)
  return {1, limit - count - 1, 0}
end
local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
return {0, 0, tonumber(oldest[2]) + window - now}
"""


@dataclass(frozen=True)
class WindowDecision:
    """Outcome of one check: whether it passed, what is left, when to retry."""

    allowed: bool
    remaining: int
    retry_after_ms: int


class SlidingWindowLimiter:
    """At most ``limit`` accepted requests per key in any ``window_ms`` span.

    The sorted set holds one member per accepted request, scored by its time.
    The script drops members older than the window (ZREMRANGEBYSCORE), counts
    the rest (ZCARD) and records the new request (ZADD) only if it fits. Redis
    runs the script atomically, so concurrent app servers cannot overshoot.
    Rejected requests are not recorded, so a client that keeps retrying does
    not extend its own ban.

    Cost per check: O(log N + M) for N stored and M expired members, one round
    trip. Memory: O(limit) per active key, which is the price of exactness.
    """

    def __init__(
        self, client: redis.Redis, limit: int, window_ms: int, *, prefix: str = "ratelimit:sw:"
    ) -> None:
        if limit < 1 or window_ms < 1:
            raise ValueError("limit and window_ms must be positive")
        self.client = client
        self.limit = limit
        self.window_ms = window_ms
        self.prefix = prefix
        self._script = client.register_script(SLIDING_WINDOW_LUA)

    def hit(self, key: str, *, now_ms: int | None = None) -> WindowDecision:
        """Record a request for ``key`` if it fits in the window."""
        member = uuid.uuid4().hex  # unique even when two requests share a millisecond
        clock: int | str = "" if now_ms is None else now_ms
        args: list[int | str] = [self.limit, self.window_ms, member, clock]
        allowed, remaining, retry_after = self._script(keys=[self.prefix + key], args=args)
        return WindowDecision(bool(allowed), int(remaining), int(retry_after))

    def headers(self, decision: WindowDecision) -> dict[str, str]:
        """HTTP headers for a response; send 429 with Retry-After when denied."""
        headers = {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(decision.remaining),
        }
        if not decision.allowed:
            seconds = -(-decision.retry_after_ms // 1000)  # ceiling division
            headers["Retry-After"] = str(max(1, seconds))
        return headers
