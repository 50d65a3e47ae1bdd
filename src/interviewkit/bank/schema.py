"""The shape of the bank's files: categories.yaml and each answer's front matter.

The models forbid unknown keys and list allowed values, so a typo in a file is an error with a
message, never a silently ignored field. Example::

    >>> AnswerMeta.model_validate({"id": "x", ...})
"""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, field_validator

KEBAB = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Level(StrEnum):
    JUNIOR = "junior"
    MID = "mid"
    SENIOR = "senior"
    LEAD = "lead"

    @property
    def rank(self) -> int:
        return list(Level).index(self)


class Kind(StrEnum):
    CONCEPT = "concept"
    CODING = "coding"
    DESIGN = "design"
    SCENARIO = "scenario"
    BEHAVIORAL = "behavioral"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Category(_Strict):
    id: Annotated[str, Field(pattern=KEBAB)]
    title: Annotated[str, Field(min_length=1)]
    description: Annotated[str, Field(min_length=1)]
    order: int


class Reference(_Strict):
    title: Annotated[str, Field(min_length=1)]
    url: HttpUrl

    @field_validator("url")
    @classmethod
    def _https_only(cls, url: HttpUrl) -> HttpUrl:
        if url.scheme != "https":
            raise ValueError("use an https:// address")
        return url


class AnswerMeta(_Strict):
    """The YAML front matter of one answer file, exactly as CONTENT.md defines it."""

    id: Annotated[str, Field(pattern=KEBAB, max_length=80)]
    question: Annotated[str, Field(min_length=5)]
    also_asked: list[str] = []
    category: Annotated[str, Field(pattern=KEBAB)]
    seed_section: Annotated[str, Field(min_length=1)]
    level: Level
    kind: Kind
    minutes: Annotated[int, Field(ge=1, le=90)]
    tags: Annotated[list[Annotated[str, Field(pattern=KEBAB)]], Field(min_length=1, max_length=8)]
    related: list[Annotated[str, Field(pattern=KEBAB)]] = []
    references: Annotated[list[Reference], Field(min_length=1, max_length=8)]

    @field_validator("question", "also_asked", mode="after")
    @classmethod
    def _single_line(cls, value: str | list[str]) -> str | list[str]:
        for text in [value] if isinstance(value, str) else value:
            if "\n" in text.strip():
                raise ValueError("write the question on one line")
        return value


def describe_validation_error(error: dict, *, root: str = "front matter") -> str:
    """One pydantic error as 'field: message (how to fix)' for people editing YAML by hand."""
    where = ".".join(str(part) for part in error["loc"]) or root
    kind = error["type"]
    if kind == "extra_forbidden":
        allowed = ", ".join(AnswerMeta.model_fields)
        return f"{where}: unknown key; allowed keys are {allowed}"
    if kind == "missing":
        return f"{where}: required key is missing"
    if kind == "enum":
        allowed = error.get("ctx", {}).get("expected", "")
        return f"{where}: {error['input']!r} is not allowed; use one of {allowed}"
    if kind == "string_pattern_mismatch":
        return f"{where}: {error['input']!r} must be lowercase kebab-case (a-z, 0-9, hyphens)"
    message = re.sub(r"^Value error, ", "", error["msg"])
    return f"{where}: {message}"
