"""Ranking and snippets: the same tests run on SQLite and, with DATABASE_URL, on PostgreSQL."""

import pytest
from django.db import connection

from interviewkit.search import query_terms, question_search

pytestmark = pytest.mark.django_db


def ids(query):
    return [hit.id for hit in question_search(query=query)]


def test_question_text_match_ranks_first(synced):
    found = ids("prefetch")
    assert found[0] == "django-select-related-vs-prefetch-related"
    assert "django-q-objects" in found  # mentions prefetch_related only in its explanation


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("cache", "django-caching-framework"),
        ("caching strategies", "django-caching-framework"),
        ("hooks", "react-hooks"),
        ("hook", "react-hooks"),  # stemming
        ("useEffect", "react-hooks"),
        ("select related", "django-select-related-vs-prefetch-related"),
        ("n plus one", "django-select-related-vs-prefetch-related"),  # tags are searched
    ],
)
def test_ranking(synced, query, first):
    assert ids(query)[0] == first


def test_last_word_matches_as_a_prefix(synced):
    assert ids("prefet")[0] == "django-select-related-vs-prefetch-related"
    assert ids("django cach")[0] == "django-caching-framework"


def test_snippet_marks_matches_and_escapes_html(synced):
    hit = question_search(query="redis")[0]
    assert hit.id == "django-caching-framework"
    assert "<mark>Redis</mark>" in hit.snippet
    # Answer text is escaped (ts_headline drops tag-like words; FTS5 keeps them, escaped).
    assert "&amp; cached" in hit.snippet and "<Suspense>" not in hit.snippet


def test_no_match_and_empty_query(synced):
    assert ids("kubernetes") == []
    assert ids("") == [] and ids("   ") == []


@pytest.mark.parametrize("query", ['"unbalanced', "NEAR(a b)", "a OR b AND", "'; DROP TABLE library_question; --", "*", "col:value"])
def test_operators_in_user_input_are_plain_words(synced, query):
    question_search(query=query)  # never raises


def test_query_terms():
    assert query_terms("Prefetch_Related() & select!") == ["prefetch", "related", "select"]


def test_typo_finds_the_answer_on_postgresql(synced):
    if connection.vendor != "postgresql":
        pytest.skip("trigram typo matching is PostgreSQL's; SQLite FTS5 has no fuzzy match")
    assert ids("prefech")[0] == "django-select-related-vs-prefetch-related"
