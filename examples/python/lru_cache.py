"""LRU cache with O(1) get and put, built on collections.OrderedDict."""
from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable, Iterator
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class LRUCache(Generic[K, V]):
    """Fixed-capacity mapping that evicts the least recently used key.

    OrderedDict is a hash table plus a doubly linked list of its keys, so
    ``move_to_end`` and ``popitem(last=False)`` are O(1). The front of the order
    is the least recently used key, the back is the most recently used one.
    Not thread-safe: wrap calls in a ``threading.Lock`` if threads share it.
    """

    def __init__(self, capacity: int) -> None:
        if capacity < 1:
            raise ValueError("capacity must be at least 1")
        self.capacity = capacity
        self._data: OrderedDict[K, V] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: K, default: V | None = None) -> V | None:
        """Return the value for ``key`` and mark it most recently used, else ``default``."""
        try:
            value = self._data[key]
        except KeyError:
            self.misses += 1
            return default
        self._data.move_to_end(key)
        self.hits += 1
        return value

    def put(self, key: K, value: V) -> tuple[K, V] | None:
        """Insert or update ``key`` as most recently used.

        Returns the evicted ``(key, value)`` pair when the insert pushed the
        cache over capacity, otherwise ``None``.
        """
        if key in self._data:
            self._data.move_to_end(key)
            self._data[key] = value
            return None
        self._data[key] = value
        if len(self._data) > self.capacity:
            return self._data.popitem(last=False)
        return None

    def delete(self, key: K) -> bool:
        """Remove ``key``; return whether it was present."""
        if key not in self._data:
            return False
        del self._data[key]
        return True

    def __contains__(self, key: object) -> bool:
        """Membership test that does not count as a use."""
        return key in self._data

    def __len__(self) -> int:
        return len(self._data)

    def __iter__(self) -> Iterator[K]:
        """Keys from least to most recently used, without touching recency."""
        return iter(self._data)
