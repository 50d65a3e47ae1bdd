"""Validate the bank: every rule of CONTENT.md that a program can check.

Each problem names the file, the field or line, and how to fix it. Errors fail `interviewkit
check`; warnings (a question that is not in the guide) are reported but do not. Example::

    >>> report = check_bank(load_bank())
    >>> report.ok, len(report.errors), report.coverage.answered
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .loader import AnswerFile, Bank, count_words
from .schema import Kind
from .seed import SeedQuestion, normalize_question

SECTION_ORDER = [
    "Short answer",
    "Explanation",
    "Example",
    "Pitfalls",
    "Follow-up questions",
    "What interviewers look for",
]
OPTIONAL_SECTIONS = {"Example"}
DESIGN_SUBSECTIONS = ["Requirements", "Estimates", "API", "Data model", "Architecture", "Scaling and trade-offs"]
SHORT_ANSWER_WORDS = (40, 120)
EXPLANATION_WORDS = {
    Kind.CONCEPT: (150, 600),
    Kind.CODING: (100, 600),
    Kind.DESIGN: (500, 1500),
    Kind.SCENARIO: (150, 700),
    Kind.BEHAVIORAL: (150, 700),
}
BULLET_RANGE = {"Pitfalls": (2, 5), "Follow-up questions": (2, 5)}
_H3 = re.compile(r"^### (.+?)\s*$", re.M)
_TOP_BULLET = re.compile(r"^(?:[-*]|\d+\.) ", re.M)


@dataclass(frozen=True)
class Problem:
    path: str
    where: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        return f"{self.path}: {self.where}: {self.message}"


@dataclass
class SectionCoverage:
    section: str
    total: int
    answered: int


@dataclass
class Coverage:
    sections: list[SectionCoverage]
    missing: list[SeedQuestion]

    @property
    def total(self) -> int:
        return sum(s.total for s in self.sections)

    @property
    def answered(self) -> int:
        return sum(s.answered for s in self.sections)

    @property
    def percent(self) -> float:
        return 100.0 * self.answered / self.total if self.total else 100.0


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    coverage: Coverage | None = None
    files: int = 0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_bank(bank: Bank) -> Report:
    """Run every check over the bank and compute its coverage of the guide."""
    report = Report(files=len(bank.answers))
    add = report.problems.append
    for message in bank.category_errors:
        add(Problem("content/categories.yaml", "categories", message))
    category_ids = {c.id for c in bank.categories}
    ids: dict[str, list[AnswerFile]] = defaultdict(list)
    for answer in bank.valid_answers:
        ids[answer.meta.id].append(answer)

    seed_by_key: dict[str, list[SeedQuestion]] = defaultdict(list)
    for question in bank.seed:
        seed_by_key[question.key].append(question)
    answered_by: dict[str, AnswerFile] = {}

    for answer in bank.answers:
        rel = _rel(answer.path, bank.root)
        for message in answer.errors:
            where, _, text = message.partition(": ")
            add(Problem(rel, where, text or where))
        if answer.meta is None:
            continue
        meta = answer.meta
        if answer.path.stem != meta.id:
            add(Problem(rel, "id", f"file name must equal the id: rename the file to {meta.id}.md or set id: {answer.path.stem}"))
        if meta.category not in category_ids:
            add(Problem(rel, "category", f"{meta.category!r} is not in categories.yaml; use one of {', '.join(sorted(category_ids))}"))
        elif answer.path.parent.name != meta.category:
            add(Problem(rel, "category", f"file is in {answer.path.parent.name}/ but category is {meta.category}; move it to questions/{meta.category}/"))
        if len(ids[meta.id]) > 1 and ids[meta.id][0] is not answer:
            add(Problem(rel, "id", f"id {meta.id!r} is already used by {_rel(ids[meta.id][0].path, bank.root)}; ids must be unique"))
        for related in meta.related:
            if related == meta.id:
                add(Problem(rel, "related", "an answer cannot be related to itself"))
            elif related not in ids:
                add(Problem(rel, "related", f"{related!r} is not the id of any answer; fix the id or remove it"))
        _check_seed_match(answer, rel, seed_by_key, answered_by, bank.root, add)
        _check_sections(answer, rel, add)
        _check_code(answer, rel, bank.root.parent, add)

    _check_framework(bank, category_ids, add)
    report.coverage = _coverage(bank.seed, answered_by)
    return report


def _check_framework(bank: Bank, category_ids: set[str], add) -> None:
    # Imported here: the assessment package builds on the bank, not the other way round.
    from interviewkit.assessment.framework import FrameworkInvalid, load_framework

    path = bank.root / "framework.yaml"
    if not path.exists():
        return
    try:
        framework = load_framework(path)
    except FrameworkInvalid as exc:
        for problem in exc.problems:
            add(Problem("content/framework.yaml", "framework", problem.removeprefix("framework.yaml: ")))
        return
    for fmt in framework.formats:
        for round_ in fmt.rounds:
            for segment in round_.segments:
                for category in set(segment.categories) - category_ids:
                    add(Problem("content/framework.yaml", f"formats.{fmt.id}.{segment.id}", f"category {category!r} is not in categories.yaml"))


def _rel(path: Path, root: Path) -> str:
    try:
        return str(path.relative_to(root.parent))
    except ValueError:
        return str(path)


def _check_seed_match(answer, rel, seed_by_key, answered_by, root, add) -> None:
    meta = answer.meta
    for where, text in [("question", meta.question)] + [("also_asked", t) for t in meta.also_asked]:
        key = normalize_question(text)
        matches = seed_by_key.get(key)
        if not matches:
            add(Problem(rel, where, f"{text!r} is not a question of the guide; copy the text exactly from content/source/question-bank.md", "warning"))
            continue
        if key in answered_by and answered_by[key] is not answer:
            other = _rel(answered_by[key].path, root)
            add(Problem(rel, where, f"this guide question is already answered by {other}; keep one file and list the other wording in also_asked"))
            continue
        answered_by[key] = answer
        sections = {m.section for m in matches}
        if where == "question" and meta.seed_section not in sections:
            expected = sorted(sections)[0]
            add(Problem(rel, "seed_section", f"the guide asks this under {expected!r}; set seed_section to that"))


def _check_sections(answer: AnswerFile, rel: str, add) -> None:
    meta = answer.meta
    titles = list(answer.sections)
    for title in titles:
        if title not in SECTION_ORDER:
            add(Problem(rel, f"line {answer.section_line(title)}", f"unknown section '## {title}'; sections are {', '.join(SECTION_ORDER)}"))
    required = [t for t in SECTION_ORDER if t not in OPTIONAL_SECTIONS or (t == "Example" and meta.kind == Kind.CODING)]
    for title in required:
        if title not in answer.sections:
            add(Problem(rel, "sections", f"missing '## {title}'; every {meta.kind} answer needs it"))
    known = [t for t in titles if t in SECTION_ORDER]
    if known != sorted(known, key=SECTION_ORDER.index):
        add(Problem(rel, "sections", f"sections are out of order ({', '.join(known)}); the order is {', '.join(SECTION_ORDER)}"))

    _check_words(answer, rel, "Short answer", SHORT_ANSWER_WORDS, add)
    _check_words(answer, rel, "Explanation", EXPLANATION_WORDS[meta.kind], add)
    for title, (low, high) in BULLET_RANGE.items():
        if title in answer.sections:
            count = len(_TOP_BULLET.findall(answer.sections[title]))
            if not low <= count <= high:
                add(Problem(rel, f"line {answer.section_line(title)}", f"'## {title}' has {count} items; write {low}-{high} bullets"))

    explanation = answer.sections.get("Explanation", "")
    subsections = _H3.findall(explanation)
    if meta.kind == Kind.DESIGN:
        present = [s for s in subsections if s in DESIGN_SUBSECTIONS]
        missing = [s for s in DESIGN_SUBSECTIONS if s not in present]
        if missing:
            add(Problem(rel, "Explanation", f"a design answer needs the subsections {', '.join('### ' + s for s in missing)}"))
        elif present != DESIGN_SUBSECTIONS:
            add(Problem(rel, "Explanation", f"design subsections must come in the order {', '.join(DESIGN_SUBSECTIONS)}"))
        if not any(b.language == "mermaid" for b in answer.code_blocks):
            add(Problem(rel, "Explanation", "a design answer needs a ```mermaid diagram of the architecture"))
    if meta.kind == Kind.BEHAVIORAL and "Sample answer" not in subsections:
        add(Problem(rel, "Explanation", "a behavioral answer needs a '### Sample answer' with a believable story"))
    if meta.kind == Kind.CODING and "Example" in answer.sections:
        if "```" not in answer.sections["Example"]:
            add(Problem(rel, "Example", "a coding answer shows its solution as a code block"))


def _check_words(answer, rel, title, bounds, add) -> None:
    if title not in answer.sections:
        return
    low, high = bounds
    words = count_words(answer.sections[title])
    if not low <= words <= high:
        add(Problem(rel, f"line {answer.section_line(title)}", f"'## {title}' has {words} words; write {low}-{high} for a {answer.meta.kind} answer"))


def _check_code(answer: AnswerFile, rel: str, project_root: Path, add) -> None:
    for block in answer.code_blocks:
        if not block.language:
            add(Problem(rel, f"line {block.line}", "code block has no language; write ```python, ```sql, ```bash, ..."))
        if block.language == "python":
            try:
                ast.parse(block.code)
            except SyntaxError as exc:
                line = block.line + (exc.lineno or 1)
                add(Problem(rel, f"line {line}", f"Python does not parse: {exc.msg}"))
        included = block.attributes.get("file")
        if included:
            path = project_root / included
            if not path.is_file():
                add(Problem(rel, f"line {block.line}", f"embedded file {included} does not exist"))
            elif path.read_text(encoding="utf-8").rstrip("\n") != block.code.rstrip("\n"):
                add(Problem(rel, f"line {block.line}", f"code differs from {included}; paste the file's current content into the block"))


def _coverage(seed: list[SeedQuestion], answered_by: dict[str, AnswerFile]) -> Coverage:
    totals: dict[str, list[int]] = {}
    missing, seen = [], set()
    for question in seed:
        if question.key in seen:  # asked twice in the guide: one question, counted once
            continue
        seen.add(question.key)
        # Per guide section (its H2 > H3): fine enough to read, coarse enough to fit a screen.
        section = " > ".join(question.section.split(" > ")[:2])
        counts = totals.setdefault(section, [0, 0])
        counts[0] += 1
        if question.key in answered_by:
            counts[1] += 1
        else:
            missing.append(question)
    sections = [SectionCoverage(name, total, done) for name, (total, done) in totals.items()]
    return Coverage(sections, missing)
