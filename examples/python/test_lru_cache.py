"""Tests for lru_cache.LRUCache, including a property test against a reference model."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from lru_cache import LRUCache


def test_get_refreshes_recency() -> None:
    cache: LRUCache[str, int] = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "a" is now most recent, "b" least recent
    assert cache.put("c", 3) == ("b", 2)
    assert list(cache) == ["a", "c"]


def test_update_does_not_evict_and_refreshes() -> None:
    cache: LRUCache[str, int] = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.put("a", 10) is None
    assert cache.put("c", 3) == ("b", 2)
    assert cache.get("a") == 10


def test_miss_returns_default_and_counts() -> None:
    cache: LRUCache[str, int] = LRUCache(1)
    assert cache.get("x") is None
    assert cache.get("x", -1) == -1
    cache.put("x", 0)
    assert cache.get("x") == 0
    assert (cache.hits, cache.misses) == (1, 2)


def test_contains_does_not_touch_recency() -> None:
    cache: LRUCache[str, int] = LRUCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert "a" in cache
    assert cache.put("c", 3) == ("a", 1)


def test_delete_and_stored_none_values() -> None:
    cache: LRUCache[str, int | None] = LRUCache(2)
    cache.put("a", None)
    assert cache.delete("a") is True
    assert cache.delete("a") is False
    assert len(cache) == 0


def test_capacity_must_be_positive() -> None:
    with pytest.raises(ValueError):
        LRUCache(0)


operations = st.lists(
    st.tuples(st.sampled_from(["get", "put"]), st.integers(0, 7), st.integers()),
    max_size=200,
)


@given(capacity=st.integers(1, 5), ops=operations)
def test_matches_reference_model(capacity: int, ops: list[tuple[str, int, int]]) -> None:
    """Never exceeds capacity and always evicts exactly what a naive model evicts."""
    cache: LRUCache[int, int] = LRUCache(capacity)
    order: list[int] = []  # reference: least recently used first, O(n) per operation
    values: dict[int, int] = {}
    for op, key, value in ops:
        if op == "get":
            expected = values.get(key)
            if key in values:
                order.remove(key)
                order.append(key)
            assert cache.get(key) == expected
        else:
            expected_evicted = None
            if key in values:
                order.remove(key)
            elif len(order) == capacity:
                victim = order.pop(0)
                expected_evicted = (victim, values.pop(victim))
            order.append(key)
            values[key] = value
            assert cache.put(key, value) == expected_evicted
        assert len(cache) <= capacity
        assert list(cache) == order
