"""DATABASES entries for the three ways a Django process can reuse PostgreSQL connections.

    # settings.py
    from pooling.db import pooled
    DATABASES = {"default": pooled(os.environ["DATABASE_URL"], max_size=8)}
"""

import dj_database_url


def pooled(url, *, min_size=2, max_size=10, timeout=10.0, max_idle=300.0, **pool_options):
    """Django 5.1+ native pool: one psycopg_pool.ConnectionPool per process and alias.

    Needs psycopg 3 with the pool extra (pip install "psycopg[pool]") and CONN_MAX_AGE = 0:
    the pool, not the request cycle, decides how long a connection lives.
    """
    config = dj_database_url.parse(url, conn_max_age=0, conn_health_checks=True)
    config["OPTIONS"] = {
        **config.get("OPTIONS", {}),
        "pool": {
            "min_size": min_size,  # opened in the background, kept warm
            "max_size": max_size,  # hard cap per process: workers x max_size <= max_connections
            "timeout": timeout,  # seconds a request waits for a free connection (PoolTimeout)
            "max_idle": max_idle,  # close connections above min_size after this idle time
            **pool_options,  # any other ConnectionPool argument: max_lifetime, name, ...
        },
    }
    return config


def persistent(url, *, max_age=60):
    """Pre-5.1 style: each thread keeps its own connection for max_age seconds (no cap, no sharing)."""
    return dj_database_url.parse(url, conn_max_age=max_age, conn_health_checks=True)


def via_pgbouncer(url, *, max_age=0):
    """PgBouncer in transaction mode owns the pooling. Django's client connection to it is
    cheap (max_age > 0 is fine too), but server-side cursors must go: the next transaction
    may run on another server connection, where the cursor does not exist."""
    return dj_database_url.parse(url, conn_max_age=max_age, disable_server_side_cursors=True)
