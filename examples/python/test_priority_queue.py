"""Tests for priority_queue.PriorityQueue, including a property test against sorting."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from priority_queue import PriorityQueue


@dataclass(frozen=True)
class Task:
    name: str
    severity: int
    deadline: datetime


def test_key_function_with_tuple_priority() -> None:
    now = datetime(2025, 1, 1)
    queue: PriorityQueue[Task] = PriorityQueue(key=lambda t: (-t.severity, t.deadline))
    tasks = [
        Task("low", 1, now),
        Task("urgent-later", 3, now + timedelta(hours=2)),
        Task("urgent-sooner", 3, now + timedelta(hours=1)),
    ]
    for task in tasks:
        queue.push(task)
    assert [queue.pop().name for _ in range(3)] == ["urgent-sooner", "urgent-later", "low"]


def test_ties_pop_in_insertion_order_and_items_are_never_compared() -> None:
    queue: PriorityQueue[object] = PriorityQueue(key=lambda _: 0)
    items = [object() for _ in range(5)]  # object() has no ordering
    for item in items:
        queue.push(item)
    assert [queue.pop() for _ in items] == items


def test_reverse_works_for_non_numeric_priorities() -> None:
    queue: PriorityQueue[str] = PriorityQueue(reverse=True)
    for word in ["celery", "django", "react"]:
        queue.push(word)
    assert queue.pop() == "react"
    assert queue.peek() == "django"


def test_update_and_remove() -> None:
    queue: PriorityQueue[str] = PriorityQueue()
    queue.push("a", 5)
    queue.push("b", 3)
    queue.push("c", 4)
    queue.update("a", 1)
    queue.remove("b")
    assert "b" not in queue and len(queue) == 2
    assert [queue.pop(), queue.pop()] == ["a", "c"]
    with pytest.raises(IndexError):
        queue.pop()
    with pytest.raises(KeyError):
        queue.remove("zzz")


def test_dead_entries_are_compacted() -> None:
    queue: PriorityQueue[int] = PriorityQueue()
    for i in range(10):
        queue.push(i)
    for round_ in range(100):
        for i in range(10):
            queue.update(i, round_ * 10 + i)
    assert len(queue._heap) < 200  # without compaction it would hold 1,010 entries
    assert [queue.pop() for _ in range(10)] == list(range(10))


ops = st.lists(
    st.tuples(st.sampled_from(["push", "push", "remove"]), st.integers(0, 20), st.integers(-5, 5)),
    max_size=150,
)


@given(ops)
def test_pops_in_priority_order_with_stable_ties(operations: list[tuple[str, int, int]]) -> None:
    queue: PriorityQueue[int] = PriorityQueue()
    model: dict[int, tuple[int, int]] = {}  # item -> (priority, sequence of its last push)
    for sequence, (op, item, priority) in enumerate(operations):
        if op == "push":
            queue.push(item, priority)
            model[item] = (priority, sequence)
        elif item in model:
            queue.remove(item)
            del model[item]
    popped = [queue.pop() for _ in range(len(queue))]
    assert popped == sorted(model, key=lambda i: model[i])
    priorities = [model[i][0] for i in popped]
    assert priorities == sorted(priorities)
