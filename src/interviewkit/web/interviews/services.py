"""Writes for interviewers. Each function checks the rule it enforces, so a view, the API or a
script cannot bypass it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from interviewkit.assessment.planning import build_plan
from interviewkit.assessment.scoring import ScoreError, decide
from interviewkit.web.library.models import Question

from .framework import framework_get
from .models import SCORE_FIELDS, Candidate, Interview, PlanItem, Scorecard, ScorecardAudit
from .selectors import candidate_question_ids, plan_item_alternatives, plan_pool, user_is_hiring_manager


def candidate_create(*, name: str, level: str, position: str, created_by: AbstractBaseUser) -> Candidate:
    candidate = Candidate(name=name.strip(), level=level, position=position.strip(), created_by=created_by)
    candidate.full_clean()
    candidate.save()
    return candidate


@transaction.atomic
def interview_schedule(
    *,
    candidate: Candidate,
    format_id: str,
    round_index: int = 0,
    interviewer: AbstractBaseUser,
    scheduled_at: datetime,
    focus: Iterable[str] = (),
    seed: int = 0,
    created_by: AbstractBaseUser,
) -> Interview:
    """Plan one round of a format for a candidate; questions asked in the candidate's other
    interviews are never planned again. Raises PlanError when the bank cannot fill a segment."""
    framework = framework_get()
    fmt = framework.format(format_id)
    if not 0 <= round_index < len(fmt.rounds):
        raise ValidationError(f"{fmt.title} has {len(fmt.rounds)} round(s); round {round_index + 1} does not exist")
    plan = build_plan(
        framework,
        plan_pool(),
        format_id=format_id,
        level=candidate.level,
        focus=list(focus),
        seed=seed,
        exclude=candidate_question_ids(candidate=candidate),
    )
    planned_round = plan.rounds[round_index]
    interview = Interview.objects.create(
        candidate=candidate,
        interviewer=interviewer,
        format_id=fmt.id,
        format_title=fmt.title,
        round_index=round_index,
        title=planned_round.title,
        scheduled_at=scheduled_at,
        seed=seed,
        focus=list(focus),
        segments=[
            {"id": s.segment.id, "title": s.segment.title, "minutes": s.segment.minutes,
             "kinds": [str(k) for k in s.segment.kinds], "categories": list(s.segment.categories)}
            for s in planned_round.segments
        ],
        created_by=created_by,
    )
    questions = Question.objects.in_bulk([q.id for s in planned_round.segments for q in s.questions])
    position = 0
    for segment in planned_round.segments:
        for planned in segment.questions:
            position += 1
            PlanItem.objects.create(
                interview=interview,
                segment_id=segment.segment.id,
                position=position,
                question=questions.get(planned.id),
                question_id_snapshot=planned.id,
                question_text=planned.question,
                kind=str(planned.kind),
                level=str(planned.level),
                minutes=planned.minutes,
            )
    return interview


def _require_planner(interview: Interview, user: AbstractBaseUser) -> None:
    if user.pk not in (interview.interviewer_id, interview.created_by_id) and not user_is_hiring_manager(user):
        raise PermissionDenied("only the interviewer, the person who planned it or a hiring manager can change this plan")


@transaction.atomic
def plan_item_swap(*, item: PlanItem, question_id: str, user: AbstractBaseUser) -> PlanItem:
    """Replace a planned question by another of the same kind and level."""
    _require_planner(item.interview, user)
    replacement = plan_item_alternatives(item=item).filter(id=question_id).first()
    if replacement is None:
        raise ValidationError("choose a question of the same kind and level that this candidate has not been asked")
    item.question = replacement
    item.question_id_snapshot = replacement.id
    item.question_text = replacement.question
    item.minutes = replacement.minutes
    item.notes = ""
    item.save()
    return item


def plan_item_notes_update(*, item: PlanItem, notes: str, user: AbstractBaseUser) -> PlanItem:
    if user.pk != item.interview.interviewer_id:
        raise PermissionDenied("only the interviewer takes notes during the interview")
    item.notes = notes
    item.save(update_fields=["notes"])
    return item


def scorecard_for(*, interview: Interview, user: AbstractBaseUser) -> Scorecard:
    """The interviewer's own scorecard for an interview, created as a draft on first use."""
    if user.pk != interview.interviewer_id:
        raise PermissionDenied("only the interviewer of this interview writes its scorecard")
    scorecard, _ = Scorecard.objects.get_or_create(interview=interview, author=user)
    return scorecard


