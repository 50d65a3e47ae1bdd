"""SQLite FTS5 backend: bm25 with the question weighted highest, porter stemming, prefixes."""

from __future__ import annotations

from django.db import connection

from .common import MARK_END, MARK_START, IndexRow, SearchHit, snippet_html

# bm25 weights per column: question_id (not indexed), question, short_answer, explanation, tags.
WEIGHTS = (0.0, 10.0, 4.0, 1.0, 3.0)


def create_tables(schema_editor) -> None:
    schema_editor.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS search_question USING fts5("
        "question_id UNINDEXED, question, short_answer, explanation, tags, "
        "tokenize = 'porter unicode61', prefix = '2 3 4')"
    )


def rebuild(rows: list[IndexRow]) -> None:
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM search_question")
        cursor.executemany(
            "INSERT INTO search_question (question_id, question, short_answer, explanation, tags) VALUES (%s, %s, %s, %s, %s)",
            [(r.question_id, r.question, r.short_answer, r.explanation, r.tags) for r in rows],
        )


def _match_expression(terms: list[str], *, any_term: bool) -> str:
    # Each term is quoted so FTS5 operators in user input are plain words; the last is a prefix.
    quoted = [f'"{t}"' for t in terms]
    quoted[-1] += "*"
    return (" OR " if any_term else " ").join(quoted)


def search(terms: list[str], limit: int) -> list[SearchHit]:
    hits = _run(_match_expression(terms, any_term=False), limit)
    if not hits and len(terms) > 1:
        hits = _run(_match_expression(terms, any_term=True), limit)
    return hits


def _run(match: str, limit: int) -> list[SearchHit]:
    weights = ", ".join(str(w) for w in WEIGHTS)
    sql = f"""
        SELECT s.question_id, q.question, q.category_id, q.level, q.kind,
               snippet(search_question, -1, %s, %s, '…', 18) AS snip,
               bm25(search_question, {weights}) AS score
        FROM search_question AS s
        JOIN library_question AS q ON q.id = s.question_id
        WHERE search_question MATCH %s
        ORDER BY score
        LIMIT %s
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [MARK_START, MARK_END, match, limit])
        rows = cursor.fetchall()
    return [SearchHit(r[0], r[1], r[2], r[3], r[4], snippet_html(r[5]), -r[6]) for r in rows]
