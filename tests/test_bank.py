"""The real bank in content/: it passes its own check, syncs, and searches as promised."""

import pytest

from interviewkit.bank.check import check_bank
from interviewkit.bank.loader import load_bank
from interviewkit.search import question_search

from .conftest import REAL_CONTENT


def test_the_bank_passes_check():
    report = check_bank(load_bank(REAL_CONTENT))
    assert report.errors == [], "\n".join(str(p) for p in report.errors[:20])
    assert report.warnings == [], "\n".join(str(p) for p in report.warnings[:20])
    assert report.coverage.total == 601


@pytest.mark.django_db
def test_the_bank_syncs_and_prefetch_finds_its_answer_first(settings, client):
    from interviewkit.web.library.services import bank_sync

    settings.INTERVIEWKIT_CONTENT_DIR = REAL_CONTENT
    result = bank_sync(force=True)
    assert result.questions == len(load_bank(REAL_CONTENT).answers)
    assert question_search(query="prefetch")[0].id == "django-select-related-vs-prefetch-related"
    assert question_search(query="csrf")[0].id == "csrf-prevention"
    page = client.get("/q/django-select-related-vs-prefetch-related/")
    assert page.status_code == 200
