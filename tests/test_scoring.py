"""The scoring engine: the guide's examples, exact boundaries, and properties over every input."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from interviewkit.assessment.framework import load_framework
from interviewkit.assessment.scoring import ScoreError, band_for, decide, format_total, recommendation_agrees, weighted_total

from .conftest import REAL_CONTENT

FRAMEWORK = load_framework(REAL_CONTENT / "framework.yaml")
CRITERIA = [c.id for c in FRAMEWORK.rubric]
LEVELS = ["junior", "mid", "senior", "lead"]
BAND_ORDER = [b.id for b in FRAMEWORK.bands]  # best first


def scores(technical, problem_solving, communication, code_quality):
    return dict(zip(CRITERIA, (technical, problem_solving, communication, code_quality), strict=True))


def test_guide_example_mid_hire_and_lead_borderline():
    mid = decide(FRAMEWORK, scores(5, 3, 4, 4), level="mid")
    assert (mid.total_display, mid.band.title, mid.adjusted_band.title) == ("4.15", "Hire", "Hire")
    lead = decide(FRAMEWORK, scores(5, 3, 4, 4), level="lead")
    assert lead.adjusted_band.title == "Borderline"
    assert "Problem-solving 3, below the 4 that Lead requires for Hire" in " ".join(lead.reasons)


def test_total_in_the_gap_between_hire_and_strong_hire_is_hire():
    decision = decide(FRAMEWORK, scores(5, 5, 3, 4), level="mid")
    assert decision.total == Fraction("4.45")
    assert decision.total_display == "4.45" and decision.band.title == "Hire"


@pytest.mark.parametrize(
    ("total", "band"),
    [("4.5", "Strong Hire"), ("4.49", "Hire"), ("3.8", "Hire"), ("3.79", "Borderline"), ("3.75", "Borderline"),
     ("3.0", "Borderline"), ("2.95", "No Hire"), ("2.0", "No Hire"), ("1.99", "Strong No Hire"), ("1", "Strong No Hire"), ("5", "Strong Hire")],
)
def test_bands_are_half_open_on_the_exact_total(total, band):
    assert band_for(FRAMEWORK, Fraction(total)).title == band


def test_level_shifts_move_every_threshold():
    assert band_for(FRAMEWORK, Fraction("3.5"), shift=Fraction("-0.3")).title == "Hire"  # junior
    assert band_for(FRAMEWORK, Fraction("3.99"), shift=Fraction("0.2")).title == "Borderline"  # senior
    assert band_for(FRAMEWORK, Fraction("4.8"), shift=Fraction("0.3")).title == "Strong Hire"  # lead


def test_junior_needs_communication_and_problem_solving_of_3_for_hire():
    decision = decide(FRAMEWORK, scores(5, 5, 2, 5), level="junior")
    assert decision.band.title == "Hire" and decision.adjusted_band.title == "Borderline"  # 4.40: Strong Hire on junior thresholds, then capped
    assert any(r.startswith("Communication 2, below the 3 that Junior requires") for r in decision.reasons)


def test_lead_names_every_criterion_below_4():
    decision = decide(FRAMEWORK, scores(5, 5, 3, 3), level="lead")
    text = " ".join(decision.reasons)
    assert "Communication 3, below the 4" in text and "Code quality 3, below the 4" in text
    assert decision.adjusted_band.title == "Borderline"


def test_every_decision_says_the_level_rule():
    for level in LEVELS:
        decision = decide(FRAMEWORK, scores(3, 3, 3, 3), level=level)
        assert decision.reasons[0].startswith(level.capitalize() + ":")
    assert "standard thresholds" in decide(FRAMEWORK, scores(3, 3, 3, 3), level="mid").reasons[0]


@pytest.mark.parametrize(
    ("bad", "message"),
    [({"technical": 6}, "Technical skills is 6; scores go from 1 to 5"), ({"technical": 0}, "scores go from 1 to 5"),
     ({"technical": 4.5}, "must be a whole number from 1 to 5"), ({"technical": None}, "missing scores for technical"),
     ({"charisma": 5}, "unknown criteria charisma")],
)
def test_bad_scores_are_refused(bad, message):
    with pytest.raises(ScoreError, match=message):
        decide(FRAMEWORK, scores(3, 3, 3, 3) | bad, level="mid")


def test_weights_sum_to_one():
    assert sum(c.weight for c in FRAMEWORK.rubric) == 1
    assert weighted_total(FRAMEWORK, scores(5, 5, 5, 5)) == 5


def test_recommendation_agreement():
    assert recommendation_agrees(FRAMEWORK, recommendation_id="strong-yes", band_id="hire")
    assert not recommendation_agrees(FRAMEWORK, recommendation_id="strong-yes", band_id="borderline")
    assert not recommendation_agrees(FRAMEWORK, recommendation_id="definitely-not", band_id="hire")
    assert recommendation_agrees(FRAMEWORK, recommendation_id="no-decision", band_id="strong-no-hire")


def test_display_never_rounds_up_into_a_band():
    assert format_total(Fraction("4.4999")) == "4.49"
    assert format_total(Fraction(89, 20)) == "4.45"


score = st.integers(min_value=1, max_value=5)
exact_score = st.fractions(min_value=1, max_value=5, max_denominator=12)


@given(st.tuples(score, score, score, score), st.sampled_from(LEVELS))
def test_total_stays_within_1_and_5(values, level):
    decision = decide(FRAMEWORK, scores(*values), level=level)
    assert 1 <= decision.total <= 5


@given(st.tuples(score, score, score, score), st.sampled_from(CRITERIA), st.sampled_from(LEVELS))
def test_raising_any_criterion_never_lowers_the_decision(values, criterion, level):
    before = scores(*values)
    if before[criterion] == 5:
        return
    after = before | {criterion: before[criterion] + 1}
    old, new = decide(FRAMEWORK, before, level=level), decide(FRAMEWORK, after, level=level)
    assert new.total > old.total
    assert BAND_ORDER.index(new.band.id) <= BAND_ORDER.index(old.band.id)
    assert BAND_ORDER.index(new.adjusted_band.id) <= BAND_ORDER.index(old.adjusted_band.id)


@given(st.tuples(exact_score, exact_score, exact_score, exact_score))
def test_band_is_exactly_the_first_threshold_reached(values):
    total = weighted_total(FRAMEWORK, scores(*values))
    band = band_for(FRAMEWORK, total)
    index = BAND_ORDER.index(band.id)
    assert band.min is None or total >= band.min
    if index > 0:
        assert total < FRAMEWORK.bands[index - 1].min


@given(st.sampled_from([b for b in FRAMEWORK.bands if b.min is not None]), st.sampled_from(LEVELS))
def test_a_total_exactly_on_a_threshold_belongs_to_that_band(band, level):
    shift = FRAMEWORK.level(level).shift
    assert band_for(FRAMEWORK, band.min + shift, shift=shift).id == band.id
    assert band_for(FRAMEWORK, band.min + shift - Fraction(1, 10**9), shift=shift).id != band.id


@given(st.tuples(score, score, score, score), st.sampled_from(LEVELS))
def test_adjusted_band_is_the_shifted_band_or_a_cap_below_it(values, level):
    decision = decide(FRAMEWORK, scores(*values), level=level)
    shifted = band_for(FRAMEWORK, decision.total, shift=decision.level.shift)
    assert BAND_ORDER.index(decision.adjusted_band.id) >= BAND_ORDER.index(shifted.id)
    if decision.adjusted_band.id != shifted.id:
        assert decision.adjusted_band.id == "borderline" and len(decision.reasons) >= 2
