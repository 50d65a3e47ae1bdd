"""Fixtures: every test gets its own content folder and database, never a developer's data."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REAL_CONTENT = ROOT / "content"

SEED_QUESTION = "What is Django's `Q` object and when would you use it?"
SEED_SECTION = "Technical Assessment Categories > 1. Python & Django Backend (Core Skills) > Basic to Intermediate"


def words(n: int, word: str = "word") -> str:
    return " ".join([word] * n)


def answer_text(**overrides) -> str:
    """A valid answer file; override front matter keys or whole sections to break it."""
    meta = {
        "id": "django-q-objects",
        "question": f'"{SEED_QUESTION}"',
        "also_asked": "[]",
        "category": "django",
        "seed_section": f'"{SEED_SECTION}"',
        "level": "mid",
        "kind": "concept",
        "minutes": "3",
        "tags": "[orm, queries]",
        "related": "[]",
        "references": "\n  - title: \"Making queries: complex lookups with Q objects\"\n    url: https://docs.djangoproject.com/en/5.2/topics/db/queries/#complex-lookups-with-q-objects",
    }
    sections = {
        "Short answer": "`Q` objects wrap keyword lookups so they combine with `|`, `&` and `~`. " + words(40),
        "Explanation": "Filter arguments are ANDed; `Q` lets you write OR and NOT. " + words(160),
        "Example": "```python\nfrom django.db.models import Q\n\nquery = Q(title__icontains='django') | ~Q(status='draft')\n```",
        "Pitfalls": "- Mixing positional `Q` after keyword arguments is a SyntaxError.\n- Forgetting parentheses with `~`.",
        "Follow-up questions": "- **Can you build Q objects dynamically?** Yes, combine them in a loop with `|=`.\n- **What is `Q` vs `F`?** `F` refers to a column value.",
        "What interviewers look for": "- Strong: knows OR, NOT and dynamic composition.\n- Red flag: builds SQL strings by hand.",
    }
    for key, value in overrides.items():
        if key.startswith("meta_"):
            meta[key.removeprefix("meta_")] = value
        elif key in meta:
            if value is None:
                del meta[key]
            else:
                meta[key] = value
        else:
            title = key.replace("_", " ").capitalize()
            if value is None:
                sections.pop(title)
            else:
                sections[title] = value
    head = "\n".join(f"{k}: {v}" for k, v in meta.items())
    body = "\n\n".join(f"## {title}\n\n{text}" for title, text in sections.items())
    return f"---\n{head}\n---\n\n{body}\n"


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A content folder with the real categories and guide and no answers yet."""
    content = tmp_path / "content"
    (content / "questions").mkdir(parents=True)
    shutil.copy(REAL_CONTENT / "categories.yaml", content / "categories.yaml")
    (content / "source").mkdir()
    shutil.copy(REAL_CONTENT / "source" / "question-bank.md", content / "source" / "question-bank.md")
    return content


@pytest.fixture
def write_answer(content_dir: Path):
    def write(folder: str = "django", name: str | None = None, text: str | None = None, **overrides) -> Path:
        text = text if text is not None else answer_text(**overrides)
        stem = name or overrides.get("id", "django-q-objects")
        directory = content_dir / "questions" / folder
        directory.mkdir(parents=True, exist_ok=True)
        path = directory / f"{stem}.md"
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    return write


@pytest.fixture
def bank_settings(settings, content_dir):
    settings.INTERVIEWKIT_CONTENT_DIR = content_dir
    return settings


SEARCH_FIXTURES = {
    "django-select-related-vs-prefetch-related": dict(
        question='"Explain the difference between `select_related()` and `prefetch_related()` in Django ORM"',
        tags="[orm, performance, n-plus-one]",
        short_answer="`select_related` follows foreign keys with a SQL JOIN; `prefetch_related` runs one extra query per relation and joins in Python. "
        + words(30, "queryset"),
        explanation="Use a Prefetch object to filter the prefetched rows. " + words(150, "relation"),
    ),
    "django-q-objects": dict(
        explanation="Combine `Q` with `prefetch_related` when you need both. " + words(150, "lookup"),
    ),
    "django-caching-framework": dict(
        question='"Explain Django\'s caching framework and different caching strategies"',
        tags="[cache, redis]",
        short_answer="Django ships a cache framework with per-site, per-view, template fragment and low-level caching. " + words(30, "cache"),
        explanation="The Redis backend keeps a `<Suspense>` fallback & cached pages. " + words(150, "cache"),
    ),
    "react-hooks": dict(
        question='"What are React Hooks and why were they introduced? Name at least 5 hooks"',
        category="react",
        seed_section='"Technical Assessment Categories > 2. React.js Frontend Development > Basic to Intermediate"',
        tags="[hooks, state]",
        short_answer="Hooks let function components use state and effects: useState, useEffect, useContext, useRef, useMemo. " + words(30, "component"),
    ),
}


@pytest.fixture
def search_bank(write_answer):
    """Four small answers with known words, for ranking tests on either database."""
    for answer_id, overrides in SEARCH_FIXTURES.items():
        overrides = dict(overrides)
        folder = overrides.get("category", "django")
        if "seed_section" not in overrides and answer_id != "django-q-objects":
            overrides["seed_section"] = '"Technical Assessment Categories > 1. Python & Django Backend (Core Skills) > Basic to Intermediate"'
        write_answer(folder=folder, id=answer_id, **overrides)


@pytest.fixture
def synced(db, bank_settings, search_bank):
    from interviewkit.web.library.services import bank_sync

    return bank_sync()


@pytest.fixture
def plan_bank(db, bank_settings, write_answer, content_dir):
    """A small bank that can fill a technical screening at mid level, synced, with the framework."""
    from interviewkit.web.library.services import bank_sync

    shutil.copy(REAL_CONTENT / "framework.yaml", content_dir / "framework.yaml")
    for i, (category, minutes) in enumerate([("django", 4), ("react", 4), ("python", 5), ("databases", 5), ("apis", 3), ("celery", 4), ("django", 3), ("react", 5),
         ("python", 4), ("databases", 3), ("apis", 5), ("celery", 3), ("django", 5), ("react", 3)]):
        write_answer(folder=category, id=f"concept-{i}", category=category, minutes=str(minutes), question=f'"Concept question number {i}?"')
    for i, minutes in enumerate([10, 10, 20, 15, 10, 20]):
        write_answer(folder="algorithms", id=f"coding-{i}", category="algorithms", kind="coding", minutes=str(minutes), question=f'"Coding task number {i}"')
    bank_sync()


@pytest.fixture
def people(db):
    from django.contrib.auth.models import Group, User

    def make(name, *groups):
        user = User.objects.create_user(name, f"{name}@example.com", "correct horse battery staple")
        user.groups.add(*Group.objects.filter(name__in=groups))
        return user

    return {
        "alice": make("alice", "Interviewers"),
        "bob": make("bob", "Interviewers"),
        "mallory": make("mallory", "Interviewers"),
        "carol": make("carol", "Interviewers", "Hiring managers"),
    }


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The production hasher is slow on purpose; tests create many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
