"""The plan builder: time boxes within ±10%, kinds and levels respected, spread, determinism."""

import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from interviewkit.assessment.framework import load_framework
from interviewkit.assessment.planning import PlanError, PlanQuestion, build_plan, eligible_levels, minutes_window
from interviewkit.bank.schema import Kind, Level

from .conftest import REAL_CONTENT

FRAMEWORK = load_framework(REAL_CONTENT / "framework.yaml")
CATEGORIES = ["python", "django", "react", "databases", "apis", "celery", "architecture", "system-design"]


def make_pool():
    """A varied synthetic bank, generated from a fixed seed so every run sees the same one."""
    rng = random.Random(0)
    minutes = {Kind.CONCEPT: [3, 4, 5, 6], Kind.CODING: [10, 15, 20, 25, 30], Kind.DESIGN: [15, 30, 40, 45], Kind.SCENARIO: [5, 8, 10], Kind.BEHAVIORAL: [4, 5, 6]}
    home = {Kind.DESIGN: ["system-design", "architecture"], Kind.BEHAVIORAL: ["behavioral", "leadership"], Kind.SCENARIO: ["scenarios", "leadership", "code-quality"]}
    pool = []
    for i in range(240):
        kind = rng.choice([Kind.CONCEPT, Kind.CONCEPT, Kind.CONCEPT, Kind.CODING, Kind.DESIGN, Kind.SCENARIO, Kind.BEHAVIORAL])
        category = rng.choice(home.get(kind, CATEGORIES))
        pool.append(PlanQuestion(f"q{i:03}", f"Question {i}", category, rng.choice(list(Level)), kind, rng.choice(minutes[kind])))
    return pool


POOL = make_pool()


def test_minutes_window_is_ten_percent_either_side():
    assert minutes_window(20) == (18, 22)
    assert minutes_window(45) == (41, 49)
    assert minutes_window(5) == (5, 5)


def test_eligible_levels_are_own_and_one_below():
    assert eligible_levels("senior") == (Level.MID, Level.SENIOR)
    assert eligible_levels("junior") == (Level.JUNIOR,)


def test_technical_screening_fills_each_time_box():
    plan = build_plan(FRAMEWORK, POOL, format_id="technical-screening", level="senior", seed=1)
    core, coding, qa = plan.rounds[0].segments
    assert 18 <= core.minutes <= 22 and all(q.kind == Kind.CONCEPT for q in core.questions)
    assert 18 <= coding.minutes <= 22 and all(q.kind == Kind.CODING for q in coding.questions)
    assert qa.questions == [] and qa.minutes == 5
    assert all(q.level in (Level.MID, Level.SENIOR) for q in core.questions + coding.questions)
    assert len({q.category for q in core.questions}) >= 3  # spread across categories


def test_same_seed_same_plan_and_other_seeds_vary():
    first = build_plan(FRAMEWORK, POOL, format_id="option-2-comprehensive", level="mid", seed=42)
    again = build_plan(FRAMEWORK, list(reversed(POOL)), format_id="option-2-comprehensive", level="mid", seed=42)
    assert first.question_ids() == again.question_ids()
    others = {tuple(build_plan(FRAMEWORK, POOL, format_id="option-2-comprehensive", level="mid", seed=s).question_ids()) for s in range(5)}
    assert len(others) > 1


def test_focus_categories_come_first():
    plan = build_plan(FRAMEWORK, POOL, format_id="technical-screening", level="mid", seed=3, focus=["react"])
    assert plan.rounds[0].segments[0].questions[0].category == "react"


def test_multi_round_never_repeats_and_excludes_earlier_rounds():
    plan = build_plan(FRAMEWORK, POOL, format_id="option-3-multi-round", level="senior", seed=5)
    ids = plan.question_ids()
    assert len(ids) == len(set(ids)) and len(plan.rounds) == 4
    earlier = ids[:3]
    later = build_plan(FRAMEWORK, POOL, format_id="technical-screening", level="senior", seed=5, exclude=earlier)
    assert not set(earlier) & set(later.question_ids())


def test_segment_categories_are_respected():
    plan = build_plan(FRAMEWORK, POOL, format_id="option-1-technical-focus", level="mid", seed=2)
    behavioral = plan.rounds[0].segments[-1]
    assert behavioral.questions and all(q.category in ("behavioral", "leadership") for q in behavioral.questions)


def test_clear_error_when_the_bank_cannot_fill_a_segment():
    no_coding = [q for q in POOL if q.kind != Kind.CODING]
    with pytest.raises(PlanError, match=r"cannot fill 'Coding challenge' \(20 min\) of Technical screening: 0 unused coding questions at mid or senior level add up to 0 min"):
        build_plan(FRAMEWORK, no_coding, format_id="technical-screening", level="senior")


def test_unknown_format():
    with pytest.raises(KeyError, match="unknown format 'brunch'"):
        build_plan(FRAMEWORK, POOL, format_id="brunch", level="mid")


questions = st.builds(
    PlanQuestion,
    id=st.uuids().map(str),
    question=st.just("q"),
    category=st.sampled_from(CATEGORIES),
    level=st.sampled_from(list(Level)),
    kind=st.sampled_from([Kind.CONCEPT, Kind.CODING]),
    minutes=st.integers(min_value=1, max_value=25),
)


@settings(max_examples=60, deadline=None)
@given(st.lists(questions, max_size=40, unique_by=lambda q: q.id), st.sampled_from(list(Level)), st.integers(0, 100))
def test_any_plan_that_is_built_keeps_every_rule(pool, level, seed):
    try:
        plan = build_plan(FRAMEWORK, pool, format_id="technical-screening", level=level, seed=seed)
    except PlanError:
        return
    for segment in plan.rounds[0].segments:
        if segment.segment.kinds:
            low, high = minutes_window(segment.segment.minutes)
            assert low <= segment.minutes <= high
            assert all(q.kind in segment.segment.kinds and q.level in eligible_levels(level) for q in segment.questions)
    assert len(plan.question_ids()) == len(set(plan.question_ids()))
