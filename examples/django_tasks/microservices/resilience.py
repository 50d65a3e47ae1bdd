"""Timeouts, retries with backoff and jitter, and a circuit breaker around one downstream service."""

import random
import threading
import time

import httpx

IDEMPOTENT_METHODS = {"GET", "HEAD", "OPTIONS", "PUT", "DELETE"}  # RFC 9110, section 9.2.2
RETRYABLE_STATUS = {502, 503, 504}


class ServiceUnavailable(Exception):
    """The dependency failed, timed out, or its circuit is open. Callers degrade or answer 503."""


class CircuitOpen(ServiceUnavailable):
    pass


class CircuitBreaker:
    """closed -> (threshold failures in a row) -> open -> (reset_timeout) -> half-open: one trial call."""

    def __init__(self, failure_threshold: int = 5, reset_timeout: float = 30.0, clock=time.monotonic):
        self.failure_threshold, self.reset_timeout, self.clock = failure_threshold, reset_timeout, clock
        self.failures, self.opened_at, self.trial_running = 0, None, False
        self._lock = threading.Lock()

    @property
    def state(self) -> str:
        if self.opened_at is None:
            return "closed"
        return "half-open" if self.clock() - self.opened_at >= self.reset_timeout else "open"

    def before_call(self) -> None:
        with self._lock:
            state = self.state
            if state == "open" or (state == "half-open" and self.trial_running):
                raise CircuitOpen("circuit open: not calling the service")
            self.trial_running = state == "half-open"

    def record_success(self) -> None:
        with self._lock:
            self.failures, self.opened_at, self.trial_running = 0, None, False

    def record_failure(self) -> None:
        with self._lock:
            self.failures += 1
            if self.trial_running or self.failures >= self.failure_threshold:
                self.opened_at, self.trial_running = self.clock(), False


class ServiceClient:
    """httpx client that retries only what is safe to repeat."""

    def __init__(self, base_url: str, *, timeout=httpx.Timeout(2.0, connect=0.5), attempts: int = 3,
                 backoff_base: float = 0.1, backoff_cap: float = 2.0, breaker: CircuitBreaker | None = None,
                 sleep=time.sleep):
        self.http = httpx.Client(base_url=base_url, timeout=timeout)
        self.attempts, self.backoff_base, self.backoff_cap = attempts, backoff_base, backoff_cap
        self.breaker, self.sleep = breaker or CircuitBreaker(), sleep

    def request(self, method: str, path: str, *, idempotency_key: str | None = None, **kwargs) -> httpx.Response:
        headers = dict(kwargs.pop("headers", None) or {})
        if idempotency_key:
            headers["Idempotency-Key"] = idempotency_key  # the server dedupes repeats of this key
        may_retry = method.upper() in IDEMPOTENT_METHODS or idempotency_key is not None
        for attempt in range(self.attempts):
            self.breaker.before_call()
            try:
                response = self.http.request(method, path, headers=headers, **kwargs)
            except httpx.RequestError as exc:  # connect errors, timeouts, resets, undecodable bodies
                error: Exception = exc
            else:
                if response.status_code not in RETRYABLE_STATUS:
                    self.breaker.record_success()  # a 4xx is our bug or a business answer, not an outage
                    return response
                error = httpx.HTTPStatusError(f"{response.status_code}", request=response.request, response=response)
            self.breaker.record_failure()
            if not may_retry or attempt == self.attempts - 1:
                break
            # Exponential backoff with full jitter: retries of many clients do not arrive in waves.
            self.sleep(random.uniform(0, min(self.backoff_cap, self.backoff_base * 2**attempt)))
        raise ServiceUnavailable(f"{method} {path} failed after {attempt + 1} attempt(s)") from error

    def close(self) -> None:
        self.http.close()
