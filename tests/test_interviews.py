"""Interviewers: plans, scorecards, blind panels and permissions, through services and views."""

from datetime import UTC, datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client

from interviewkit.assessment.planning import minutes_window
from interviewkit.web.interviews import services
from interviewkit.web.interviews.models import Interview, Scorecard, ScorecardAudit

pytestmark = pytest.mark.django_db
WHEN = datetime(2026, 12, 1, 10, 0, tzinfo=UTC)
GOOD = {"technical": 5, "problem_solving": 3, "communication": 4, "code_quality": 4, "recommendation": "yes", "red_flags": [], "must_haves_met": [], "notes": "Solid."}


def login(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def candidate(plan_bank, people):
    return services.candidate_create(name="Grace Hopper", level="mid", position="Full stack developer", created_by=people["carol"])


@pytest.fixture
def two_interviews(candidate, people):
    first = services.interview_schedule(candidate=candidate, format_id="technical-screening", interviewer=people["alice"], scheduled_at=WHEN, seed=1, created_by=people["carol"])
    second = services.interview_schedule(candidate=candidate, format_id="technical-screening", interviewer=people["bob"], scheduled_at=WHEN, seed=2, created_by=people["carol"])
    return first, second


def submit(interview, user, **changes):
    card = services.scorecard_for(interview=interview, user=user)
    return services.scorecard_save(scorecard=card, user=user, data=GOOD | changes, submit=True)


def test_schedule_fills_the_time_boxes_and_never_repeats_a_question(two_interviews):
    first, second = two_interviews
    for interview in (first, second):
        by_segment = {}
        for item in interview.items.all():
            by_segment.setdefault(item.segment_id, []).append(item)
        core = sum(i.minutes for i in by_segment["core"])
        coding = sum(i.minutes for i in by_segment["coding"])
        assert minutes_window(20)[0] <= core <= minutes_window(20)[1]
        assert minutes_window(20)[0] <= coding <= minutes_window(20)[1]
        assert {i.kind for i in by_segment["core"]} == {"concept"} and {i.kind for i in by_segment["coding"]} == {"coding"}
        assert [s["id"] for s in interview.segments] == ["core", "coding", "qa"]
    asked_first = set(first.items.values_list("question_id_snapshot", flat=True))
    asked_second = set(second.items.values_list("question_id_snapshot", flat=True))
    assert not asked_first & asked_second


def test_schedule_reports_when_the_bank_cannot_fill_a_segment(candidate, people):
    from interviewkit.assessment.planning import PlanError

    with pytest.raises(PlanError, match="cannot fill 'System design problem'"):
        services.interview_schedule(candidate=candidate, format_id="deep-technical", interviewer=people["alice"], scheduled_at=WHEN, created_by=people["carol"])
    page = login(people["carol"]).post(f"/interviews/candidates/{candidate.pk}/", {"round": "deep-technical:0", "interviewer": people["alice"].pk, "scheduled_at": "2026-12-01T10:00", "seed": 0})
    assert page.status_code == 200 and "cannot fill &#x27;System design problem&#x27;" in page.content.decode()
    assert not Interview.objects.exists()


def test_schedule_through_the_page(candidate, people):
    client = login(people["carol"])
    response = client.post(f"/interviews/candidates/{candidate.pk}/", {"round": "technical-screening:0", "interviewer": people["alice"].pk, "scheduled_at": "2026-12-01T10:00", "seed": 3, "focus": ["react"]})
    interview = Interview.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/interviews/{interview.pk}/"
    assert interview.interviewer == people["alice"] and interview.focus == ["react"]
    assert interview.items.order_by("position").first().question.category_id == "react"


def test_swap_keeps_kind_and_level_and_refuses_others(two_interviews, people, candidate):
    first, _ = two_interviews
    item = first.items.filter(kind="concept").first()
    client = login(people["alice"])
    options = client.get(f"/interviews/{first.pk}/items/{item.pk}/alternatives/").content.decode()
    used = set(candidate.interviews.values_list("items__question_id_snapshot", flat=True))
    free = [f"concept-{i}" for i in range(14) if f"concept-{i}" not in used]
    assert free and all(f'value="{q}"' in options for q in free)
    assert 'value="coding-' not in options
    client.post(f"/interviews/{first.pk}/items/{item.pk}/swap/", {"question": free[0]})
    item.refresh_from_db()
    assert item.question_id_snapshot == free[0]
    with pytest.raises(ValidationError):
        services.plan_item_swap(item=item, question_id="coding-0", user=people["alice"])
    with pytest.raises(PermissionDenied):
        services.plan_item_swap(item=item, question_id=free[-1], user=people["bob"])


def test_interviewer_cannot_reach_what_is_not_theirs(two_interviews, people, candidate):
    first, _ = two_interviews
    outsider = login(people["mallory"])
    for url in [f"/interviews/candidates/{candidate.pk}/", f"/interviews/{first.pk}/", f"/interviews/{first.pk}/conduct/",
                f"/interviews/{first.pk}/scorecard/", f"/interviews/candidates/{candidate.pk}/report/", f"/interviews/candidates/{candidate.pk}/report.pdf"]:
        assert outsider.get(url).status_code == 404, url
    item = first.items.first()
    assert outsider.post(f"/interviews/{first.pk}/items/{item.pk}/notes/", {"notes": "x"}).status_code == 404


def test_anonymous_users_are_sent_to_login(two_interviews):
    response = Client().get("/interviews/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_other_scorecards_are_hidden_until_you_submit_yours(two_interviews, people, candidate):
    first, second = two_interviews
    alice_card = submit(first, people["alice"])
    bob = login(people["bob"])
    # Hidden by any URL: the scorecard page, the candidate page, the report.
    assert bob.get(f"/interviews/scorecards/{alice_card.pk}/").status_code == 404
    page = bob.get(f"/interviews/candidates/{candidate.pk}/").content.decode()
    assert "1 other scorecard submitted. Submit your own to see it" in page and "alice" not in page.split("Scorecards")[1].split("Interviews")[0]
    assert "alice" not in bob.get(f"/interviews/candidates/{candidate.pk}/report/").content.decode()
    assert alice_card.pk not in {c.pk for c in services.scorecard_for(interview=second, user=people["bob"]).interview.scorecards.none()}

    submit(second, people["bob"], technical=3)
    assert bob.get(f"/interviews/scorecards/{alice_card.pk}/").status_code == 200
    page = bob.get(f"/interviews/candidates/{candidate.pk}/").content.decode()
    assert "Interviewers differ by 2 on Technical skills (5, 3)" in page


def test_blind_panel_can_be_switched_off(two_interviews, people, settings):
    first, _ = two_interviews
    alice_card = submit(first, people["alice"])
    settings.INTERVIEWKIT_BLIND_SCORECARDS = False
    assert login(people["bob"]).get(f"/interviews/scorecards/{alice_card.pk}/").status_code == 200


def test_hiring_manager_sees_all_and_can_reopen_with_an_audit_entry(two_interviews, people):
    first, _ = two_interviews
    card = submit(first, people["alice"])
    carol = login(people["carol"])
    assert carol.get(f"/interviews/scorecards/{card.pk}/").status_code == 200
    assert login(people["bob"]).post(f"/interviews/scorecards/{card.pk}/reopen/").status_code == 404
    carol.post(f"/interviews/scorecards/{card.pk}/reopen/", {"note": "Missing evidence for code quality"})
    card.refresh_from_db()
    assert card.status == Scorecard.Status.DRAFT
    assert list(ScorecardAudit.objects.values_list("action", "actor__username", "note")) == [
        ("submitted", "alice", ""), ("reopened", "carol", "Missing evidence for code quality")]


def test_submitted_scorecard_is_locked_and_only_the_author_edits(two_interviews, people):
    first, _ = two_interviews
    card = submit(first, people["alice"])
    with pytest.raises(ValidationError, match="submitted"):
        services.scorecard_save(scorecard=card, user=people["alice"], data=GOOD | {"technical": 1}, submit=False)
    with pytest.raises(PermissionDenied):
        services.scorecard_save(scorecard=card, user=people["carol"], data=GOOD, submit=False)
    response = login(people["alice"]).post(f"/interviews/{first.pk}/scorecard/", {"technical": 1, "save": "1"})
    assert response.status_code == 302
    card.refresh_from_db()
    assert card.technical == 5


def test_score_outside_1_to_5_is_refused_and_changes_nothing(two_interviews, people):
    first, _ = two_interviews
    client = login(people["alice"])
    client.post(f"/interviews/{first.pk}/scorecard/", {"technical": 4, "save": "1"})
    response = client.post(f"/interviews/{first.pk}/scorecard/", {"technical": 7, "problem_solving": 3, "communication": 4, "code_quality": 4, "recommendation": "yes", "submit": "1"})
    assert response.status_code == 400
    assert "Technical skills must be a score from 1 to 5." in response.content.decode()
    card = Scorecard.objects.get()
    assert (card.technical, card.problem_solving, card.status) == (4, None, "draft")
    with pytest.raises(ValidationError, match="must be a score from 1 to 5"):
        services.scorecard_save(scorecard=card, user=people["alice"], data=GOOD | {"communication": 0}, submit=True)


def test_submit_needs_every_score_and_a_recommendation(two_interviews, people):
    first, _ = two_interviews
    response = login(people["alice"]).post(f"/interviews/{first.pk}/scorecard/", {"technical": 4, "submit": "1"})
    assert response.status_code == 400
    text = response.content.decode()
    assert "score Problem-solving before submitting" in text and "give your own recommendation before submitting" in text


def test_decision_shows_level_adjustment_and_disagreement(plan_bank, people):
    lead = services.candidate_create(name="Linus", level="lead", position="Lead", created_by=people["carol"])
    from interviewkit.web.library.models import Question

    Question.objects.filter(id__startswith="concept-").update(level="lead")
    Question.objects.filter(id__startswith="coding-").update(level="senior")
    interview = services.interview_schedule(candidate=lead, format_id="technical-screening", interviewer=people["alice"], scheduled_at=WHEN, created_by=people["carol"])
    card = submit(interview, people["alice"], recommendation="strong-yes")
    card.refresh_from_db()
    assert (card.total, card.band, card.adjusted_band) == (Decimal("4.15"), "hire", "borderline")
    page = login(people["alice"]).get(f"/interviews/scorecards/{card.pk}/").content.decode()
    assert "Problem-solving 3, below the 4 that Lead requires for Hire" in page
    assert "The recommendation (Strong yes) and the computed band (Borderline) disagree" in page


def test_notes_are_saved_by_the_interviewer_only(two_interviews, people):
    first, _ = two_interviews
    item = first.items.first()
    response = login(people["alice"]).post(f"/interviews/{first.pk}/items/{item.pk}/notes/", {"notes": "Explained JOINs well"})
    assert response.status_code == 200 and "Saved" in response.content.decode()
    item.refresh_from_db()
    assert item.notes == "Explained JOINs well"
    assert login(people["carol"]).post(f"/interviews/{first.pk}/items/{item.pk}/notes/", {"notes": "x"}).status_code == 403


def test_forms_are_protected_by_csrf(two_interviews, people):
    first, _ = two_interviews
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["alice"])
    assert client.post(f"/interviews/{first.pk}/scorecard/", GOOD | {"submit": "1"}).status_code == 403
    assert not Scorecard.objects.filter(status="submitted").exists()


def test_conduct_page_has_timer_model_answers_and_notes(two_interviews, people):
    first, _ = two_interviews
    page = login(people["alice"]).get(f"/interviews/{first.pk}/conduct/").content.decode()
    assert 'id="timer-toggle"' in page and "Model answer, follow-ups, what to look for" in page
    assert page.count('class="notes"') == first.items.count()
    assert "<h4>Follow-up questions</h4>" in page


def test_report_and_pdf(two_interviews, people, candidate):
    first, second = two_interviews
    submit(first, people["alice"])
    carol = login(people["carol"])
    report = carol.get(f"/interviews/candidates/{candidate.pk}/report/").content.decode()
    assert "Interview report: Grace Hopper" in report and "Panel decision" in report and "Hire" in report
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        pytest.skip(f"PDF export needs WeasyPrint and pango: {exc}")
    pdf = carol.get(f"/interviews/candidates/{candidate.pk}/report.pdf")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF") and 'filename="interview-report-grace-hopper.pdf"' in pdf["Content-Disposition"]


def test_framework_page_is_public(plan_bank):
    page = Client().get("/framework/").content.decode()
    for text in ["Technical screening", "Core technology questions: 20 min", "Strong Hire", "≥ 4.5", "Lead/Principal (6+ years)", "Blames others for project failures", "Complete evaluation form immediately while fresh"]:
        assert text in page, text


def test_dashboard_lists_my_interviews(two_interviews, people):
    page = login(people["alice"]).get("/interviews/").content.decode()
    assert "Grace Hopper" in page and "Technical screening" in page
    assert "No interview assigned to you yet" in login(people["mallory"]).get("/interviews/").content.decode()
