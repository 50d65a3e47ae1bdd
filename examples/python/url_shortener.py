"""URL shortener core: base62 codes, collision detection and retry over a store interface."""
from __future__ import annotations

import hashlib
import itertools
import threading
from collections.abc import Callable
from typing import Protocol

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
BASE = len(ALPHABET)  # 62
_INDEX = {char: i for i, char in enumerate(ALPHABET)}


def encode_base62(number: int, width: int = 0) -> str:
    """Encode a non-negative integer in base62, left-padded with "0" to ``width``."""
    if number < 0:
        raise ValueError("number must be non-negative")
    digits: list[str] = []
    while number:
        number, rem = divmod(number, BASE)
        digits.append(ALPHABET[rem])
    return "".join(reversed(digits)).rjust(max(width, 1), ALPHABET[0])


def decode_base62(code: str) -> int:
    """Inverse of :func:`encode_base62`; raises ``ValueError`` on a foreign character."""
    number = 0
    for char in code:
        try:
            number = number * BASE + _INDEX[char]
        except KeyError:
            raise ValueError(f"invalid base62 character {char!r}") from None
    return number


class CodeStore(Protocol):
    """Persistence for code -> URL. ``insert_if_absent`` must be atomic.

    PostgreSQL: ``INSERT ... ON CONFLICT (code) DO NOTHING RETURNING code``.
    Redis: ``SET code url NX``. The uniqueness check lives in the store, never in
    a separate read before the write, or two writers can claim the same code.
    """

    def insert_if_absent(self, code: str, url: str) -> bool:
        """Store the pair and return True, or return False if ``code`` is taken."""
        ...

    def get(self, code: str) -> str | None:
        """The URL stored under ``code``, or None."""
        ...


class InMemoryStore:
    """Thread-safe dict-backed :class:`CodeStore` for tests and single-process use."""

    def __init__(self) -> None:
        self._urls: dict[str, str] = {}
        self._lock = threading.Lock()

    def insert_if_absent(self, code: str, url: str) -> bool:
        with self._lock:
            if code in self._urls:
                return False
            self._urls[code] = url
            return True

    def get(self, code: str) -> str | None:
        return self._urls.get(code)

    def __len__(self) -> int:
        return len(self._urls)


class CodeSpaceExhaustedError(RuntimeError):
    """No free code was found within the allowed number of attempts."""


class AliasTakenError(ValueError):
    """A custom alias is already mapped to a different URL."""


class _Shortener:
    def __init__(self, store: CodeStore, length: int) -> None:
        if length < 1:
            raise ValueError("length must be at least 1")
        self.store = store
        self.length = length
        self.space = BASE**length  # 62**7 is about 3.5 trillion codes

    def resolve(self, code: str) -> str | None:
        """The long URL for ``code``, or None if unknown."""
        return self.store.get(code)

    def create_alias(self, alias: str, url: str) -> str:
        """Claim a user-chosen code; idempotent for the same URL."""
        if not alias or any(char not in _INDEX for char in alias):
            raise ValueError("an alias uses base62 characters only")
        if self._claim(alias, url):
            return alias
        raise AliasTakenError(alias)

    def _claim(self, code: str, url: str) -> bool:
        """Try to own ``code`` for ``url``: True if inserted or already ours."""
        return self.store.insert_if_absent(code, url) or self.store.get(code) == url


def sha256_digest(data: bytes) -> bytes:
    """Default hash for :class:`HashShortener`."""
    return hashlib.sha256(data).digest()


class HashShortener(_Shortener):
    """Code = base62(hash(url, attempt)) truncated to ``length`` characters.

    The same URL always gets the same first candidate, so re-shortening it is
    idempotent without an extra index. A collision (the code belongs to another
    URL) is detected by the atomic insert and retried with the next attempt
    number mixed into the hash.
    """

    def __init__(
        self,
        store: CodeStore,
        length: int = 7,
        max_attempts: int = 8,
        digest: Callable[[bytes], bytes] = sha256_digest,
    ) -> None:
        super().__init__(store, length)
        self.max_attempts = max_attempts
        self.digest = digest
        self.collisions = 0

    def candidate(self, url: str, attempt: int) -> str:
        """The code tried for ``url`` on a given attempt (0-based)."""
        raw = self.digest(f"{attempt}:{url}".encode())
        return encode_base62(int.from_bytes(raw[:8], "big") % self.space, self.length)

    def shorten(self, url: str) -> str:
        """Return a code for ``url``: O(1) expected store calls while the space is sparse."""
        for attempt in range(self.max_attempts):
            code = self.candidate(url, attempt)
            if self._claim(code, url):
                return code
            self.collisions += 1
        raise CodeSpaceExhaustedError(f"no free code for {url!r} in {self.max_attempts} attempts")


class CounterShortener(_Shortener):
    """Code = base62 of a scrambled counter value: unique by construction.

    ``next_id`` is a global sequence (PostgreSQL sequence, Redis ``INCR``, or
    ranges leased per app server). Multiplying by a constant coprime to 62**length
    is a bijection modulo the code space, so codes stay unique but stop looking
    sequential. The only collisions left are codes taken by custom aliases; they
    are skipped.
    """

    MULTIPLIER = 0x5DEECE66D  # odd and not a multiple of 31, hence coprime to 62**n

    def __init__(
        self, store: CodeStore, next_id: Callable[[], int] | None = None, length: int = 7
    ) -> None:
        super().__init__(store, length)
        self.next_id = next_id or itertools.count(1).__next__

    def code_for(self, number: int) -> str:
        """Bijective map from ``0 <= number < 62**length`` to a fixed-width code."""
        if not 0 <= number < self.space:
            raise CodeSpaceExhaustedError(f"id {number} does not fit in {self.length} characters")
        return encode_base62(number * self.MULTIPLIER % self.space, self.length)

    def shorten(self, url: str) -> str:
        """Return a new code for ``url``: O(1) plus one retry per alias squatting a code."""
        while True:
            code = self.code_for(self.next_id())
            if self.store.insert_if_absent(code, url):
                return code
