"""The pool against a real PostgreSQL: sequential requests reuse one connection, and many
threads never open more than max_size. Skips when PostgreSQL is not reachable."""

import os
import threading
from uuid import uuid4

import psycopg
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.db.utils import ConnectionHandler

from .db import persistent, pooled, via_pgbouncer

PG_URL = os.environ.get("POOLING_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/test")


@pytest.fixture
def pg_url():
    try:
        psycopg.connect(PG_URL, connect_timeout=2).close()
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL not reachable at {PG_URL}: {exc}")
    return PG_URL


@pytest.fixture
def pooled_db(pg_url, django_db_blocker):
    """A Django connection handler whose 'pooled' alias uses the native pool.

    It talks to a real PostgreSQL database, not to pytest-django's test database,
    hence unblock(): nothing here writes a row.
    """
    app_name = f"pool-test-{uuid4().hex[:8]}"  # to find our sessions in pg_stat_activity
    config = pooled(pg_url, min_size=1, max_size=2, timeout=5)
    config["OPTIONS"]["application_name"] = app_name
    handler = ConnectionHandler({"default": {}, "pooled": config})
    with django_db_blocker.unblock():
        yield handler, app_name
        handler["pooled"].close()
        handler["pooled"].close_pool()


def backend_pid(connection):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


def server_sessions(app_name):
    with psycopg.connect(PG_URL) as conn:
        query = "SELECT count(*) FROM pg_stat_activity WHERE application_name = %s"
        return conn.execute(query, [app_name]).fetchone()[0]


def test_sequential_requests_reuse_one_server_connection(pooled_db):
    handler, app_name = pooled_db
    connection = handler["pooled"]
    # Warm the pool first (a gunicorn post_worker_init hook can do this); otherwise the
    # first request may find min_size still connecting and make the pool grow.
    connection.pool.open(wait=True)
    pids = set()
    for _ in range(5):  # five "requests"
        pids.add(backend_pid(connection))
        connection.close_if_unusable_or_obsolete()  # what request_finished does
        assert connection.connection is None  # given back to the pool, not closed
    assert len(pids) == 1
    stats = connection.pool.get_stats()
    assert stats["requests_num"] == 5 and stats["connections_num"] == 1
    assert server_sessions(app_name) == 1  # still open on the server, idle in the pool


def test_threads_share_the_process_pool_and_respect_max_size(pooled_db):
    handler, app_name = pooled_db
    pids, errors = set(), []

    def request_loop():
        connection = handler["pooled"]  # one DatabaseWrapper per thread, one pool per process
        try:
            for _ in range(10):
                pids.add(backend_pid(connection))
                connection.close()
        except Exception as exc:  # surfaced below: a thread would swallow it
            errors.append(exc)

    threads = [threading.Thread(target=request_loop) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(pids) <= 2  # 80 requests from 8 threads served by at most max_size connections
    assert server_sessions(app_name) <= 2
    assert handler["pooled"].pool.get_stats()["requests_num"] == 80


def test_pool_refuses_persistent_connections():
    config = pooled(PG_URL)
    config["CONN_MAX_AGE"] = 60
    handler = ConnectionHandler({"default": {}, "misconfigured": config})
    with pytest.raises(ImproperlyConfigured, match="persistent connections"):
        handler["misconfigured"].pool  # noqa: B018 (the property builds the pool)


def test_settings_helpers():
    pool = pooled(PG_URL, max_size=8)
    assert pool["ENGINE"] == "django.db.backends.postgresql"
    assert pool["CONN_MAX_AGE"] == 0 and pool["CONN_HEALTH_CHECKS"] is True
    assert pool["OPTIONS"]["pool"]["max_size"] == 8

    assert persistent(PG_URL, max_age=300)["CONN_MAX_AGE"] == 300
    assert "pool" not in persistent(PG_URL).get("OPTIONS", {})

    bouncer = via_pgbouncer("postgres://app@pgbouncer:6432/app")
    assert bouncer["DISABLE_SERVER_SIDE_CURSORS"] is True and bouncer["PORT"] == 6432
