"""Consistent hash ring with virtual nodes, looked up by binary search."""
from __future__ import annotations

import bisect
import hashlib
from collections import Counter
from collections.abc import Iterable


def hash64(value: str) -> int:
    """Stable 64-bit hash (Python's ``hash()`` is salted per process, so never use it here)."""
    return int.from_bytes(hashlib.blake2b(value.encode(), digest_size=8).digest(), "big")


class HashRing:
    """Maps keys to nodes so that adding or removing a node moves about 1/n of keys.

    Every node is hashed onto a 64-bit circle ``vnodes`` times (``"node#i"``).
    A key belongs to the first virtual node clockwise from the key's hash. The
    ring is a sorted list of points plus a parallel list of owners, so a lookup
    is one ``bisect`` call.

    Lookup: O(log(n * vnodes)). Add or remove a node: O(n * vnodes * log(n * vnodes))
    to rebuild the sorted lists, which happens rarely. Memory: O(n * vnodes).
    """

    def __init__(self, nodes: Iterable[str] = (), vnodes: int = 160) -> None:
        if vnodes < 1:
            raise ValueError("vnodes must be at least 1")
        self.vnodes = vnodes
        self._points: list[int] = []
        self._owners: list[str] = []
        self._nodes: set[str] = set()
        for node in nodes:
            self.add_node(node)

    @property
    def nodes(self) -> frozenset[str]:
        return frozenset(self._nodes)

    def add_node(self, node: str) -> None:
        """Place ``node``'s virtual points on the ring."""
        if node in self._nodes:
            raise ValueError(f"{node!r} is already on the ring")
        self._nodes.add(node)
        self._rebuild()

    def remove_node(self, node: str) -> None:
        """Take ``node`` off the ring; its keys fall to the next points clockwise."""
        self._nodes.remove(node)
        self._rebuild()

    def _rebuild(self) -> None:
        ring = sorted(
            (hash64(f"{node}#{i}"), node) for node in self._nodes for i in range(self.vnodes)
        )
        self._points = [point for point, _ in ring]
        self._owners = [owner for _, owner in ring]

    def get_node(self, key: str) -> str:
        """The node that owns ``key``."""
        if not self._points:
            raise LookupError("the ring has no nodes")
        index = bisect.bisect_right(self._points, hash64(key))
        return self._owners[index % len(self._points)]  # wrap past the last point to the first

    def get_nodes(self, key: str, count: int) -> list[str]:
        """``count`` distinct nodes clockwise from ``key``: a replica set."""
        if count > len(self._nodes):
            raise ValueError("not enough nodes for that many replicas")
        index = bisect.bisect_right(self._points, hash64(key))
        found: list[str] = []
        while len(found) < count:
            owner = self._owners[index % len(self._points)]
            if owner not in found:
                found.append(owner)
            index += 1
        return found

    def load(self, keys: Iterable[str]) -> Counter[str]:
        """How many of ``keys`` each node owns: a quick balance check."""
        return Counter(self.get_node(key) for key in keys)
