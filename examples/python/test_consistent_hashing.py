"""Tests for consistent_hashing.HashRing, with a property test on key movement."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from consistent_hashing import HashRing, hash64

KEYS = [f"user:{i}" for i in range(10_000)]


def test_lookup_is_deterministic_and_total() -> None:
    ring = HashRing(["a", "b", "c"])
    assert {ring.get_node(k) for k in KEYS} == {"a", "b", "c"}
    assert ring.get_node("user:42") == HashRing(["c", "a", "b"]).get_node("user:42")
    assert hash64("x") == hash64("x")


def test_virtual_nodes_balance_the_load() -> None:
    ring = HashRing([f"cache-{i}" for i in range(5)], vnodes=200)
    load = ring.load(KEYS)
    assert max(load.values()) < 1.25 * len(KEYS) / 5
    assert min(load.values()) > 0.75 * len(KEYS) / 5


def test_removing_a_node_only_moves_its_keys() -> None:
    ring = HashRing(["a", "b", "c", "d"])
    before = {k: ring.get_node(k) for k in KEYS}
    ring.remove_node("c")
    for key, owner in before.items():
        if owner != "c":
            assert ring.get_node(key) == owner
        else:
            assert ring.get_node(key) != "c"


def test_replica_sets_are_distinct_nodes() -> None:
    ring = HashRing(["a", "b", "c"])
    replicas = ring.get_nodes("order:1", 3)
    assert sorted(replicas) == ["a", "b", "c"]
    assert replicas[0] == ring.get_node("order:1")
    with pytest.raises(ValueError):
        ring.get_nodes("order:1", 4)


def test_errors() -> None:
    with pytest.raises(LookupError):
        HashRing().get_node("k")
    with pytest.raises(ValueError):
        HashRing(["a", "a"])


@settings(max_examples=25, derandomize=True)
@given(
    names=st.lists(st.text("abcdefghijklmnop0123456789", min_size=1, max_size=8), min_size=3, max_size=9, unique=True),
    newcomer=st.text("qrstuvwxyz", min_size=1, max_size=8),
)
def test_join_moves_about_one_over_n_plus_one(names: list[str], newcomer: str) -> None:
    """Adding node n+1 moves ~1/(n+1) of keys, and every moved key goes to the new node."""
    ring = HashRing(names, vnodes=200)
    before = {k: ring.get_node(k) for k in KEYS}
    ring.add_node(newcomer)
    moved = [k for k in KEYS if ring.get_node(k) != before[k]]
    assert all(ring.get_node(k) == newcomer for k in moved)
    expected = 1 / (len(names) + 1)
    assert 0.6 * expected <= len(moved) / len(KEYS) <= 1.4 * expected
