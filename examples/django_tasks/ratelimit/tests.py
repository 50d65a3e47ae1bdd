from unittest import mock

import pytest
from django.core.cache import caches
from django.test import override_settings
from rest_framework.test import APIClient

from .decorators import parse_rate, ratelimit

LOCMEM = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit-tests"}}


@pytest.fixture(autouse=True)
def fresh_cache():
    with override_settings(CACHES=LOCMEM):
        caches["default"].clear()
        yield


def test_parse_rate():
    assert parse_rate("10/m") == (10, 60)
    assert parse_rate("100/15m") == (100, 900)
    assert parse_rate("5/30s") == (5, 30)
    with pytest.raises(ValueError):
        parse_rate("ten per minute")


@pytest.mark.django_db
def test_function_view_returns_429_with_retry_after(client):
    statuses = [client.get("/ratelimit/search/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    response = client.get("/ratelimit/search/")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= 60
    assert response.json() == {"detail": "Too many requests."}


@pytest.mark.django_db
def test_limits_are_per_ip_for_anonymous_users(client):
    for _ in range(3):
        client.get("/ratelimit/search/", REMOTE_ADDR="10.0.0.1")
    assert client.get("/ratelimit/search/", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/ratelimit/search/", REMOTE_ADDR="10.0.0.2").status_code == 200


@pytest.mark.django_db
def test_limits_are_per_user_when_logged_in(django_user_model):
    ada, bob = APIClient(), APIClient()
    ada.force_authenticate(django_user_model.objects.create_user("ada"))
    bob.force_authenticate(django_user_model.objects.create_user("bob"))
    assert [ada.get("/ratelimit/quote/").status_code for _ in range(3)] == [200, 200, 429]
    assert bob.get("/ratelimit/quote/").status_code == 200  # same IP, different user


@pytest.mark.django_db
def test_drf_api_view(client):
    assert client.post("/ratelimit/send-code/").status_code == 200
    assert client.post("/ratelimit/send-code/").status_code == 429


@pytest.mark.django_db
def test_window_resets(client):
    with mock.patch("ratelimit.decorators.time.time", return_value=1_000_000.0):
        assert [client.get("/ratelimit/search/").status_code for _ in range(4)][-1] == 429
        assert client.get("/ratelimit/search/")["Retry-After"] == "20"  # the window ends at 1_000_020
    with mock.patch("ratelimit.decorators.time.time", return_value=1_000_020.5):
        assert client.get("/ratelimit/search/").status_code == 200


def test_custom_key_function():
    calls = []

    @ratelimit("1/m", key=lambda request: request.META["HTTP_X_API_KEY"], scope="by-key")
    def view(request):
        calls.append(request)
        return "ok"

    request = mock.Mock(META={"HTTP_X_API_KEY": "k1"})
    assert view(request) == "ok"
    assert view(request).status_code == 429
    assert view(mock.Mock(META={"HTTP_X_API_KEY": "k2"})) == "ok"
    assert len(calls) == 2
