"""Bloom filter sized from n and p, with k indexes from double hashing."""
from __future__ import annotations

import hashlib
import math


def optimal_parameters(capacity: int, error_rate: float) -> tuple[int, int]:
    """Bits ``m`` and hash count ``k`` for ``capacity`` items at false-positive rate ``error_rate``.

    m = -n * ln(p) / (ln 2)^2 and k = (m / n) * ln 2. For p = 1% that is about
    9.6 bits per item and k = 7, whatever the size of the items themselves.
    """
    if capacity < 1 or not 0 < error_rate < 1:
        raise ValueError("capacity must be >= 1 and 0 < error_rate < 1")
    bits = math.ceil(-capacity * math.log(error_rate) / math.log(2) ** 2)
    hashes = max(1, round(bits / capacity * math.log(2)))
    return bits, hashes


class BloomFilter:
    """Set membership with no false negatives and a tunable false-positive rate.

    ``add`` sets k bits, ``__contains__`` checks them: O(k) each, independent of
    how many items are stored. Memory is m bits in a ``bytearray``. Items cannot
    be removed (clearing a bit could erase other items); use a counting Bloom
    filter or rebuild for that.

    The k indexes come from one 128-bit BLAKE2b digest split into h1 and h2:
    index_i = (h1 + i * h2) mod m (Kirsch and Mitzenmacher's double hashing),
    which keeps the false-positive rate of k independent hashes at one hash's cost.
    """

    def __init__(self, capacity: int, error_rate: float = 0.01) -> None:
        self.capacity = capacity
        self.error_rate = error_rate
        self.size, self.hash_count = optimal_parameters(capacity, error_rate)
        self._bits = bytearray((self.size + 7) // 8)
        self.count = 0  # items added (duplicates detected by the filter are not counted)

    def _indexes(self, item: str) -> list[int]:
        digest = hashlib.blake2b(item.encode(), digest_size=16).digest()
        h1 = int.from_bytes(digest[:8], "little")
        h2 = int.from_bytes(digest[8:], "little") | 1  # odd, so the stride is never 0
        return [(h1 + i * h2) % self.size for i in range(self.hash_count)]

    def add(self, item: str) -> bool:
        """Insert ``item``; return True if it was new, False if probably seen before."""
        new = False
        for index in self._indexes(item):
            byte, mask = index >> 3, 1 << (index & 7)
            if not self._bits[byte] & mask:
                self._bits[byte] |= mask
                new = True
        if new:
            self.count += 1
        return new

    def __contains__(self, item: str) -> bool:
        """False means definitely absent; True means present with probability ~1 - p."""
        return all(self._bits[i >> 3] & (1 << (i & 7)) for i in self._indexes(item))

    def expected_false_positive_rate(self, items: int | None = None) -> float:
        """Theoretical rate (1 - e^(-k n / m))^k after ``items`` inserts (default: count)."""
        n = self.count if items is None else items
        return (1 - math.exp(-self.hash_count * n / self.size)) ** self.hash_count

    @property
    def size_bytes(self) -> int:
        return len(self._bits)
