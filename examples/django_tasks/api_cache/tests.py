import threading
import time
import uuid
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import override_settings

from .cache_layer import get_or_compute
from .models import Product

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def book():
    return Product.objects.create(name="Two Scoops", category="books", price=Decimal("40.00"), cost=Decimal("12.00"))


def test_second_request_is_served_from_cache(client, book, django_assert_num_queries):
    first = client.get("/api_cache/products/")
    assert first["X-Cache"] == "MISS"
    with django_assert_num_queries(0):
        second = client.get("/api_cache/products/")
    assert second["X-Cache"] == "HIT" and second.content == first.content


def test_query_order_does_not_matter_but_values_do(client, book):
    client.get("/api_cache/products/?category=books&page=1")
    assert client.get("/api_cache/products/?page=1&category=books")["X-Cache"] == "HIT"
    assert client.get("/api_cache/products/?category=games")["X-Cache"] == "MISS"


def test_write_invalidates_after_commit(client, book, django_capture_on_commit_callbacks):
    client.get("/api_cache/products/")
    with django_capture_on_commit_callbacks(execute=True):
        book.price = Decimal("35.00")
        book.save()
    response = client.get("/api_cache/products/")
    assert response["X-Cache"] == "MISS"
    assert response.json()["results"][0]["price"] == "35.00"

    with django_capture_on_commit_callbacks(execute=True):
        book.delete()
    assert client.get("/api_cache/products/").json()["results"] == []


def test_etag_revalidation_returns_304(client, book):
    etag = client.get(f"/api_cache/products/{book.pk}/")["ETag"]
    not_modified = client.get(f"/api_cache/products/{book.pk}/", headers={"if-none-match": f"W/{etag}"})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified["ETag"] == etag
    assert client.get(f"/api_cache/products/{book.pk}/", headers={"if-none-match": '"stale"'}).status_code == 200


def test_staff_and_public_get_different_entries(client, book):
    assert "cost" not in client.get("/api_cache/products/").json()["results"][0]
    client.force_login(get_user_model().objects.create_user("staff", is_staff=True))
    staff = client.get("/api_cache/products/")
    assert staff["X-Cache"] == "MISS" and staff.json()["results"][0]["cost"] == "12.00"
    assert staff["Cache-Control"] == "private, no-cache"


def test_errors_are_not_cached(client):
    assert client.get("/api_cache/products/999/").status_code == 404
    Product.objects.create(pk=999, name="Late", category="x", price=1, cost=1)
    assert client.get("/api_cache/products/999/").status_code == 200


def test_stampede_runs_the_expensive_query_once():
    calls = []

    def slow_query():
        calls.append(1)
        time.sleep(0.2)
        return {"answer": 42}

    results = []
    threads = [threading.Thread(target=lambda: results.append(get_or_compute("k", slow_query, 60))) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(calls) == 1
    assert [value for value, _ in results] == [{"answer": 42}] * 8


def test_on_real_redis(client, book, redis_url, django_capture_on_commit_callbacks):
    import redis

    prefix = f"test-api-cache-{uuid.uuid4().hex}"
    redis_cache = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url, "KEY_PREFIX": prefix}}
    try:
        with override_settings(CACHES=redis_cache):
            assert client.get("/api_cache/products/")["X-Cache"] == "MISS"
            assert client.get("/api_cache/products/")["X-Cache"] == "HIT"
            with django_capture_on_commit_callbacks(execute=True):
                Product.objects.create(name="Fluent Python", category="books", price=60, cost=20)  # INCR on Redis
            response = client.get("/api_cache/products/")
            assert response["X-Cache"] == "MISS" and len(response.json()["results"]) == 2
    finally:
        connection = redis.Redis.from_url(redis_url)
        keys = list(connection.scan_iter(f"{prefix}:*"))
        if keys:
            connection.delete(*keys)  # never FLUSHDB: the database is shared
