"""The synced copy of the bank. Files in content/ are the source of truth; these rows are
rebuilt from them by `bank_sync` and hold the HTML rendered at sync time."""

from __future__ import annotations

from django.db import models
from django.urls import reverse


class Category(models.Model):
    id = models.SlugField(primary_key=True, max_length=80)
    title = models.CharField(max_length=200)
    description = models.TextField()
    order = models.IntegerField(default=0)

    class Meta:
        ordering = ["order", "id"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("category", args=[self.id])


class Tag(models.Model):
    name = models.SlugField(primary_key=True, max_length=80)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Question(models.Model):
    class Level(models.TextChoices):
        JUNIOR = "junior", "Junior"
        MID = "mid", "Mid"
        SENIOR = "senior", "Senior"
        LEAD = "lead", "Lead"

    class Kind(models.TextChoices):
        CONCEPT = "concept", "Concept"
        CODING = "coding", "Coding"
        DESIGN = "design", "Design"
        SCENARIO = "scenario", "Scenario"
        BEHAVIORAL = "behavioral", "Behavioral"

    id = models.SlugField(primary_key=True, max_length=80)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="questions")
    question = models.TextField()
    also_asked = models.JSONField(default=list, blank=True)
    seed_section = models.CharField(max_length=300)
    # Position of the question in the user's guide, so a category reads in the guide's order.
    seed_position = models.PositiveIntegerField(default=0)
    level = models.CharField(max_length=10, choices=Level.choices)
    level_rank = models.PositiveSmallIntegerField(default=0)
    kind = models.CharField(max_length=12, choices=Kind.choices)
    minutes = models.PositiveSmallIntegerField()
    tags = models.ManyToManyField(Tag, related_name="questions", blank=True)
    related_ids = models.JSONField(default=list, blank=True)
    references = models.JSONField(default=list, blank=True)
    question_html = models.TextField()
    short_answer_html = models.TextField()
    short_answer_text = models.TextField()
    body_html = models.TextField()
    toc = models.JSONField(default=list, blank=True)
    # Each H2 section rendered on its own (title -> HTML), for the live interview page's fold-outs.
    sections_html = models.JSONField(default=dict, blank=True)
    has_diagram = models.BooleanField(default=False)
    source_path = models.CharField(max_length=300)

    class Meta:
        ordering = ["category__order", "seed_position", "id"]
        indexes = [models.Index(fields=["category", "seed_position"]), models.Index(fields=["level", "kind"])]

    def __str__(self) -> str:
        return self.question

    def get_absolute_url(self) -> str:
        return reverse("question", args=[self.id])


class SyncState(models.Model):
    """One row: what the database holds, so an unchanged bank is not synced again."""

    content_hash = models.CharField(max_length=64)
    synced_at = models.DateTimeField(auto_now=True)
    questions = models.PositiveIntegerField(default=0)
    seed_total = models.PositiveIntegerField(default=0)
    seed_answered = models.PositiveIntegerField(default=0)
    coverage = models.JSONField(default=list, blank=True)
