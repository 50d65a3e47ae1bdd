"""Pieces both search backends share: query parsing, the indexed row, the hit, snippet markup."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

# Snippet markers that cannot occur in answer text: the snippet is HTML-escaped first and the
# markers become <mark> afterwards, so answer text can never inject markup.
MARK_START, MARK_END = "\x02", "\x03"
_TERM = re.compile(r"[^\W_]+", re.UNICODE)
MAX_TERMS = 8


@dataclass(frozen=True)
class IndexRow:
    question_id: str
    question: str
    short_answer: str
    explanation: str
    tags: str


@dataclass(frozen=True)
class SearchHit:
    id: str
    question: str
    category_id: str
    level: str
    kind: str
    snippet: str  # safe HTML: escaped text with <mark> around matches
    score: float


def query_terms(query: str) -> list[str]:
    """Words of a user's query, lowercased; punctuation and operators are dropped."""
    return [t.lower() for t in _TERM.findall(query)][:MAX_TERMS]


def snippet_html(raw: str) -> str:
    escaped = html.escape(raw)
    return escaped.replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")
