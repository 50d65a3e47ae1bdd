"""Reads for interviewers, every one of them filtered by what the user may see.

Visibility rules (the views return 404 for anything outside them, so a hidden object looks
exactly like a missing one):
- hiring managers (and superusers) see everything;
- an interviewer sees the candidates they created or interview, and the interviews they run
  or created;
- a scorecard is visible to its author and to hiring managers; other interviewers of the same
  candidate see it only once they have submitted their own scorecard for that candidate (as
  Greenhouse does: one interviewer's score must not anchor the next), unless
  INTERVIEWKIT_BLIND_SCORECARDS is off.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Q, QuerySet

from interviewkit.assessment.panel import Card, PanelSummary, panel_summary
from interviewkit.assessment.planning import PlanQuestion
from interviewkit.bank.schema import Kind, Level
from interviewkit.web.library.models import Question

from .framework import framework_get
from .models import Candidate, Interview, PlanItem, Scorecard

HIRING_MANAGERS = "Hiring managers"
INTERVIEWERS = "Interviewers"


def user_is_hiring_manager(user: AbstractBaseUser) -> bool:
    return user.is_superuser or user.groups.filter(name=HIRING_MANAGERS).exists()


def candidate_list(*, user: AbstractBaseUser) -> QuerySet[Candidate]:
    candidates = Candidate.objects.all()
    if not user_is_hiring_manager(user):
        candidates = candidates.filter(Q(created_by=user) | Q(interviews__interviewer=user)).distinct()
    return candidates.order_by("-created_at")


def candidate_get(*, user: AbstractBaseUser, candidate_id: int) -> Candidate | None:
    return candidate_list(user=user).filter(pk=candidate_id).first()


def interview_list(*, user: AbstractBaseUser) -> QuerySet[Interview]:
    interviews = Interview.objects.select_related("candidate", "interviewer")
    if not user_is_hiring_manager(user):
        interviews = interviews.filter(Q(interviewer=user) | Q(created_by=user) | Q(candidate__created_by=user))
    return interviews.order_by("scheduled_at", "pk")


def interview_get(*, user: AbstractBaseUser, interview_id: int) -> Interview | None:
    return interview_list(user=user).filter(pk=interview_id).first()


def _blind() -> bool:
    return getattr(settings, "INTERVIEWKIT_BLIND_SCORECARDS", True)


def scorecard_list_visible(*, user: AbstractBaseUser, candidate: Candidate) -> QuerySet[Scorecard]:
    """Scorecards of a candidate that `user` may read."""
    cards = Scorecard.objects.filter(interview__candidate=candidate).select_related("author", "interview")
    if user_is_hiring_manager(user):
        return cards
    if candidate_get(user=user, candidate_id=candidate.pk) is None:
        return cards.none()
    submitted_own = cards.filter(author=user, status=Scorecard.Status.SUBMITTED).exists()
    if _blind() and not submitted_own:
        return cards.filter(author=user)
    return cards.filter(Q(author=user) | Q(status=Scorecard.Status.SUBMITTED))


def scorecard_get(*, user: AbstractBaseUser, scorecard_id: int) -> Scorecard | None:
    card = Scorecard.objects.select_related("interview__candidate", "author").filter(pk=scorecard_id).first()
    if card is None:
        return None
    return scorecard_list_visible(user=user, candidate=card.interview.candidate).filter(pk=card.pk).first()


def scorecard_hidden_count(*, user: AbstractBaseUser, candidate: Candidate) -> int:
    """Submitted scorecards of others that `user` cannot see yet."""
    submitted = Scorecard.objects.filter(interview__candidate=candidate, status=Scorecard.Status.SUBMITTED).exclude(author=user)
    visible = scorecard_list_visible(user=user, candidate=candidate).exclude(author=user)
    return submitted.count() - visible.filter(status=Scorecard.Status.SUBMITTED).count()


def candidate_panel(*, user: AbstractBaseUser, candidate: Candidate) -> PanelSummary:
    """The panel over the submitted scorecards this user may see."""
    cards = [
        Card(
            interviewer=card.author.get_username(),
            scores=card.scores(),
            recommendation=card.recommendation,
            red_flags=tuple(card.red_flags),
        )
        for card in scorecard_list_visible(user=user, candidate=candidate).filter(status=Scorecard.Status.SUBMITTED)
    ]
    return panel_summary(framework_get(), cards, level=candidate.level)


def plan_pool() -> list[PlanQuestion]:
    """Every synced question as the plan builder sees it."""
    return [
        PlanQuestion(q.id, q.question, q.category_id, Level(q.level), Kind(q.kind), q.minutes)
        for q in Question.objects.only("id", "question", "category_id", "level", "kind", "minutes")
    ]


def candidate_question_ids(*, candidate: Candidate) -> set[str]:
    """Questions already planned for this candidate in any interview."""
    return set(PlanItem.objects.filter(interview__candidate=candidate).values_list("question_id_snapshot", flat=True))


def plan_item_alternatives(*, item: PlanItem) -> QuerySet[Question]:
    """Questions that may replace `item`: same kind and level, in the segment's categories,
    not yet planned for this candidate."""
    segment = next((s for s in item.interview.segments if s["id"] == item.segment_id), {})
    questions = Question.objects.filter(kind=item.kind, level=item.level).select_related("category")
    if segment.get("categories"):
        questions = questions.filter(category_id__in=segment["categories"])
    used = candidate_question_ids(candidate=item.interview.candidate)
    return questions.exclude(id__in=used).order_by("category__order", "seed_position")
