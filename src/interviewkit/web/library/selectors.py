"""Reads of the answer bank for the views, the API and the CLI."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, QuerySet

from .models import Category, Question, SyncState


@dataclass(frozen=True)
class QuestionFilters:
    category: str = ""
    level: str = ""
    kind: str = ""
    tag: str = ""

    @property
    def active(self) -> bool:
        return any((self.category, self.level, self.kind, self.tag))


def category_list() -> QuerySet[Category]:
    """Categories in display order, each with `question_count`."""
    return Category.objects.annotate(question_count=Count("questions")).order_by("order", "id")


def question_list(*, filters: QuestionFilters) -> QuerySet[Question]:
    """Questions matching every filter that is set, in the guide's order within each category."""
    questions = Question.objects.select_related("category")
    if filters.category:
        questions = questions.filter(category_id=filters.category)
    if filters.level:
        questions = questions.filter(level=filters.level)
    if filters.kind:
        questions = questions.filter(kind=filters.kind)
    if filters.tag:
        questions = questions.filter(tags__name=filters.tag)
    return questions.order_by("category__order", "seed_position", "id")


def question_get(*, question_id: str) -> Question | None:
    return Question.objects.select_related("category").prefetch_related("tags").filter(id=question_id).first()


def question_neighbours(*, question: Question) -> tuple[Question | None, Question | None]:
    """The previous and next question in the same category, in reading order."""
    siblings = list(
        Question.objects.filter(category_id=question.category_id).order_by("seed_position", "id").values_list("id", flat=True)
    )
    index = siblings.index(question.id)
    previous_id = siblings[index - 1] if index > 0 else None
    next_id = siblings[index + 1] if index + 1 < len(siblings) else None
    found = Question.objects.in_bulk([i for i in (previous_id, next_id) if i])
    return found.get(previous_id), found.get(next_id)


def question_related(*, question: Question) -> list[Question]:
    found = Question.objects.in_bulk(question.related_ids)
    return [found[i] for i in question.related_ids if i in found]


def level_counts() -> dict[str, int]:
    counts = dict(Question.objects.values_list("level").annotate(n=Count("id")))
    return {value: counts.get(value, 0) for value, _ in Question.Level.choices}


def kind_counts() -> dict[str, int]:
    counts = dict(Question.objects.values_list("kind").annotate(n=Count("id")))
    return {value: counts.get(value, 0) for value, _ in Question.Kind.choices}


def sync_state() -> SyncState | None:
    return SyncState.objects.first()
