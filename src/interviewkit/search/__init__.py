"""Ranked full-text search over the synced bank, one interface for both databases.

SQLite (the default) uses an FTS5 table with bm25 ranking and the porter stemmer; PostgreSQL
uses a weighted tsvector with a GIN index and falls back to trigram similarity for typos. The
last word of a query matches as a prefix, for search as you type. Example::

    >>> [hit.id for hit in question_search(query="prefetch")][:1]
    ['django-select-related-vs-prefetch-related']
"""

from __future__ import annotations

from django.db import connection

from .common import IndexRow, SearchHit, query_terms

__all__ = ["IndexRow", "SearchHit", "question_search", "search_index_rebuild", "search_tables_create"]


def _backend():
    if connection.vendor == "postgresql":
        from . import postgres

        return postgres
    if connection.vendor == "sqlite":
        from . import sqlite

        return sqlite
    raise NotImplementedError(f"search supports SQLite and PostgreSQL, not {connection.vendor}")


def question_search(*, query: str, limit: int = 20) -> list[SearchHit]:
    """The best `limit` answers for `query`, best first, each with a highlighted snippet."""
    terms = query_terms(query)
    if not terms:
        return []
    return _backend().search(terms, limit)


def search_index_rebuild(*, rows: list[IndexRow]) -> None:
    """Replace the whole index; call inside the sync transaction."""
    _backend().rebuild(rows)


def search_tables_create(schema_editor) -> None:
    """Create the index table for the database in use (called from a migration)."""
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        from . import postgres as backend
    else:
        from . import sqlite as backend
    backend.create_tables(schema_editor)
