"""Against the real Redis (redis_url fixture), each test under its own key prefix."""

import json
import uuid
from collections import Counter

import pytest
import redis
from asgiref.sync import async_to_sync, sync_to_async
from django.contrib.auth import get_user_model
from django.test import AsyncClient

from .store import bucket_key, record, snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def isolated_redis(settings, redis_url):
    settings.ANALYTICS_REDIS_URL = redis_url
    settings.ANALYTICS_KEY_PREFIX = prefix = f"test-analytics-{uuid.uuid4().hex}"
    settings.ANALYTICS_PUSH_INTERVAL = 0.01
    settings.ANALYTICS_STREAM_MAX_MESSAGES = 3
    yield
    connection = redis.Redis.from_url(redis_url)
    keys = list(connection.scan_iter(f"{prefix}:*"))
    if keys:
        connection.delete(*keys)


@pytest.fixture
def staff():
    return get_user_model().objects.create_user("ops", is_staff=True)


def post_events(client, names):
    return client.post("/analytics/events/", {"events": [{"name": n} for n in names]}, content_type="application/json")


def test_ingest_counts_per_minute(client, staff):
    assert post_events(client, ["page_view", "page_view", "signup"]).status_code == 202
    assert post_events(client, ["page_view"]).status_code == 202
    client.force_login(staff)
    data = client.get("/analytics/snapshot/?minutes=5").json()
    assert len(data["buckets"]) == 5
    assert data["totals"] == {"page_view": 3, "signup": 1}
    assert data["buckets"][-1]["counts"] == {"page_view": 3, "signup": 1}


def test_events_land_in_the_minute_they_happen(redis_url):
    record(Counter({"click": 2}), now=1_700_000_039)  # 12:13:59
    record(Counter({"click": 5}), now=1_700_000_040)  # 12:14:00, the next minute
    buckets = snapshot(minutes=2, now=1_700_000_041)["buckets"]
    assert [b["counts"] for b in buckets] == [{"click": 2}, {"click": 5}]
    ttl = redis.Redis.from_url(redis_url).ttl(bucket_key(1_700_000_040 // 60))
    assert 0 < ttl <= 2 * 60 * 60  # buckets expire on their own


@pytest.mark.parametrize(
    "body",
    [
        {"events": [{"name": "DROP TABLE"}]},
        {"events": [{"name": "page_view_7f3a"}]},  # well-formed but unknown: would be a new hash field
        {"events": [{"name": "click"}] * 501},
        {"nope": 1},
        [1, 2],
    ],
)
def test_invalid_batches_are_rejected(client, body):
    assert client.post("/analytics/events/", body, content_type="application/json").status_code == 400


def test_dashboard_is_staff_only(client):
    assert client.get("/analytics/snapshot/").status_code == 403
    client.force_login(get_user_model().objects.create_user("visitor"))
    assert client.get("/analytics/snapshot/").status_code == 403


def test_stream_pushes_a_new_snapshot_after_ingest(staff):
    async def scenario():
        client = AsyncClient()
        await client.aforce_login(staff)
        response = await client.get("/analytics/stream/")
        assert response["Content-Type"] == "text/event-stream"
        chunks = aiter(response.streaming_content)
        assert await anext(chunks) == b"retry: 3000\n\n"
        first = await anext(chunks)
        assert b"event: snapshot" in first and json.loads(first.split(b"data: ")[1])["totals"] == {}

        await sync_to_async(record)(Counter({"checkout": 2}))  # a write between two pushes

        second = await anext(chunks)
        assert json.loads(second.split(b"data: ")[1])["totals"] == {"checkout": 2}
        assert await anext(chunks) == b": keep-alive\n\n"  # nothing changed: a comment, not data
        with pytest.raises(StopAsyncIteration):
            await anext(chunks)  # ANALYTICS_STREAM_MAX_MESSAGES reached: the browser reconnects

    async_to_sync(scenario)()


def test_stream_refuses_anonymous():
    async def scenario():
        response = await AsyncClient().get("/analytics/stream/")
        assert response.status_code == 403

    async_to_sync(scenario)()
