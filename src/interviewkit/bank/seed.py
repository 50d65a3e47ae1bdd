"""Extract the questions of the user's guide (content/source/question-bank.md).

The guide is a Markdown document of headings and list items. Only two parts of it hold
questions; everything else is the assessment framework, tips or criteria:

- from "## Additional Advanced Topics" up to "## Interview Logistics & Best Practices"
- from "## Technical Assessment Categories" up to "## Red Flags to Watch For"

Example::

    >>> questions = parse_seed(Path("content/source/question-bank.md").read_text())
    >>> len(questions), len({q.key for q in questions})
    (603, 601)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

QUESTION_PARTS = (
    ("## Additional Advanced Topics", "## Interview Logistics & Best Practices"),
    ("## Technical Assessment Categories", "## Red Flags to Watch For"),
)

_HEADING = re.compile(r"^(#{2,4}) (.*)$")
# A bold line standing alone ("**Basic to Intermediate:**") names a group inside a section.
_SUBHEADING = re.compile(r"^\*\*([^*]+?):?\*\*:?\s*$")
_LIST_ITEM = re.compile(r"^(?:- |\d+\. )(.*)$")
_NEW_MARKER = re.compile(r"^\*\*NEW:\*\*\s*")
_BOLD_WHOLE = re.compile(r"^\*\*(.*)\*\*$")
_SUBHEADING_LEVEL = 5


@dataclass(frozen=True)
class SeedQuestion:
    """One question line of the guide, with the heading path it sits under."""

    text: str
    section: str
    line: int

    @property
    def key(self) -> str:
        return normalize_question(self.text)


def normalize_question(text: str) -> str:
    """The form two question texts are compared in: whitespace collapsed, nothing else changed."""
    return re.sub(r"\s+", " ", text).strip()


def _clean_item(raw: str) -> str:
    text = _NEW_MARKER.sub("", raw.strip())
    bold = _BOLD_WHOLE.match(text)
    if bold:
        text = bold.group(1)
    return normalize_question(text)


def _split_glued_heading(lines: Iterable[str]) -> Iterable[tuple[int, str]]:
    # The guide glues "# Expanded Python Full Stack ..." to the end of a sentence; a heading
    # that does not start its line would otherwise hide the start of the second half.
    for number, line in enumerate(lines, start=1):
        head, sep, tail = line.partition("# Expanded")
        if sep and head.strip():
            yield number, head
            yield number, sep + tail
        else:
            yield number, line


def parse_seed(markdown: str) -> list[SeedQuestion]:
    """Every question line of the guide, in document order, duplicates included."""
    questions: list[SeedQuestion] = []
    headings: dict[int, str] = {}
    active = False
    for number, line in _split_glued_heading(markdown.splitlines()):
        for start, end in QUESTION_PARTS:
            if line.startswith(start):
                active = True
            elif line.startswith(end):
                active = False
        heading = _HEADING.match(line)
        if heading:
            level = len(heading.group(1))
            headings = {k: v for k, v in headings.items() if k < level}
            headings[level] = heading.group(2).strip().rstrip(":")
            continue
        sub = _SUBHEADING.match(line.strip())
        if sub:
            headings = {k: v for k, v in headings.items() if k < _SUBHEADING_LEVEL}
            headings[_SUBHEADING_LEVEL] = sub.group(1).strip()
            continue
        item = _LIST_ITEM.match(line)
        if active and item:
            section = " > ".join(headings[k] for k in sorted(headings))
            questions.append(SeedQuestion(_clean_item(item.group(1)), section, number))
    return questions
