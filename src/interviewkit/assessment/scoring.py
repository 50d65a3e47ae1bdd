"""The scoring engine: weighted total, decision band, and the experience-level adjustment.

Pure Python over the framework's data. Totals are exact fractions and are compared with the
band thresholds unrounded; rounding happens only for display. Example::

    >>> decision = decide(framework, {"technical": 5, "problem_solving": 3,
    ...                               "communication": 4, "code_quality": 4}, level="lead")
    >>> decision.total_display, decision.band.title, decision.adjusted_band.title
    ('4.15', 'Hire', 'Borderline')
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal
from fractions import Fraction

from interviewkit.bank.schema import Level

from .framework import Band, Framework, LevelRule

LEVEL_NAMES = {Level.JUNIOR: "Junior", Level.MID: "Mid", Level.SENIOR: "Senior", Level.LEAD: "Lead"}
Score = int | Fraction


class ScoreError(ValueError):
    """Scores that cannot be scored: a criterion missing, unknown, or outside 1-5."""


@dataclass(frozen=True)
class Decision:
    total: Fraction
    band: Band  # on the standard thresholds
    level: LevelRule
    adjusted_band: Band  # after the level's shift and requirements
    reasons: tuple[str, ...]  # why the adjusted band is what it is, the level's rule first

    @property
    def total_display(self) -> str:
        return format_total(self.total)

    @property
    def adjusted(self) -> bool:
        return self.band.id != self.adjusted_band.id


def format_total(total: Fraction) -> str:
    """Two decimals for people, rounded down: a total shows at or above a threshold only when it
    is (4.4999 shows 4.49, never 4.50, because it is not Strong Hire)."""
    total = Fraction(total)
    exact = Decimal(total.numerator) / Decimal(total.denominator)
    return str(exact.quantize(Decimal("0.01"), rounding=ROUND_FLOOR))


def validate_scores(framework: Framework, scores: Mapping[str, Score]) -> dict[str, Fraction]:
    expected = [c.id for c in framework.rubric]
    unknown = sorted(set(scores) - set(expected))
    if unknown:
        raise ScoreError(f"unknown criteria {', '.join(unknown)}; the rubric has {', '.join(expected)}")
    missing = [c for c in expected if c not in scores or scores[c] is None]
    if missing:
        raise ScoreError(f"missing scores for {', '.join(missing)}")
    exact = {}
    for criterion_id in expected:
        value = scores[criterion_id]
        if isinstance(value, bool) or not isinstance(value, int | Fraction):
            raise ScoreError(f"{framework.criterion(criterion_id).title} must be a whole number from 1 to 5, not {value!r}")
        if not 1 <= value <= 5:
            raise ScoreError(f"{framework.criterion(criterion_id).title} is {value}; scores go from 1 to 5")
        exact[criterion_id] = Fraction(value)
    return exact


def weighted_total(framework: Framework, scores: Mapping[str, Score]) -> Fraction:
    """Σ weight × score over the rubric, exactly."""
    exact = validate_scores(framework, scores)
    return sum((c.weight * exact[c.id] for c in framework.rubric), Fraction(0))


def band_for(framework: Framework, total: Fraction, *, shift: Fraction = Fraction(0)) -> Band:
    """The highest band whose (shifted) minimum the total reaches; bands are half-open."""
    for band in framework.bands:
        if band.min is None or total >= band.min + shift:
            return band
    raise AssertionError("the framework's last band has no minimum")  # guaranteed by its schema


def decide(framework: Framework, scores: Mapping[str, Score], *, level: Level | str) -> Decision:
    """Total, standard band, and the band after the level's adjustment, with the reasons."""
    exact = validate_scores(framework, scores)
    total = weighted_total(framework, exact)
    rule = framework.level(level)
    band = band_for(framework, total)
    adjusted = band_for(framework, total, shift=rule.shift)
    reasons = [_level_reason(framework, rule)]
    if adjusted.id != band.id and rule.shift:
        reasons.append(f"Total {format_total(total)} is {band.title} on the standard thresholds, {adjusted.title} on the {LEVEL_NAMES[rule.id]} thresholds.")
    rank = framework.band_rank
    for requirement in rule.requirements:
        if rank[adjusted.id] > rank[requirement.applies_from]:
            continue  # the requirement guards bands the candidate did not reach
        criteria = [c.id for c in framework.rubric] if requirement.criterion == "*" else [requirement.criterion]
        failing = [c for c in criteria if exact[c] < requirement.min]
        if not failing:
            continue
        cap = framework.band(requirement.cap)
        guarded = framework.band(requirement.applies_from).title
        for criterion_id in failing:
            title = framework.criterion(criterion_id).title
            reasons.append(
                f"{title} {_score_text(exact[criterion_id])}, below the {requirement.min} that "
                f"{LEVEL_NAMES[rule.id]} requires for {guarded}: capped at {cap.title}."
            )
        if rank[cap.id] > rank[adjusted.id]:
            adjusted = cap
    return Decision(total, band, rule, adjusted, tuple(reasons))


def _level_reason(framework: Framework, rule: LevelRule) -> str:
    name = LEVEL_NAMES[rule.id]
    hire = next(b for b in framework.bands if b.id == "hire") if any(b.id == "hire" for b in framework.bands) else framework.bands[1]
    if rule.shift == 0:
        return f"{name}: standard thresholds ({rule.reason.lower()})."
    direction = "lower" if rule.shift < 0 else "higher"
    return (
        f"{name}: every threshold {format_total(abs(rule.shift))} {direction}, so {hire.title} needs "
        f"{format_total(hire.min + rule.shift)} ({rule.reason.lower()})."
    )


def _score_text(value: Fraction) -> str:
    return str(value.numerator) if value.denominator == 1 else format_total(value)


def recommendation_agrees(framework: Framework, *, recommendation_id: str, band_id: str) -> bool:
    """Whether an interviewer's recommendation is consistent with a computed band."""
    return band_id in framework.recommendation(recommendation_id).agrees_with
