"""PostgreSQL backend: weighted tsvector (A question, B short answer and tags, C explanation),
GIN index, ts_rank_cd ranking, prefix on the last word, trigram similarity when nothing matches."""

from __future__ import annotations

from django.db import connection

from .common import MARK_END, MARK_START, IndexRow, SearchHit, snippet_html

_DOCUMENT = (
    "setweight(to_tsvector('english', question), 'A') || "
    "setweight(to_tsvector('english', short_answer), 'B') || "
    "setweight(to_tsvector('english', tags), 'B') || "
    "setweight(to_tsvector('english', explanation), 'C')"
)
# word_similarity() at or above this counts as a typo match ("prefech" finds "prefetch").
TYPO_SIMILARITY = 0.35
_COLUMNS = "s.question_id, q.question, q.category_id, q.level, q.kind"
_HEADLINE_OPTIONS = f"StartSel={MARK_START}, StopSel={MARK_END}, MaxWords=30, MinWords=12, MaxFragments=1"


def create_tables(schema_editor) -> None:
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE TABLE IF NOT EXISTS search_question ("
        "question_id varchar(80) PRIMARY KEY, question text NOT NULL, short_answer text NOT NULL, "
        "explanation text NOT NULL, tags text NOT NULL, document tsvector NOT NULL)"
    )
    schema_editor.execute("CREATE INDEX IF NOT EXISTS search_question_document ON search_question USING GIN (document)")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS search_question_trgm ON search_question USING GIN (question gin_trgm_ops)"
    )


def rebuild(rows: list[IndexRow]) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_question")
        cursor.executemany(
            "INSERT INTO search_question (question_id, question, short_answer, explanation, tags, document) "
            f"SELECT v.*, {_DOCUMENT} FROM (SELECT %s AS question_id, %s AS question, %s AS short_answer, "
            "%s AS explanation, %s AS tags) AS v",
            [(r.question_id, r.question, r.short_answer, r.explanation, r.tags) for r in rows],
        )


def _tsquery(terms: list[str], *, any_term: bool) -> str:
    # Terms are [^\W_]+ only (see query_terms), so they are safe inside to_tsquery syntax.
    parts = list(terms)
    parts[-1] += ":*"
    return (" | " if any_term else " & ").join(parts)


def search(terms: list[str], limit: int) -> list[SearchHit]:
    hits = _full_text(_tsquery(terms, any_term=False), limit)
    if not hits and len(terms) > 1:
        hits = _full_text(_tsquery(terms, any_term=True), limit)
    if not hits:
        hits = _trigram(" ".join(terms), limit)
    return hits


def _full_text(tsquery: str, limit: int) -> list[SearchHit]:
    sql = f"""
        WITH query AS (SELECT to_tsquery('english', %s) AS q),
        ranked AS (
            SELECT s.*, ts_rank_cd('{{0.1, 0.2, 0.4, 1.0}}', s.document, query.q, 32) AS score
            FROM search_question AS s, query
            WHERE s.document @@ query.q
            ORDER BY score DESC, s.question_id
            LIMIT %s
        )
        SELECT {_COLUMNS},
               ts_headline('english', s.short_answer || ' ' || s.explanation, query.q, %s) AS snip,
               s.score
        FROM ranked AS s JOIN library_question AS q ON q.id = s.question_id, query
        ORDER BY s.score DESC, s.question_id
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [tsquery, limit, _HEADLINE_OPTIONS])
        rows = cursor.fetchall()
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], snippet_html(r[5]), float(r[6])) for r in rows]


def _trigram(text: str, limit: int) -> list[SearchHit]:
    sql = f"""
        SELECT {_COLUMNS}, s.short_answer, word_similarity(%s, s.question) AS score
        FROM search_question AS s JOIN library_question AS q ON q.id = s.question_id
        WHERE word_similarity(%s, s.question) >= %s
        ORDER BY score DESC, s.question_id
        LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [text, text, TYPO_SIMILARITY, limit])
        rows = cursor.fetchall()
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], snippet_html(r[5][:200]), float(r[6])) for r in rows]
