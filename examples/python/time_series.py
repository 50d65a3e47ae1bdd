"""In-memory time-series store: append-only chunks per series, bisect range scans,
downsampling and chunk-granular retention."""
from __future__ import annotations

import bisect
from array import array
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import groupby

AGGREGATES: dict[str, Callable[[list[float]], float]] = {
    "avg": lambda vs: sum(vs) / len(vs),
    "min": min,
    "max": max,
    "sum": sum,
    "count": lambda vs: float(len(vs)),
    "last": lambda vs: vs[-1],
}


class OutOfOrderError(ValueError):
    """A sample is older than the head chunk and would need a sealed chunk rewritten."""


def series_key(metric: str, labels: Mapping[str, str] | None = None) -> str:
    """Canonical id such as ``cpu{host=a,region=eu}``: label order never splits a series."""
    if not labels:
        return metric
    return metric + "{" + ",".join(f"{k}={labels[k]}" for k in sorted(labels)) + "}"


@dataclass
class Chunk:
    """Up to ``chunk_size`` samples in two packed arrays: 16 bytes per sample."""

    timestamps: array[int] = field(default_factory=lambda: array("q"))
    values: array[float] = field(default_factory=lambda: array("d"))

    @property
    def start(self) -> int:
        return self.timestamps[0]

    @property
    def end(self) -> int:
        return self.timestamps[-1]

    def __len__(self) -> int:
        return len(self.timestamps)

    def insert(self, ts: int, value: float) -> None:
        """Append in O(1) when in order; otherwise insert by bisect (last write wins)."""
        if not self.timestamps or ts > self.timestamps[-1]:
            self.timestamps.append(ts)
            self.values.append(value)
            return
        i = bisect.bisect_left(self.timestamps, ts)
        if i < len(self.timestamps) and self.timestamps[i] == ts:
            self.values[i] = value
        else:
            self.timestamps.insert(i, ts)
            self.values.insert(i, value)


@dataclass
class Series:
    """Chunks in time order, with their start times kept for bisect."""

    chunks: list[Chunk] = field(default_factory=list)
    starts: list[int] = field(default_factory=list)


class TimeSeriesStore:
    """Write-optimised store for (timestamp, value) samples keyed by series.

    * append: amortised O(1) into the series' head chunk; a full head chunk is
      sealed and a new one opened (a real engine compresses sealed chunks).
    * range: O(log C + log S + K) for C chunks, S samples per chunk, K results.
    * retention: drops whole chunks, O(C) per series, no per-sample deletes.

    Timestamps are integers in one unit (milliseconds here) and ``end`` bounds
    are exclusive.
    """

    def __init__(self, chunk_size: int = 1024, retention: int | None = None) -> None:
        if chunk_size < 1:
            raise ValueError("chunk_size must be positive")
        self.chunk_size = chunk_size
        self.retention = retention
        self._series: dict[str, Series] = {}

    def append(self, key: str, ts: int, value: float) -> None:
        """Add one sample; slightly late samples that fall in the head chunk are accepted."""
        series = self._series.setdefault(key, Series())
        head = series.chunks[-1] if series.chunks else None
        if head is not None and ts < head.start:
            raise OutOfOrderError(f"{key}: {ts} is older than the head chunk ({head.start})")
        if head is None or (len(head) >= self.chunk_size and ts > head.end):
            head = Chunk()
            series.chunks.append(head)
            series.starts.append(ts)
        head.insert(ts, value)

    def range(self, key: str, start: int, end: int) -> list[tuple[int, float]]:
        """Samples with ``start <= ts < end``, oldest first."""
        return list(self._scan(key, start, end))

    def _scan(self, key: str, start: int, end: int) -> Iterator[tuple[int, float]]:
        series = self._series.get(key)
        if series is None or start >= end:
            return
        first = max(0, bisect.bisect_right(series.starts, start) - 1)
        for index in range(first, len(series.chunks)):  # no slice copy: stays O(log C) to start
            chunk = series.chunks[index]
            if chunk.start >= end:
                break
            lo = bisect.bisect_left(chunk.timestamps, start)
            hi = bisect.bisect_left(chunk.timestamps, end)
            for i in range(lo, hi):
                yield chunk.timestamps[i], chunk.values[i]

    def downsample(
        self, key: str, start: int, end: int, bucket: int, agg: str = "avg"
    ) -> list[tuple[int, float]]:
        """One value per ``bucket``-wide interval (aligned to multiples of ``bucket``)."""
        if bucket < 1:
            raise ValueError("bucket must be positive")
        reduce = AGGREGATES[agg]
        samples = self._scan(key, start, end)
        buckets = groupby(samples, key=lambda sample: sample[0] - sample[0] % bucket)
        return [(start_ts, reduce([value for _, value in group])) for start_ts, group in buckets]

    def enforce_retention(self, now: int) -> int:
        """Drop chunks whose newest sample is older than ``now - retention``; return how many."""
        if self.retention is None:
            return 0
        cutoff = now - self.retention
        dropped = 0
        for key in list(self._series):
            series = self._series[key]
            stale = 0
            while stale < len(series.chunks) and series.chunks[stale].end < cutoff:
                stale += 1
            del series.chunks[:stale], series.starts[:stale]
            dropped += stale
            if not series.chunks:
                del self._series[key]
        return dropped

    def keys(self) -> list[str]:
        return sorted(self._series)

    def sample_count(self, key: str) -> int:
        series = self._series.get(key)
        return sum(len(c) for c in series.chunks) if series else 0

    def chunk_count(self, key: str) -> int:
        series = self._series.get(key)
        return len(series.chunks) if series else 0
