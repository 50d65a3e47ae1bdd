"""Writes to the answer bank tables: the sync from content/ files."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from interviewkit.bank.check import Problem, check_bank
from interviewkit.bank.loader import AnswerFile, load_bank
from interviewkit.bank.render import markdown_to_text, render_markdown
from interviewkit.bank.schema import Level
from interviewkit.search import IndexRow, search_index_rebuild

from .models import Category, Question, SyncState, Tag

ProgressCallback = Callable[[int, int, str], None]


class BankInvalid(Exception):
    """The bank has errors; nothing was written."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__(f"{len(problems)} errors in the bank; first: {problems[0]}")


@dataclass(frozen=True)
class SyncResult:
    changed: bool
    questions: int
    categories: int


def bank_sync(*, content_dir: Path | None = None, force: bool = False, on_progress: ProgressCallback | None = None) -> SyncResult:
    """Load content/ into the database in one transaction.

    Does nothing when the content hash matches the last sync. Raises BankInvalid, leaving the
    previous bank untouched, when `check` finds any error. Example: bank_sync(force=True)
    """
    bank = load_bank(content_dir or settings.INTERVIEWKIT_CONTENT_DIR)
    content_hash = bank.content_hash()
    state = SyncState.objects.first()
    if state and state.content_hash == content_hash and not force:
        return SyncResult(False, state.questions, Category.objects.count())

    report = check_bank(bank)
    if not report.ok:
        raise BankInvalid(report.errors)

    seed_position = {}
    for position, seed in enumerate(bank.seed, start=1):
        seed_position.setdefault(seed.key, position)

    # Render outside the transaction: it is the slow part, and keeps write locks short.
    answers = bank.valid_answers
    prepared = []
    for done, answer in enumerate(answers, start=1):
        prepared.append(_prepare(answer, seed_position, bank.root.parent))
        if on_progress:
            on_progress(done, len(answers), "Rendering answers")

    with transaction.atomic():
        for category in bank.categories:
            Category.objects.update_or_create(
                id=category.id, defaults={"title": category.title, "description": category.description, "order": category.order}
            )
        tags = {tag for fields, tag_names, _ in prepared for tag in tag_names}
        Tag.objects.bulk_create([Tag(name=t) for t in sorted(tags)], ignore_conflicts=True)
        # Bulk writes: a few statements for the whole bank instead of several per question.
        existing = set(Question.objects.values_list("id", flat=True))
        rows = [Question(**fields) for fields, _, _ in prepared]
        Question.objects.bulk_create([q for q in rows if q.id not in existing])
        update_fields = [f for f in prepared[0][0] if f != "id"] if prepared else []
        if update_fields:
            Question.objects.bulk_update([q for q in rows if q.id in existing], update_fields, batch_size=200)
        keep = {q.id for q in rows}
        through = Question.tags.through
        through.objects.filter(question_id__in=keep).delete()
        through.objects.bulk_create(
            [through(question_id=fields["id"], tag_id=tag) for fields, tag_names, _ in prepared for tag in tag_names]
        )
        Question.objects.exclude(id__in=keep).delete()
        Tag.objects.filter(questions__isnull=True).delete()
        Category.objects.exclude(id__in=[c.id for c in bank.categories]).delete()
        search_index_rebuild(rows=[row for _, _, row in prepared])
        coverage = report.coverage
        SyncState.objects.all().delete()
        SyncState.objects.create(
            content_hash=content_hash,
            questions=len(prepared),
            seed_total=coverage.total,
            seed_answered=coverage.answered,
            coverage=[{"section": s.section, "total": s.total, "answered": s.answered} for s in coverage.sections],
        )
    return SyncResult(True, len(prepared), len(bank.categories))


def _prepare(answer: AnswerFile, seed_position: dict[str, int], project_root: Path) -> tuple[dict, list[str], IndexRow]:
    meta = answer.meta
    rendered = render_markdown(answer.body)
    titles = [title for level, _anchor, title in rendered.toc if level == 2]
    short_md = answer.sections.get("Short answer", "")
    fields = {
        "id": meta.id,
        "category_id": meta.category,
        "question": meta.question,
        "also_asked": meta.also_asked,
        "seed_section": meta.seed_section,
        "seed_position": seed_position.get(" ".join(meta.question.split()), 10_000),
        "level": meta.level.value,
        "level_rank": Level(meta.level).rank,
        "kind": meta.kind.value,
        "minutes": meta.minutes,
        "related_ids": meta.related,
        "references": [{"title": r.title, "url": str(r.url)} for r in meta.references],
        "question_html": _inline_html(meta.question),
        "short_answer_html": render_markdown(short_md).html,
        "short_answer_text": markdown_to_text(short_md),
        "body_html": rendered.html,
        "toc": [list(item) for item in rendered.toc],
        "sections_html": _split_sections(rendered.html, titles),
        "has_diagram": rendered.has_diagram,
        "source_path": str(answer.path.relative_to(project_root)),
    }
    row = IndexRow(
        question_id=meta.id,
        question=markdown_to_text(" ".join([meta.question, *meta.also_asked])),
        short_answer=fields["short_answer_text"],
        explanation=markdown_to_text(answer.sections.get("Explanation", "")),
        tags=" ".join(tag.replace("-", " ") for tag in meta.tags),
    )
    return fields, list(meta.tags), row


def _split_sections(html: str, titles: list[str]) -> dict[str, str]:
    """The body's HTML cut at each <h2>, keyed by section title, headings removed: the live
    interview page shows single sections without rendering Markdown twice."""
    chunks = re.split(r"<h2 [^>]*>.*?</h2>\n?", html)[1:]
    return dict(zip(titles, chunks, strict=False))


def _inline_html(text: str) -> str:
    """A question title with its `code` spans rendered, and nothing else."""
    html = render_markdown(text).html.strip()
    if html.startswith("<p>") and html.endswith("</p>"):
        html = html[3:-4]
    return html
