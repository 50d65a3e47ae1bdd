"""@ratelimit for Django function views and DRF views: a fixed window counted in the cache.

The counter must live where every process sees it. LocMemCache is per process, so with
4 Gunicorn workers a "10/m" limit lets 40 requests through; use Redis in production.
"""

import math
import re
import time
from functools import wraps

from django.core.cache import caches
from django.http import JsonResponse

_RATE = re.compile(r"^(\d+)/(\d*)([smhd])$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate):
    """'10/m' -> (10, 60); '100/15m' -> (100, 900)."""
    match = _RATE.match(rate)
    if not match:
        raise ValueError(f"Bad rate {rate!r}; use e.g. '10/m', '100/h' or '5/30s'")
    limit, multiplier, unit = match.groups()
    return int(limit), int(multiplier or 1) * _UNIT_SECONDS[unit]


def user_or_ip(request):
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return f"user:{user.pk}"
    # REMOTE_ADDR is the peer; behind a proxy, set it from X-Forwarded-For in the
    # proxy layer you trust, never by reading the header here (clients can forge it).
    return f"ip:{request.META.get('REMOTE_ADDR', 'unknown')}"


def ratelimit(rate, key=user_or_ip, scope=None, cache_alias="default"):
    limit, window = parse_rate(rate)

    def decorator(view):
        bucket = scope or f"{view.__module__}.{view.__qualname__}"

        @wraps(view)
        def wrapped(*args, **kwargs):
            # Function view: (request, ...). DRF method: (self, request, ...).
            request = args[0] if hasattr(args[0], "META") else args[1]
            now = time.time()
            window_start = int(now // window) * window
            cache_key = f"rl:{bucket}:{key(request)}:{window_start}"
            count = _hit(caches[cache_alias], cache_key, timeout=window)
            if count > limit:
                retry_after = max(1, math.ceil(window_start + window - now))
                response = JsonResponse({"detail": "Too many requests."}, status=429)
                response["Retry-After"] = str(retry_after)
                return response
            return view(*args, **kwargs)

        return wrapped

    return decorator


def _hit(cache, cache_key, timeout):
    # add() only writes if the key is missing (Redis SET NX), and incr() is atomic on
    # Redis and memcached (INCR), and on LocMemCache within one process. A get() then
    # set() would let two concurrent requests both read 4 and both write 5.
    if cache.add(cache_key, 1, timeout=timeout):
        return 1
    try:
        return cache.incr(cache_key)
    except ValueError:  # expired between add() and incr(): start the window again
        cache.add(cache_key, 1, timeout=timeout)
        return 1
