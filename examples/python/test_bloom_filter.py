"""Tests for bloom_filter: sizing, no false negatives, measured false-positive rate."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bloom_filter import BloomFilter, optimal_parameters


def test_optimal_parameters_match_the_formulas() -> None:
    bits, hashes = optimal_parameters(10_000, 0.01)
    assert bits == 95_851  # about 9.59 bits per item
    assert hashes == 7
    assert optimal_parameters(1_000_000, 0.001) == (14_377_588, 10)
    with pytest.raises(ValueError):
        optimal_parameters(0, 0.01)
    with pytest.raises(ValueError):
        optimal_parameters(10, 1.0)


def test_add_reports_duplicates() -> None:
    seen = BloomFilter(1_000, 0.01)
    assert seen.add("order:1") is True
    assert seen.add("order:1") is False
    assert "order:1" in seen
    assert seen.count == 1


@given(st.lists(st.text(max_size=30), max_size=300))
def test_never_a_false_negative(items: list[str]) -> None:
    bloom = BloomFilter(capacity=max(1, len(items)), error_rate=0.05)
    for item in items:
        bloom.add(item)
    assert all(item in bloom for item in items)


def test_measured_false_positive_rate_is_near_theory() -> None:
    """Fixed data, deterministic hash: the measured rate is the same on every run."""
    p = 0.01
    bloom = BloomFilter(capacity=10_000, error_rate=p)
    for i in range(10_000):
        bloom.add(f"member-{i}")
    probes = 100_000
    false_positives = sum(f"stranger-{i}" in bloom for i in range(probes))
    rate = false_positives / probes
    assert p / 1.5 <= rate <= p * 1.5
    assert math.isclose(bloom.expected_false_positive_rate(10_000), p, rel_tol=0.05)


def test_overfilling_degrades_predictably() -> None:
    bloom = BloomFilter(capacity=1_000, error_rate=0.01)
    for i in range(2_000):  # twice the planned capacity
        bloom.add(f"member-{i}")
    rate = sum(f"stranger-{i}" in bloom for i in range(20_000)) / 20_000
    assert 0.1 < rate < 0.25  # about 16%, not 2%: the error grows much faster than n
    assert math.isclose(rate, bloom.expected_false_positive_rate(2_000), rel_tol=0.2)
