"""What interviewers create: candidates, interviews with their plan, scorecards and their audit."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from interviewkit.web.library.models import Question

SCORE_FIELDS = ("technical", "problem_solving", "communication", "code_quality")


class TimeStamped(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Candidate(TimeStamped):
    name = models.CharField(max_length=200)
    level = models.CharField(max_length=10, choices=Question.Level.choices)
    position = models.CharField(max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("candidate", args=[self.pk])


class Interview(TimeStamped):
    class Status(models.TextChoices):
        PLANNED = "planned", "Planned"
        DONE = "done", "Done"

    candidate = models.ForeignKey(Candidate, on_delete=models.CASCADE, related_name="interviews")
    interviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="interviews")
    format_id = models.CharField(max_length=80)
    format_title = models.CharField(max_length=200)
    round_index = models.PositiveSmallIntegerField(default=0)
    title = models.CharField(max_length=200)
    scheduled_at = models.DateTimeField()
    seed = models.PositiveIntegerField(default=0)
    focus = models.JSONField(default=list, blank=True)
    # Every time box of the round, questions or not, for the live page's timer.
    segments = models.JSONField(default=list)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLANNED)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["scheduled_at", "pk"]

    def __str__(self) -> str:
        return f"{self.title} with {self.candidate}"

    def get_absolute_url(self) -> str:
        return reverse("interview", args=[self.pk])


class PlanItem(models.Model):
    """One question of an interview's plan, with the interviewer's notes on the answer."""

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="items")
    segment_id = models.CharField(max_length=80)
    position = models.PositiveSmallIntegerField()
    # The bank may drop a question after the interview was planned: keep what was asked.
    question = models.ForeignKey(Question, null=True, on_delete=models.SET_NULL, related_name="+")
    question_id_snapshot = models.CharField(max_length=80)
    question_text = models.TextField()
    kind = models.CharField(max_length=12)
    level = models.CharField(max_length=10)
    minutes = models.PositiveSmallIntegerField()
    notes = models.TextField(blank=True)

    class Meta:
        ordering = ["interview", "position"]
        constraints = [models.UniqueConstraint(fields=["interview", "question_id_snapshot"], name="plan_item_question_once")]


class Scorecard(TimeStamped):
    class Recommendation(models.TextChoices):
        DEFINITELY_NOT = "definitely-not", "Definitely not"
        NO = "no", "No"
        YES = "yes", "Yes"
        STRONG_YES = "strong-yes", "Strong yes"
        NO_DECISION = "no-decision", "No decision"

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"

    interview = models.ForeignKey(Interview, on_delete=models.CASCADE, related_name="scorecards")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="scorecards")
    technical = models.PositiveSmallIntegerField(null=True, blank=True)
    problem_solving = models.PositiveSmallIntegerField(null=True, blank=True)
    communication = models.PositiveSmallIntegerField(null=True, blank=True)
    code_quality = models.PositiveSmallIntegerField(null=True, blank=True)
    recommendation = models.CharField(max_length=20, choices=Recommendation.choices, blank=True)
    red_flags = models.JSONField(default=list, blank=True)
    must_haves_met = models.JSONField(default=list, blank=True)
    notes = models.TextField(blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    # The decision as computed when submitted, so a later framework change cannot rewrite history.
    total = models.DecimalField(max_digits=6, decimal_places=4, null=True, blank=True)
    band = models.CharField(max_length=40, blank=True)
    adjusted_band = models.CharField(max_length=40, blank=True)
    reasons = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["interview", "author"]
        constraints = [
            models.UniqueConstraint(fields=["interview", "author"], name="one_scorecard_per_interviewer"),
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 1, f"{field}__lte": 5}),
                    name=f"scorecard_{field}_1_to_5",
                )
                for field in SCORE_FIELDS
            ],
        ]

    def __str__(self) -> str:
        return f"Scorecard by {self.author} for {self.interview}"

    def get_absolute_url(self) -> str:
        return reverse("scorecard", args=[self.pk])

    @property
    def submitted(self) -> bool:
        return self.status == self.Status.SUBMITTED

    def scores(self) -> dict[str, int | None]:
        return {field: getattr(self, field) for field in SCORE_FIELDS}


class ScorecardAudit(models.Model):
    class Action(models.TextChoices):
        SUBMITTED = "submitted", "Submitted"
        REOPENED = "reopened", "Reopened"

    scorecard = models.ForeignKey(Scorecard, on_delete=models.CASCADE, related_name="audit")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=20, choices=Action.choices)
    at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