@transaction.atomic
def scorecard_save(*, scorecard: Scorecard, user: AbstractBaseUser, data: Mapping, submit: bool) -> Scorecard:
    """Save the author's draft; with `submit`, require every field, compute the decision and lock it.

    `data` holds the four criteria (1-5 or None while drafting), recommendation, red_flags,
    must_haves_met and notes. Nothing is written when anything is invalid.
    """
    scorecard = Scorecard.objects.select_for_update().get(pk=scorecard.pk)
    if scorecard.author_id != user.pk:
        raise PermissionDenied("only the author edits a scorecard")
    if scorecard.submitted:
        raise ValidationError("this scorecard is submitted; a hiring manager can reopen it")
    framework = framework_get()
    red_flags = set(framework.red_flags.technical + framework.red_flags.behavioral)
    must_haves = set(framework.criteria.must_have)
    errors: dict[str, str] = {}
    for field in SCORE_FIELDS:
        value = data.get(field)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5):
            errors[field] = f"{framework.criterion(field).title} must be a score from 1 to 5"
    if set(data.get("red_flags", [])) - red_flags:
        errors["red_flags"] = "unknown red flag"
    if set(data.get("must_haves_met", [])) - must_haves:
        errors["must_haves_met"] = "unknown must-have"
    recommendation = data.get("recommendation") or ""
    if recommendation and recommendation not in Scorecard.Recommendation.values:
        errors["recommendation"] = "choose one of the recommendations"
    if submit:
        for field in SCORE_FIELDS:
            if data.get(field) is None and field not in errors:
                errors[field] = f"score {framework.criterion(field).title} before submitting"
        if not recommendation:
            errors["recommendation"] = "give your own recommendation before submitting (No decision is allowed)"
    if errors:
        raise ValidationError(errors)

    for field in SCORE_FIELDS:
        setattr(scorecard, field, data.get(field))
    scorecard.recommendation = recommendation
    scorecard.red_flags = sorted(set(data.get("red_flags", [])))
    scorecard.must_haves_met = sorted(set(data.get("must_haves_met", [])))
    scorecard.notes = data.get("notes", "")
    if submit:
        try:
            decision = decide(framework, scorecard.scores(), level=scorecard.interview.candidate.level)
        except ScoreError as exc:  # the checks above make this unreachable; keep the engine's word final
            raise ValidationError(str(exc)) from exc
        scorecard.total = Decimal(decision.total.numerator) / Decimal(decision.total.denominator)
        scorecard.band = decision.band.id
        scorecard.adjusted_band = decision.adjusted_band.id
        scorecard.reasons = list(decision.reasons)
        scorecard.status = Scorecard.Status.SUBMITTED
        scorecard.submitted_at = timezone.now()
    scorecard.full_clean()
    scorecard.save()
    if submit:
        ScorecardAudit.objects.create(scorecard=scorecard, actor=user, action=ScorecardAudit.Action.SUBMITTED)
        Interview.objects.filter(pk=scorecard.interview_id).update(status=Interview.Status.DONE)
    return scorecard


@transaction.atomic
def scorecard_reopen(*, scorecard: Scorecard, user: AbstractBaseUser, note: str = "") -> Scorecard:
    """A hiring manager sends a submitted scorecard back to its author; the audit keeps the trace."""
    if not user_is_hiring_manager(user):
        raise PermissionDenied("only a hiring manager can reopen a scorecard")
    if not scorecard.submitted:
        raise ValidationError("only a submitted scorecard can be reopened")
    scorecard.status = Scorecard.Status.DRAFT
    scorecard.submitted_at = None
    scorecard.save(update_fields=["status", "submitted_at", "updated_at"])
    ScorecardAudit.objects.create(scorecard=scorecard, actor=user, action=ScorecardAudit.Action.REOPENED, note=note)
    return scorecard
