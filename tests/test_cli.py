"""The `interviewkit` command through Typer's test runner, and `python -m interviewkit`."""

import subprocess
import sys

import pytest
from typer.testing import CliRunner

from interviewkit.cli import app

runner = CliRunner()


def test_check_passes_and_reports_coverage(content_dir, write_answer):
    write_answer()
    result = runner.invoke(app, ["check", "--content", str(content_dir)])
    assert result.exit_code == 0, result.output
    assert "1 files, 0 errors, 0 warnings; answered 1/601 guide questions" in result.output


def test_check_fails_with_the_files_problems(content_dir, write_answer):
    write_answer(level="expert")
    result = runner.invoke(app, ["check", "--content", str(content_dir)])
    assert result.exit_code == 1
    assert "content/questions/django/django-q-objects.md: level: 'expert' is not allowed" in result.output


def test_missing_lists_unanswered_questions_with_their_section(content_dir, write_answer):
    write_answer()
    result = runner.invoke(app, ["check", "--content", str(content_dir), "--missing"])
    assert "  - How do you implement pagination in Django?" in result.output
    assert "  - What is Django's `Q` object and when would you use it?" not in result.output
    assert "Technical Assessment Categories > 1. Python & Django Backend (Core Skills) > Basic to Intermediate" in result.output


def test_require_complete_turns_coverage_into_an_error(content_dir, write_answer):
    write_answer()
    result = runner.invoke(app, ["check", "--content", str(content_dir), "--require-complete"])
    assert result.exit_code == 1
    assert "600 guide questions have no answer" in result.output


@pytest.mark.django_db
def test_sync_search_and_abort(content_dir, search_bank, write_answer, bank_settings):
    result = runner.invoke(app, ["sync", "--content", str(content_dir)])
    assert result.exit_code == 0, result.output
    assert "Synced 4 questions in 20 categories." in result.output
    assert "nothing to do" in runner.invoke(app, ["sync", "--content", str(content_dir)]).output

    result = runner.invoke(app, ["search", "prefetch", "-n", "5"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert result.output.index("django-select-related-vs-prefetch-r") < result.output.index("django-q-objects")

    write_answer(id="django-pagination", question='"How do you implement pagination in Django?"', kind="trivia")
    result = runner.invoke(app, ["sync", "--content", str(content_dir)])
    assert result.exit_code == 1
    assert "sync aborted: 1 errors in the bank; the previous bank is unchanged" in result.output


@pytest.mark.django_db
def test_search_with_no_results(content_dir, search_bank, bank_settings):
    runner.invoke(app, ["sync", "--content", str(content_dir)])
    result = runner.invoke(app, ["search", "kubernetes"])
    assert result.exit_code == 0 and "No answers match 'kubernetes'" in result.output


def test_show_prints_an_answer(content_dir, write_answer, monkeypatch):
    write_answer()
    monkeypatch.setenv("INTERVIEWKIT_CONTENT", str(content_dir))
    result = runner.invoke(app, ["show", "django-q-objects"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "What is Django's `Q` object" in result.output and "Short answer" in result.output
    missing = runner.invoke(app, ["show", "nope"])
    assert missing.exit_code == 1 and "no answer with id 'nope'" in missing.output


def test_python_dash_m_and_short_help():
    result = subprocess.run([sys.executable, "-m", "interviewkit", "-h"], capture_output=True, text=True, check=True)
    for command in ["serve", "sync", "check", "search", "show"]:
        assert command in result.stdout
