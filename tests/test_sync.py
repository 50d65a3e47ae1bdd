"""`bank_sync`: loads everything in one transaction, skips unchanged content, never half-applies."""

import pytest

from interviewkit.web.library import services
from interviewkit.web.library.models import Question, SyncState
from interviewkit.web.library.services import BankInvalid, bank_sync

from .conftest import answer_text

pytestmark = pytest.mark.django_db


def test_sync_loads_questions_with_rendered_html(synced):
    assert synced.changed and synced.questions == 4
    question = Question.objects.get(id="django-q-objects")
    assert question.category_id == "django" and question.level == "mid" and question.minutes == 3
    assert '<h2 id="short-answer">' in question.body_html
    assert '<span class="n">Q</span>' in question.body_html  # Pygments ran at sync time
    assert list(question.tags.values_list("name", flat=True)) == ["orm", "queries"]
    assert question.question_html == "What is Django's <code>Q</code> object and when would you use it?"
    assert SyncState.objects.get().seed_answered == 4


def test_unchanged_content_is_not_synced_again(synced, content_dir):
    assert bank_sync().changed is False
    path = content_dir / "questions" / "django" / "django-q-objects.md"
    path.write_text(path.read_text().replace("level: mid", "level: senior"))
    assert bank_sync().changed is True
    assert Question.objects.get(id="django-q-objects").level == "senior"


def test_broken_file_aborts_and_keeps_the_previous_bank(synced, content_dir, write_answer):
    path = content_dir / "questions" / "django" / "django-q-objects.md"
    path.write_text(path.read_text().replace("level: mid", "level: senior"))
    write_answer(id="django-pagination", question='"How do you implement pagination in Django?"', kind="trivia")
    with pytest.raises(BankInvalid) as raised:
        bank_sync()
    assert "kind: 'trivia' is not allowed" in str(raised.value.problems[0])
    assert Question.objects.get(id="django-q-objects").level == "mid"
    assert not Question.objects.filter(id="django-pagination").exists()


def test_failure_inside_the_transaction_rolls_everything_back(synced, content_dir, monkeypatch):
    path = content_dir / "questions" / "django" / "django-q-objects.md"
    path.write_text(path.read_text().replace("level: mid", "level: lead"))
    (content_dir / "questions" / "react" / "react-hooks.md").unlink()

    def explode(*, rows):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "search_index_rebuild", explode)
    with pytest.raises(RuntimeError):
        bank_sync()
    assert Question.objects.get(id="django-q-objects").level == "mid"
    assert Question.objects.filter(id="react-hooks").exists()
    assert SyncState.objects.get().questions == 4


def test_removed_file_removes_its_question(synced, content_dir):
    (content_dir / "questions" / "react" / "react-hooks.md").unlink()
    bank_sync()
    assert not Question.objects.filter(id="react-hooks").exists()
    assert Question.objects.count() == 3


def test_progress_is_reported(db, bank_settings, write_answer):
    write_answer()
    seen = []
    bank_sync(on_progress=lambda done, total, label: seen.append((done, total)))
    assert seen == [(1, 1)]


def test_content_hash_covers_embedded_examples(db, bank_settings, content_dir, write_answer):
    example = content_dir.parent / "examples" / "q.py"
    example.parent.mkdir()
    example.write_text("x = 1\n")
    write_answer(text=answer_text(example="```python file=examples/q.py\nx = 1\n```"))
    bank_sync()
    example.write_text("x = 2\n")
    with pytest.raises(BankInvalid, match="code differs from examples/q.py"):
        bank_sync()
