"""Pages for interviewers. Every object is fetched through a selector that applies the
visibility rules, so anything a user may not see answers 404, by any URL."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.staticfiles import finders
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from interviewkit.assessment.planning import PlanError
from interviewkit.assessment.scoring import recommendation_agrees

from . import selectors, services
from .forms import CandidateForm, ScheduleForm, ScorecardForm, SwapForm
from .framework import framework_get
from .models import SCORE_FIELDS, Interview, PlanItem, Scorecard


def _or_404(obj):
    if obj is None:
        raise Http404("Not found")
    return obj


def _interview(request: HttpRequest, pk: int) -> Interview:
    return _or_404(selectors.interview_get(user=request.user, interview_id=pk))


def _item(request: HttpRequest, pk: int, item_pk: int) -> PlanItem:
    interview = _interview(request, pk)
    return _or_404(interview.items.filter(pk=item_pk).select_related("interview__candidate").first())


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    interviews = selectors.interview_list(user=request.user)
    return render(
        request,
        "interviews/dashboard.html",
        {
            "my_interviews": interviews.filter(interviewer=request.user),
            "candidates": selectors.candidate_list(user=request.user),
            "is_hiring_manager": selectors.user_is_hiring_manager(request.user),
        },
    )


@login_required
def candidate_create(request: HttpRequest) -> HttpResponse:
    form = CandidateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        candidate = services.candidate_create(**form.cleaned_data, created_by=request.user)
        messages.success(request, f"{candidate.name} added. Plan their first interview below.")
        return redirect(candidate)
    return render(request, "interviews/candidate_form.html", {"form": form})


@login_required
def candidate_detail(request: HttpRequest, pk: int) -> HttpResponse:
    candidate = _or_404(selectors.candidate_get(user=request.user, candidate_id=pk))
    form = ScheduleForm(request.POST or None, initial={"interviewer": request.user})
    if request.method == "POST" and form.is_valid():
        format_id, round_index = form.format_and_round()
        try:
            interview = services.interview_schedule(
                candidate=candidate,
                format_id=format_id,
                round_index=round_index,
                interviewer=form.cleaned_data["interviewer"],
                scheduled_at=form.cleaned_data["scheduled_at"],
                focus=[c.id for c in form.cleaned_data["focus"]],
                seed=form.cleaned_data["seed"],
                created_by=request.user,
            )
        except (PlanError, ValidationError) as exc:
            form.add_error(None, exc.messages[0] if isinstance(exc, ValidationError) else str(exc))
        else:
            messages.success(request, f"{interview.title} planned. Review the questions, swap any you like.")
            return redirect(interview)
    visible = selectors.scorecard_list_visible(user=request.user, candidate=candidate)
    return render(
        request,
        "interviews/candidate_detail.html",
        {
            "candidate": candidate,
            "interviews": candidate.interviews.select_related("interviewer").order_by("scheduled_at"),
            "form": form,
            "scorecards": visible.filter(status=Scorecard.Status.SUBMITTED),
            "own_drafts": visible.filter(author=request.user, status=Scorecard.Status.DRAFT),
            "hidden_count": selectors.scorecard_hidden_count(user=request.user, candidate=candidate),
            "panel": selectors.candidate_panel(user=request.user, candidate=candidate),
            "is_hiring_manager": selectors.user_is_hiring_manager(request.user),
        },
    )


def _segments_with_items(interview: Interview) -> list[dict]:
    items = list(interview.items.select_related("question"))
    return [dict(segment, items=[i for i in items if i.segment_id == segment["id"]]) for segment in interview.segments]


@login_required
def interview_detail(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)
    return render(
        request,
        "interviews/interview_detail.html",
        {"interview": interview, "segments": _segments_with_items(interview), "can_edit": _can_edit_plan(request, interview)},
    )


def _can_edit_plan(request: HttpRequest, interview: Interview) -> bool:
    return request.user.pk in (interview.interviewer_id, interview.created_by_id) or selectors.user_is_hiring_manager(request.user)


@login_required
def plan_item_alternatives(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = _item(request, pk, item_pk)
    alternatives = selectors.plan_item_alternatives(item=item)[:30]
    return render(request, "interviews/_swap_options.html", {"item": item, "alternatives": alternatives, "interview": item.interview})


@login_required
@require_POST
def plan_item_swap(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = _item(request, pk, item_pk)
    form = SwapForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError("choose a question from the list")
        services.plan_item_swap(item=item, question_id=form.cleaned_data["question"].id, user=request.user)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, "Question swapped.")
    return redirect(item.interview)


@login_required
@require_POST
def plan_item_notes(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    item = _item(request, pk, item_pk)
    try:
        services.plan_item_notes_update(item=item, notes=request.POST.get("notes", "")[:20_000], user=request.user)
    except PermissionDenied as exc:
        return HttpResponse(str(exc), status=403)
    return HttpResponse('<span class="saved">Saved</span>')


@login_required
def interview_conduct(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)
    return render(
        request,
        "interviews/conduct.html",
        {"interview": interview, "segments": _segments_with_items(interview), "is_interviewer": request.user.pk == interview.interviewer_id},
    )


@login_required
def scorecard_edit(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)
    try:
        scorecard = services.scorecard_for(interview=interview, user=request.user)
    except PermissionDenied:
        raise Http404("Not found") from None
    if scorecard.submitted:
        return redirect(scorecard)
    initial = {**scorecard.scores(), "recommendation": scorecard.recommendation, "red_flags": scorecard.red_flags,
               "must_haves_met": scorecard.must_haves_met, "notes": scorecard.notes}
    form = ScorecardForm(request.POST or None, initial=initial)
    status = 200
    if request.method == "POST":
        submit = "submit" in request.POST
        if form.is_valid():
            try:
                services.scorecard_save(scorecard=scorecard, user=request.user, data=form.cleaned_data, submit=submit)
            except ValidationError as exc:
                for field, errors in exc.message_dict.items() if hasattr(exc, "error_dict") else [(None, exc.messages)]:
                    for error in errors:
                        form.add_error(field if field in form.fields else None, error)
            else:
                if submit:
                    messages.success(request, "Scorecard submitted.")
                    return redirect("scorecard", pk=scorecard.pk)
                messages.success(request, "Draft saved.")
                return redirect("scorecard_edit", pk=interview.pk)
        status = 400
    return render(request, "interviews/scorecard_form.html", {"interview": interview, "form": form, "scorecard": scorecard,
                                                               "framework": framework_get()}, status=status)


@login_required
def scorecard_detail(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = _or_404(selectors.scorecard_get(user=request.user, scorecard_id=pk))
    framework = framework_get()
    disagreement = bool(
        scorecard.submitted and scorecard.recommendation
        and not recommendation_agrees(framework, recommendation_id=scorecard.recommendation, band_id=scorecard.adjusted_band)
    )
    rows = [(framework.criterion(field), getattr(scorecard, field)) for field in SCORE_FIELDS]
    return render(
        request,
        "interviews/scorecard_detail.html",
        {
            "scorecard": scorecard,
            "rows": [(c, v, c.descriptors.get(v, "")) for c, v in rows],
            "band": framework.band(scorecard.band) if scorecard.band else None,
            "adjusted_band": framework.band(scorecard.adjusted_band) if scorecard.adjusted_band else None,
            "disagreement": disagreement,
            "is_hiring_manager": selectors.user_is_hiring_manager(request.user),
            "audit": scorecard.audit.select_related("actor"),
        },
    )


@login_required
@require_POST
def scorecard_reopen(request: HttpRequest, pk: int) -> HttpResponse:
    scorecard = _or_404(selectors.scorecard_get(user=request.user, scorecard_id=pk))
    try:
        services.scorecard_reopen(scorecard=scorecard, user=request.user, note=request.POST.get("note", "")[:2000])
    except PermissionDenied as exc:
        raise Http404("Not found") from exc
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, "Scorecard reopened: its author can edit and submit it again.")
    return redirect(scorecard)


def _report_context(request: HttpRequest, pk: int) -> dict:
    candidate = _or_404(selectors.candidate_get(user=request.user, candidate_id=pk))
    framework = framework_get()
    cards = selectors.scorecard_list_visible(user=request.user, candidate=candidate).filter(status=Scorecard.Status.SUBMITTED)
    return {
        "candidate": candidate,
        "panel": selectors.candidate_panel(user=request.user, candidate=candidate),
        "scorecards": [
            {"card": card, "band": framework.band(card.band), "adjusted_band": framework.band(card.adjusted_band),
             "rows": [(framework.criterion(f), getattr(card, f)) for f in SCORE_FIELDS]}
            for card in cards
        ],
        "interviews": candidate.interviews.select_related("interviewer").prefetch_related("items"),
        "hidden_count": selectors.scorecard_hidden_count(user=request.user, candidate=candidate),
    }


@login_required
def candidate_report(request: HttpRequest, pk: int) -> HttpResponse:
    return render(request, "interviews/report.html", _report_context(request, pk))


@login_required
def candidate_report_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    context = _report_context(request, pk)
    try:
        from weasyprint import HTML
    except (ImportError, OSError):
        messages.error(request, "PDF export needs WeasyPrint and its system libraries (pango); use your browser's Print > Save as PDF on this page.")
        return redirect("candidate_report", pk=pk)
    # The stylesheet is inlined and nothing is fetched: a PDF render must not call back into
    # the server that is rendering it.
    css = Path(finders.find("interviewkit/site.css")).read_text(encoding="utf-8")
    html = render_to_string("interviews/report.html", context | {"pdf": True, "inline_css": css}, request=request)
    pdf = HTML(string=html, url_fetcher=_no_fetch).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    slug = "".join(ch if ch.isalnum() else "-" for ch in context["candidate"].name.lower()).strip("-") or "candidate"
    response["Content-Disposition"] = f'attachment; filename="interview-report-{slug}.pdf"'
    return response


def _no_fetch(url: str, *args, **kwargs):
    raise ValueError(f"PDF rendering fetches nothing ({url})")


def framework_page(request: HttpRequest) -> HttpResponse:
    framework = framework_get()
    levels = {rule.id.value: rule for rule in framework.levels}
    return render(request, "interviews/framework.html", {"framework": framework, "levels": levels})
