"""The assessment framework (content/framework.yaml) as validated, typed data.

Numbers are `Fraction`s parsed from the YAML's strings, so a weighted total is exact and a total
that lands on a threshold is never nudged across it by binary floating point. Example::

    >>> framework = load_framework(Path("content/framework.yaml"))
    >>> framework.criterion("technical").weight
    Fraction(2, 5)
"""

from __future__ import annotations

from fractions import Fraction
from functools import cached_property
from pathlib import Path
from typing import Annotated

import yaml
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from interviewkit.bank.schema import KEBAB, Kind, Level, describe_validation_error


def _fraction(value: object) -> Fraction:
    if isinstance(value, Fraction):
        return value
    if isinstance(value, float):
        raise ValueError("write decimal numbers as quoted strings (\"0.40\") so they stay exact")
    try:
        return Fraction(str(value))
    except (ValueError, ZeroDivisionError) as exc:
        raise ValueError(f"{value!r} is not a number") from exc


Exact = Annotated[Fraction, BeforeValidator(_fraction)]
SCORES = range(1, 6)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True)


class Criterion(_Strict):
    id: Annotated[str, Field(pattern=r"^[a-z_]+$")]
    title: str
    weight: Exact
    descriptors: dict[int, str]

    @model_validator(mode="after")
    def _descriptor_for_every_score(self) -> Criterion:
        if sorted(self.descriptors) != list(SCORES):
            raise ValueError(f"descriptors of {self.id} must cover the scores 1-5 exactly")
        if not 0 < self.weight <= 1:
            raise ValueError(f"weight of {self.id} must be between 0 and 1")
        return self


class Band(_Strict):
    id: Annotated[str, Field(pattern=KEBAB)]
    title: str
    min: Exact | None
    meaning: str


class Requirement(_Strict):
    criterion: str  # a criterion id, or "*" for every criterion
    min: Annotated[int, Field(ge=1, le=5)]
    applies_from: str  # the lowest band the requirement guards ("hire": Hire and better)
    cap: str  # the band a candidate is held at when the requirement is not met


class LevelRule(_Strict):
    id: Level
    title: str
    shift: Exact
    reason: str
    requirements: list[Requirement] = []


class Recommendation(_Strict):
    id: Annotated[str, Field(pattern=KEBAB)]
    title: str
    agrees_with: list[str]


class Segment(_Strict):
    id: Annotated[str, Field(pattern=KEBAB)]
    title: str
    minutes: Annotated[int, Field(ge=1, le=180)]
    kinds: list[Kind] = []
    categories: list[str] = []


class Round(_Strict):
    title: str
    segments: Annotated[list[Segment], Field(min_length=1)]

    @property
    def minutes(self) -> int:
        return sum(s.minutes for s in self.segments)


class Format(_Strict):
    id: Annotated[str, Field(pattern=KEBAB)]
    title: str
    audience: str
    rounds: Annotated[list[Round], Field(min_length=1)]

    @property
    def minutes(self) -> int:
        return sum(r.minutes for r in self.rounds)


class Competency(_Strict):
    level: Level
    title: str
    areas: dict[str, str]


class RedFlags(_Strict):
    technical: list[str]
    behavioral: list[str]


class Criteria(_Strict):
    must_have: list[str]
    nice_to_have: list[str]


class Checklists(_Strict):
    preparation: list[str]
    during: list[str]
    after: list[str]


class Framework(_Strict):
    rubric: Annotated[list[Criterion], Field(min_length=1)]
    bands: Annotated[list[Band], Field(min_length=2)]
    levels: list[LevelRule]
    recommendations: list[Recommendation]
    formats: list[Format]
    competency_matrix: list[Competency]
    red_flags: RedFlags
    criteria: Criteria
    checklists: Checklists

    @model_validator(mode="after")
    def _consistent(self) -> Framework:
        if sum(c.weight for c in self.rubric) != 1:
            raise ValueError(f"rubric weights must sum to 1, not {float(sum(c.weight for c in self.rubric))}")
        minimums = [b.min for b in self.bands]
        if minimums[-1] is not None or None in minimums[:-1]:
            raise ValueError("every band but the last needs a min; the last band (below all others) has min: null")
        if minimums[:-1] != sorted(minimums[:-1], reverse=True) or len(set(minimums[:-1])) != len(minimums) - 1:
            raise ValueError("bands must be listed from the highest min to the lowest, without repeats")
        band_ids = {b.id for b in self.bands}
        criterion_ids = {c.id for c in self.rubric} | {"*"}
        for level in self.levels:
            for requirement in level.requirements:
                if requirement.criterion not in criterion_ids:
                    raise ValueError(f"level {level.id}: unknown criterion {requirement.criterion!r}")
                if {requirement.applies_from, requirement.cap} - band_ids:
                    raise ValueError(f"level {level.id}: applies_from and cap must be band ids ({', '.join(band_ids)})")
        if sorted(rule.id.rank for rule in self.levels) != [lv.rank for lv in Level]:
            raise ValueError("levels must define junior, mid, senior and lead once each")
        for recommendation in self.recommendations:
            if set(recommendation.agrees_with) - band_ids:
                raise ValueError(f"recommendation {recommendation.id}: agrees_with must list band ids")
        if len({f.id for f in self.formats}) != len(self.formats):
            raise ValueError("format ids must be unique")
        return self

    def criterion(self, criterion_id: str) -> Criterion:
        return next(c for c in self.rubric if c.id == criterion_id)

    def band(self, band_id: str) -> Band:
        return next(b for b in self.bands if b.id == band_id)

    def level(self, level: Level | str) -> LevelRule:
        return next(rule for rule in self.levels if rule.id == Level(level))

    def format(self, format_id: str) -> Format:
        for fmt in self.formats:
            if fmt.id == format_id:
                return fmt
        raise KeyError(f"unknown format {format_id!r}; formats are {', '.join(f.id for f in self.formats)}")

    def recommendation(self, recommendation_id: str) -> Recommendation:
        return next(r for r in self.recommendations if r.id == recommendation_id)

    @cached_property
    def band_rank(self) -> dict[str, int]:
        """0 for the highest band; larger is worse."""
        return {b.id: i for i, b in enumerate(self.bands)}


class FrameworkInvalid(ValueError):
    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems))


def parse_framework(text: str) -> Framework:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise FrameworkInvalid([f"framework.yaml does not parse: {exc}"]) from exc
    try:
        return Framework.model_validate(raw)
    except ValidationError as exc:
        raise FrameworkInvalid([f"framework.yaml: {describe_validation_error(e, root='framework')}" for e in exc.errors()]) from exc


def load_framework(path: Path) -> Framework:
    return parse_framework(path.read_text(encoding="utf-8"))
