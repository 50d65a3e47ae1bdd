"""Indexed priority queue on heapq: key functions, stable ties, O(log n) update and remove."""
from __future__ import annotations

import heapq
import itertools
from collections.abc import Callable, Hashable
from typing import Any, Generic, TypeVar

T = TypeVar("T", bound=Hashable)


class _Reversed:
    """Wraps a priority so that larger values sort first (works for str, datetime, tuples)."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __lt__(self, other: _Reversed) -> bool:
        return bool(other.value < self.value)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Reversed) and bool(self.value == other.value)


class PriorityQueue(Generic[T]):
    """Min-priority queue whose priority comes from a key function.

    Heap entries are ``[priority, sequence, item, alive]`` lists. The sequence
    number from ``itertools.count`` breaks ties in insertion order (stability)
    and means items themselves are never compared, so they need no ordering.
    ``update`` and ``remove`` use lazy deletion: the old entry is marked dead and
    skipped when it reaches the top, as in the heapq documentation's recipe.

    push, pop, update, remove: O(log n) amortised. peek: O(1) amortised.
    Memory: O(n) live entries plus dead ones, compacted when they outnumber them.
    """

    def __init__(self, key: Callable[[T], Any] | None = None, *, reverse: bool = False) -> None:
        self._key: Callable[[T], Any] = key or (lambda item: item)
        self._reverse = reverse
        self._heap: list[list[Any]] = []
        self._entries: dict[T, list[Any]] = {}
        self._sequence = itertools.count()
        self._dead = 0

    def _priority(self, item: T, priority: Any) -> Any:
        value = self._key(item) if priority is None else priority
        return _Reversed(value) if self._reverse else value

    def push(self, item: T, priority: Any = None) -> None:
        """Add ``item`` (priority = ``key(item)`` unless given); re-pushing updates it."""
        if item in self._entries:
            self._kill(self._entries.pop(item))
        entry = [self._priority(item, priority), next(self._sequence), item, True]
        self._entries[item] = entry
        heapq.heappush(self._heap, entry)

    update = push  # recompute after the item changed, or pass a new priority

    def remove(self, item: T) -> None:
        """Delete ``item``; raises KeyError if it is not queued."""
        self._kill(self._entries.pop(item))

    def pop(self) -> T:
        """Remove and return the item with the lowest priority (highest if reverse)."""
        self._drop_dead_top()
        if not self._heap:
            raise IndexError("pop from an empty priority queue")
        entry = heapq.heappop(self._heap)
        item: T = entry[2]
        del self._entries[item]
        return item

    def peek(self) -> T:
        """The item ``pop`` would return, without removing it."""
        self._drop_dead_top()
        if not self._heap:
            raise IndexError("peek at an empty priority queue")
        item: T = self._heap[0][2]
        return item

    def _kill(self, entry: list[Any]) -> None:
        entry[3] = False
        self._dead += 1
        if self._dead > 64 and self._dead > len(self._entries):
            # Compact: O(n), paid for by the deletes that made the garbage.
            self._heap = [e for e in self._heap if e[3]]
            heapq.heapify(self._heap)
            self._dead = 0

    def _drop_dead_top(self) -> None:
        while self._heap and not self._heap[0][3]:
            heapq.heappop(self._heap)
            self._dead -= 1

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, item: object) -> bool:
        return item in self._entries
