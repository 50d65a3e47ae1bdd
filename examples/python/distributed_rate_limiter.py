"""Distributed token-bucket rate limiter: one atomic Lua script per decision in Redis."""
from __future__ import annotations

import logging
from dataclasses import dataclass

import redis

log = logging.getLogger(__name__)

# KEYS[1] = bucket hash {tokens, ts}
# ARGV = capacity, refill per second, tokens requested, now in ms ("" = use the Redis clock)
TOKEN_BUCKET_LUA = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local requested = tonumber(ARGV[3])
local now
if ARGV[4] ~= '' then
  now = tonumber(ARGV[4])
else
  local t = redis.call('TIME')
  now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end

local state = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(state[1])
local ts = tonumber(state[2])
if tokens == nil or ts == nil then
  tokens = capacity
  ts = now
end
if now > ts then
  tokens = math.min(capacity, tokens + (now - ts) * rate / 1000)
  ts = now
end

local allowed = 0
local retry_after = 0
if tokens >= requested then
  tokens = tokens - requested
  allowed = 1
else
  retry_after = math.ceil((requested - tokens) * 1000 / rate)
end

redis.call('HSET', KEYS[1], 'tokens', tokens, 'ts', ts)
redis.call('PEXPIRE', KEYS[1], math.ceil(capacity * 1000 / rate) + 1000)
return {allowed, tostring(tokens), retry_after}
"""


@dataclass(frozen=True)
class Decision:
    """Outcome of one rate-limit check."""

    allowed: bool
    remaining: float
    retry_after_ms: int


class TokenBucketLimiter:
    """Token bucket shared by every app server through Redis.

    Each key holds ``capacity`` tokens and regains ``refill_per_second`` per
    second; a request spends ``tokens``. Read, refill, spend and write happen in
    one Lua script, which Redis runs atomically, so concurrent servers cannot
    both spend the last token. The script reads the Redis clock (``TIME``), so
    app-server clock skew does not matter. ``now_ms`` exists for deterministic
    tests only.

    Cost: one round trip and O(1) work per check; O(1) memory per active key
    (a two-field hash that expires once the bucket would be full again).
    """

    def __init__(
        self,
        client: redis.Redis,
        capacity: int,
        refill_per_second: float,
        *,
        prefix: str = "ratelimit:tb:",
        fail_open: bool = True,
    ) -> None:
        if capacity < 1 or refill_per_second <= 0:
            raise ValueError("capacity must be >= 1 and refill_per_second > 0")
        self.client = client
        self.capacity = capacity
        self.refill_per_second = refill_per_second
        self.prefix = prefix
        self.fail_open = fail_open
        self._script = client.register_script(TOKEN_BUCKET_LUA)

    def acquire(self, key: str, tokens: int = 1, *, now_ms: int | None = None) -> Decision:
        """Spend ``tokens`` from the bucket for ``key`` if it holds enough."""
        if not 1 <= tokens <= self.capacity:
            raise ValueError("tokens must be between 1 and capacity")
        clock: int | str = "" if now_ms is None else now_ms
        args: list[float | str] = [self.capacity, self.refill_per_second, tokens, clock]
        try:
            allowed, remaining, retry_after = self._script(keys=[self.prefix + key], args=args)
        except redis.RedisError:
            if not self.fail_open:
                raise
            log.warning("rate limiter unavailable, allowing request for %s", key, exc_info=True)
            return Decision(True, float(self.capacity), 0)
        return Decision(bool(allowed), float(remaining), int(retry_after))
