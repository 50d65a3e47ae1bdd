"""The plan builder: fill an interview format's time boxes with questions from the bank.

For each segment it picks questions of the segment's kinds (and categories, when the segment
names some), at the candidate's level or one below, spread across categories, whose `minutes`
add up to the segment's time within ±10%. The same seed gives the same plan; questions asked
in an earlier round (`exclude`) are never asked again. Example::

    >>> plan = build_plan(framework, pool, format_id="technical-screening", level="senior", seed=7)
    >>> [(s.segment.title, s.minutes) for r in plan.rounds for s in r.segments]
    [('Core technology questions', 20), ('Coding challenge', 20), ('Q&A', 5)]
"""

from __future__ import annotations

import math
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from interviewkit.bank.schema import Kind, Level

from .framework import Format, Framework, Segment

TOLERANCE = Fraction(1, 10)
# Bounded search: pools are small (hundreds of questions), and the first combinations tried are
# the preferred ones, so a few thousand steps either find a fit or show there is none nearby.
SEARCH_STEPS = 20_000


@dataclass(frozen=True)
class PlanQuestion:
    id: str
    question: str
    category: str
    level: Level
    kind: Kind
    minutes: int


@dataclass
class PlannedSegment:
    segment: Segment
    questions: list[PlanQuestion] = field(default_factory=list)

    @property
    def minutes(self) -> int:
        """Minutes of the questions chosen; a segment without questions keeps its time box."""
        return sum(q.minutes for q in self.questions) if self.segment.kinds else self.segment.minutes


@dataclass
class PlannedRound:
    title: str
    segments: list[PlannedSegment]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.segments)


@dataclass
class Plan:
    format: Format
    level: Level
    seed: int
    focus: tuple[str, ...]
    rounds: list[PlannedRound]

    def question_ids(self) -> list[str]:
        return [q.id for r in self.rounds for s in r.segments for q in s.questions]


class PlanError(ValueError):
    """The bank cannot fill a segment; the message says which and what is missing."""


def eligible_levels(level: Level | str) -> tuple[Level, ...]:
    """The candidate's level and the one below it."""
    level = Level(level)
    return tuple(lv for lv in Level if level.rank - 1 <= lv.rank <= level.rank)


def minutes_window(minutes: int) -> tuple[int, int]:
    """Whole minutes within ±10% of a time box: 20 -> (18, 22), 45 -> (41, 49)."""
    return math.ceil(minutes * (1 - TOLERANCE)), math.floor(minutes * (1 + TOLERANCE))


def segment_candidates(
    segment: Segment, pool: Iterable[PlanQuestion], *, level: Level | str, exclude: set[str]
) -> list[PlanQuestion]:
    levels = eligible_levels(level)
    return [
        q
        for q in pool
        if q.kind in segment.kinds
        and (not segment.categories or q.category in segment.categories)
        and q.level in levels
        and q.id not in exclude
    ]


def build_plan(
    framework: Framework,
    pool: Sequence[PlanQuestion],
    *,
    format_id: str,
    level: Level | str,
    focus: Sequence[str] = (),
    seed: int = 0,
    exclude: Iterable[str] = (),
) -> Plan:
    """A plan for every round of the format. Raises PlanError when a segment cannot be filled."""
    fmt = framework.format(format_id)
    level = Level(level)
    used = set(exclude)
    rng = random.Random(f"{format_id}:{level}:{seed}")
    rounds = []
    for round_ in fmt.rounds:
        planned = []
        for segment in round_.segments:
            questions = []
            if segment.kinds:
                candidates = segment_candidates(segment, pool, level=level, exclude=used)
                questions = fill_segment(segment, candidates, focus=focus, rng=rng, level=level, format_title=fmt.title)
                used.update(q.id for q in questions)
            planned.append(PlannedSegment(segment, questions))
        rounds.append(PlannedRound(round_.title, planned))
    return Plan(fmt, level, seed, tuple(focus), rounds)


def fill_segment(
    segment: Segment,
    candidates: Sequence[PlanQuestion],
    *,
    focus: Sequence[str] = (),
    rng: random.Random,
    level: Level = Level.MID,
    format_title: str = "",
) -> list[PlanQuestion]:
    low, high = minutes_window(segment.minutes)
    ordered = _preference_order(candidates, focus=focus, rng=rng, level=level)
    chosen = _first_fit(ordered, low, high)
    if chosen is None:
        available = sum(q.minutes for q in candidates)
        kinds = " or ".join(str(k) for k in segment.kinds)
        where = f" in {', '.join(segment.categories)}" if segment.categories else ""
        levels = " or ".join(str(lv) for lv in eligible_levels(level))
        raise PlanError(
            f"cannot fill '{segment.title}' ({segment.minutes} min) of {format_title or 'the format'}: "
            f"{len(candidates)} unused {kinds} questions{where} at {levels} level add up to {available} min, "
            f"and no combination of them takes {low}-{high} min"
        )
    return chosen


def _preference_order(candidates: Sequence[PlanQuestion], *, focus: Sequence[str], rng: random.Random, level: Level) -> list[PlanQuestion]:
    """Shuffled, then interleaved across categories (focus categories first), questions at the
    candidate's own level before those one below, so an early fit is also a varied one."""
    by_category: dict[str, list[PlanQuestion]] = defaultdict(list)
    for question in sorted(candidates, key=lambda q: q.id):
        by_category[question.category].append(question)
    for questions in by_category.values():
        rng.shuffle(questions)
        questions.sort(key=lambda q: q.level != level)  # stable: keeps the shuffle within a level
    categories = sorted(by_category)
    rng.shuffle(categories)
    focused = [c for c in focus if c in by_category]
    categories = focused + [c for c in categories if c not in focused]
    ordered = []
    while any(by_category[c] for c in categories):
        for category in categories:
            if by_category[category]:
                ordered.append(by_category[category].pop(0))
    return ordered


def _first_fit(ordered: Sequence[PlanQuestion], low: int, high: int) -> list[PlanQuestion] | None:
    """The first combination, in preference order, whose minutes fall in [low, high]."""
    steps = 0
    chosen: list[PlanQuestion] = []

    def search(start: int, total: int) -> bool:
        nonlocal steps
        if low <= total <= high:
            return True
        for index in range(start, len(ordered)):
            steps += 1
            if steps > SEARCH_STEPS:
                return False
            question = ordered[index]
            if total + question.minutes > high:
                continue
            chosen.append(question)
            if search(index + 1, total + question.minutes):
                return True
            chosen.pop()
        return False

    return list(chosen) if search(0, 0) else None


def pool_from_answers(answers: Iterable) -> list[PlanQuestion]:
    """Plan questions from loaded answer files (interviewkit.bank.loader.AnswerFile)."""
    return [
        PlanQuestion(a.meta.id, a.meta.question, a.meta.category, Level(a.meta.level), Kind(a.meta.kind), a.meta.minutes)
        for a in answers
        if a.meta is not None
    ]
