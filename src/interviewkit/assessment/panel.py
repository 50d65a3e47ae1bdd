"""Combine several interviewers' scorecards into one panel decision.

Per criterion: the mean and the spread (highest minus lowest); a spread of 2 or more is flagged,
because it usually means the interviewers saw different things and should calibrate before
deciding. The panel decision runs the scoring engine on the exact means. Example::

    >>> summary = panel_summary(framework, [card_a, card_b], level="senior")
    >>> summary.decision.adjusted_band.title, summary.disagreements
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from interviewkit.bank.schema import Level

from .framework import Framework
from .scoring import Decision, decide, format_total

DISAGREEMENT_SPREAD = 2


@dataclass(frozen=True)
class Card:
    """What the panel needs of one submitted scorecard."""

    interviewer: str
    scores: dict[str, int]
    recommendation: str
    red_flags: tuple[str, ...] = ()
    must_haves_missing: tuple[str, ...] = ()


@dataclass(frozen=True)
class CriterionSummary:
    criterion_id: str
    title: str
    mean: Fraction
    spread: int
    scores: tuple[int, ...]

    @property
    def mean_display(self) -> str:
        return format_total(self.mean)

    @property
    def disagreement(self) -> bool:
        return self.spread >= DISAGREEMENT_SPREAD


@dataclass(frozen=True)
class PanelSummary:
    cards: int
    criteria: tuple[CriterionSummary, ...]
    decision: Decision | None
    reasons: tuple[str, ...]
    recommendations: dict[str, int]
    red_flags: dict[str, int]

    @property
    def disagreements(self) -> tuple[CriterionSummary, ...]:
        return tuple(c for c in self.criteria if c.disagreement)


def panel_summary(framework: Framework, cards: Sequence[Card], *, level: Level | str) -> PanelSummary:
    """Means, spreads, disagreements and the decision of the whole panel."""
    if not cards:
        return PanelSummary(0, (), None, ("No scorecard has been submitted yet.",), {}, {})
    criteria = []
    for criterion in framework.rubric:
        scores = tuple(card.scores[criterion.id] for card in cards)
        criteria.append(
            CriterionSummary(criterion.id, criterion.title, Fraction(sum(scores), len(scores)), max(scores) - min(scores), scores)
        )
    decision = decide(framework, {c.criterion_id: c.mean for c in criteria}, level=level)
    reasons = [f"{len(cards)} scorecard{'s' if len(cards) != 1 else ''}; decision on the mean of each criterion."]
    reasons += list(decision.reasons)
    for summary in criteria:
        if summary.disagreement:
            reasons.append(
                f"Interviewers differ by {summary.spread} on {summary.title} "
                f"({', '.join(str(s) for s in summary.scores)}): calibrate before deciding."
            )
    titles = {r.id: r.title for r in framework.recommendations}
    recommendations = Counter(titles.get(card.recommendation, card.recommendation) for card in cards)
    red_flags = Counter(flag for card in cards for flag in card.red_flags)
    if red_flags:
        reasons.append(f"{sum(red_flags.values())} red flag{'s' if sum(red_flags.values()) != 1 else ''} ticked across the panel.")
    return PanelSummary(len(cards), tuple(criteria), decision, tuple(reasons), dict(recommendations), dict(red_flags))
