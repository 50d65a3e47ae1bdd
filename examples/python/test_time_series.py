"""Tests for time_series.TimeSeriesStore, with a property test against a brute-force scan."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from time_series import OutOfOrderError, TimeSeriesStore, series_key


def test_series_key_is_canonical() -> None:
    assert series_key("cpu", {"region": "eu", "host": "a"}) == "cpu{host=a,region=eu}"
    assert series_key("cpu", {"host": "a", "region": "eu"}) == series_key("cpu", {"region": "eu", "host": "a"})
    assert series_key("up") == "up"


def test_appends_fill_chunks_of_fixed_size() -> None:
    store = TimeSeriesStore(chunk_size=4)
    for ts in range(10):
        store.append("cpu", ts * 1000, float(ts))
    assert store.sample_count("cpu") == 10
    assert store.chunk_count("cpu") == 3
    assert store.range("cpu", 2500, 6000) == [(3000, 3.0), (4000, 4.0), (5000, 5.0)]
    assert store.range("cpu", 6000, 6000) == []
    assert store.range("missing", 0, 10) == []


def test_late_samples_in_head_chunk_are_accepted_and_older_rejected() -> None:
    store = TimeSeriesStore(chunk_size=3)
    for ts in (0, 10, 20, 30, 40):  # chunks: [0, 10, 20] [30, 40]
        store.append("m", ts, 1.0)
    store.append("m", 35, 2.0)  # inside the head chunk: inserted in order
    store.append("m", 40, 9.0)  # same timestamp: last write wins
    assert store.range("m", 30, 50) == [(30, 1.0), (35, 2.0), (40, 9.0)]
    with pytest.raises(OutOfOrderError):
        store.append("m", 25, 1.0)  # would rewrite a sealed chunk


def test_downsample_aggregates_per_bucket() -> None:
    store = TimeSeriesStore(chunk_size=5)
    for second in range(120):
        store.append("req", second * 1000, float(second))
    per_minute = store.downsample("req", 0, 120_000, bucket=60_000, agg="avg")
    assert per_minute == [(0, 29.5), (60_000, 89.5)]
    assert store.downsample("req", 0, 120_000, 60_000, "max") == [(0, 59.0), (60_000, 119.0)]
    assert store.downsample("req", 30_000, 90_000, 60_000, "count") == [(0, 30.0), (60_000, 30.0)]
    with pytest.raises(KeyError):
        store.downsample("req", 0, 1, 1, "median")


def test_retention_drops_whole_chunks_only() -> None:
    store = TimeSeriesStore(chunk_size=10, retention=50)
    for ts in range(100):
        store.append("a", ts, 0.0)
    store.append("old", 0, 0.0)
    dropped = store.enforce_retention(now=100)  # cutoff 50: chunks ending before 50 go
    assert dropped == 5 + 1
    assert store.range("a", 0, 100)[0] == (50, 0.0)
    assert store.keys() == ["a"]


samples = st.lists(st.tuples(st.integers(0, 10_000), st.floats(-1e6, 1e6)), max_size=300)


@given(samples, st.integers(1, 16), st.integers(-10, 10_010), st.integers(0, 5_000))
def test_range_matches_brute_force(
    points: list[tuple[int, float]], chunk_size: int, start: int, width: int
) -> None:
    store = TimeSeriesStore(chunk_size=chunk_size)
    latest: dict[int, float] = {}
    for ts, value in sorted(points, key=lambda p: p[0]):
        store.append("s", ts, value)
        latest[ts] = value
    expected = sorted((ts, v) for ts, v in latest.items() if start <= ts < start + width)
    assert store.range("s", start, start + width) == expected
