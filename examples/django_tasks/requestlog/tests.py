import asyncio
import logging

import pytest
from asgiref.sync import async_to_sync, iscoroutinefunction
from django.conf import settings
from django.http import HttpResponse
from django.test import AsyncClient, Client, RequestFactory, override_settings

from .middleware import RequestLogMiddleware

WITH_REQUEST_LOG = override_settings(MIDDLEWARE=["requestlog.middleware.RequestLogMiddleware", *settings.MIDDLEWARE])


@pytest.fixture
def logs(caplog):
    caplog.set_level(logging.INFO, logger="requestlog")
    return caplog


def only_record(caplog):
    records = [r for r in caplog.records if r.name == "requestlog"]
    assert len(records) == 1
    return records[0]


@WITH_REQUEST_LOG
@pytest.mark.django_db
def test_logs_one_structured_line(client, logs):
    response = client.get("/requestlog/ping/?token=secret-in-query")
    record = only_record(logs)
    assert record.levelname == "INFO"
    assert (record.http_method, record.path, record.status, record.user_id) == ("GET", "/requestlog/ping/", 200, None)
    assert record.duration_ms >= 0
    assert response["X-Request-ID"] == record.request_id and len(record.request_id) == 32
    assert "secret-in-query" not in logs.text


@WITH_REQUEST_LOG
@pytest.mark.django_db
def test_propagates_a_safe_incoming_request_id(client, logs):
    response = client.get("/requestlog/ping/", headers={"X-Request-ID": "abc-123"})
    assert only_record(logs).request_id == "abc-123" == response["X-Request-ID"]


@WITH_REQUEST_LOG
@pytest.mark.django_db
def test_replaces_a_request_id_that_could_forge_log_lines(client, logs):
    client.get("/requestlog/ping/", headers={"X-Request-ID": "x\nINFO fake line"})
    assert only_record(logs).request_id.isalnum()


@WITH_REQUEST_LOG
@pytest.mark.django_db
def test_escapes_control_characters_in_the_path(client, logs):
    client.get("/requestlog/ping%0Afake/")
    record = only_record(logs)
    assert "\n" not in record.getMessage() and record.path == "/requestlog/ping\\x0afake/"


@WITH_REQUEST_LOG
@pytest.mark.django_db
def test_logs_the_user_id_but_never_credentials_or_bodies(client, logs, django_user_model):
    user = django_user_model.objects.create_user("ada")
    client.force_login(user)
    client.cookies["theme"] = "c00kie"
    client.post("/requestlog/ping/", data={"password": "hunter2"}, headers={"Authorization": "Bearer tok3n"})
    record = only_record(logs)
    assert record.user_id == user.pk
    everything = logs.text + repr(vars(record))
    for secret in ("hunter2", "tok3n", "c00kie", client.cookies["sessionid"].value):
        assert secret not in everything


@WITH_REQUEST_LOG
@pytest.mark.django_db
def test_error_levels_follow_the_status(logs):
    client = Client(raise_request_exception=False)
    client.get("/requestlog/missing/")
    client.get("/requestlog/boom/")
    assert [(r.status, r.levelname) for r in logs.records if r.name == "requestlog"] == [
        (404, "WARNING"),
        (500, "ERROR"),
    ]


@WITH_REQUEST_LOG
@pytest.mark.django_db(transaction=True)
def test_works_under_asgi_with_an_async_view(logs, django_user_model):
    user = django_user_model.objects.create_user("grace")
    client = AsyncClient()
    async_to_sync(client.aforce_login)(user)
    response = async_to_sync(client.get)("/requestlog/async-ping/")
    assert response.status_code == 200
    assert only_record(logs).user_id == user.pk


def test_switches_mode_with_get_response():
    def sync_view(request):
        return HttpResponse("ok")

    async def async_view(request):
        return HttpResponse("ok")

    assert not iscoroutinefunction(RequestLogMiddleware(sync_view))
    middleware = RequestLogMiddleware(async_view)
    assert iscoroutinefunction(middleware)
    response = asyncio.run(middleware(RequestFactory().get("/x")))
    assert response.status_code == 200 and "X-Request-ID" in response
