import json

import httpx
import pytest
from django.contrib.auth import get_user_model
from django.core import mail

from . import tasks
from .backends import EmailChannel, PushChannel, SmsChannel
from .base import ChannelRegistry, DeliveryError, Message
from .models import ContactPreference, Delivery, Notification
from .tasks import deliver, notify

pytestmark = pytest.mark.django_db


class FakeProvider:
    """Stands in for the SMS or push API: records requests, answers with scripted status codes."""

    def __init__(self, *statuses: int):
        self.statuses, self.requests = list(statuses), []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.statuses.pop(0) if self.statuses else 200, json={})

    def client(self, base_url: str) -> httpx.Client:
        return httpx.Client(base_url=base_url, transport=httpx.MockTransport(self.handler))


@pytest.fixture(autouse=True)
def eager_retries():
    # With task_eager_propagates on, eager mode raises Retry to the caller instead of replaying
    # the task. Off, apply() re-runs it with request.retries + 1, as a worker would (no countdown).
    from config.celery import app

    previous, app.conf.task_eager_propagates = app.conf.task_eager_propagates, False
    yield
    app.conf.task_eager_propagates = previous


@pytest.fixture
def providers(monkeypatch):
    sms, push = FakeProvider(), FakeProvider()
    fake_registry = ChannelRegistry(
        EmailChannel(), SmsChannel(sms.client("https://sms.test")), PushChannel(push.client("https://push.test"))
    )
    monkeypatch.setattr(tasks, "registry", fake_registry)
    return sms, push


@pytest.fixture
def ada():
    user = get_user_model().objects.create_user("ada", email="ada@example.com")
    ContactPreference.objects.create(user=user, channel_order=["push", "sms", "email"], phone="+4915112345678", device_token="tok-1")
    return user


def send(user, django_capture_on_commit_callbacks) -> Notification:
    with django_capture_on_commit_callbacks(execute=True):
        notification = notify(user, "Order shipped", "Your order #42 is on its way.")
    notification.refresh_from_db()
    return notification


def test_first_preferred_channel_wins(ada, providers, django_capture_on_commit_callbacks):
    sms, push = providers
    notification = send(ada, django_capture_on_commit_callbacks)
    assert (notification.status, notification.sent_via) == ("sent", "push")
    request = push.requests[0]
    assert json.loads(request.content) == {"token": "tok-1", "title": "Order shipped", "body": "Your order #42 is on its way."}
    assert request.headers["Idempotency-Key"] == f"notification-{notification.pk}"
    assert sms.requests == [] and mail.outbox == []


def test_retryable_failures_are_retried_then_fall_back(ada, providers, django_capture_on_commit_callbacks):
    sms, push = providers
    push.statuses = [503, 503, 503]  # the push provider is down for every attempt
    notification = send(ada, django_capture_on_commit_callbacks)
    assert (notification.status, notification.sent_via) == ("sent", "sms")
    assert len(push.requests) == tasks.ATTEMPTS_PER_CHANNEL
    push_delivery = Delivery.objects.get(notification=notification, channel="push")
    assert (push_delivery.status, push_delivery.attempts, push_delivery.error) == ("failed", 3, "push: HTTP 503")
    assert json.loads(sms.requests[0].content)["text"].startswith("Order shipped: ")


def test_permanent_failure_skips_retries(ada, providers, django_capture_on_commit_callbacks):
    sms, push = providers
    push.statuses, sms.statuses = [404], [400]  # unregistered device token, invalid number
    notification = send(ada, django_capture_on_commit_callbacks)
    assert (len(push.requests), len(sms.requests)) == (1, 1)
    assert (notification.status, notification.sent_via) == ("sent", "email")
    assert mail.outbox[0].to == ["ada@example.com"] and mail.outbox[0].subject == "Order shipped"


def test_transient_failure_recovers_on_the_same_channel(ada, providers, django_capture_on_commit_callbacks):
    sms, push = providers
    push.statuses = [429]  # rate limited once
    notification = send(ada, django_capture_on_commit_callbacks)
    assert notification.sent_via == "push" and len(push.requests) == 2 and sms.requests == []


def test_channels_without_an_address_are_skipped(providers, django_capture_on_commit_callbacks):
    sms, push = providers
    user = get_user_model().objects.create_user("bob", email="bob@example.com")  # no preference row
    notification = send(user, django_capture_on_commit_callbacks)
    assert notification.sent_via == "email" and push.requests == [] and sms.requests == []


def test_all_channels_failing_marks_the_notification_failed(providers, django_capture_on_commit_callbacks):
    sms, push = providers
    user = get_user_model().objects.create_user("cy")  # no email either
    ContactPreference.objects.create(user=user, channel_order=["sms"], phone="+441234")
    sms.statuses = [500, 500, 500]
    notification = send(user, django_capture_on_commit_callbacks)
    assert notification.status == "failed" and len(sms.requests) == 3


def test_redelivered_task_does_not_notify_twice(ada, providers, django_capture_on_commit_callbacks):
    sms, push = providers
    notification = send(ada, django_capture_on_commit_callbacks)
    assert deliver.delay(notification.pk).get() == "already sent"
    assert len(push.requests) == 1


def test_registry_rejects_duplicates_and_unknown_names():
    registry = ChannelRegistry(EmailChannel())
    with pytest.raises(ValueError):
        registry.register(EmailChannel())
    with pytest.raises(LookupError):
        registry.get("pigeon")


def test_network_errors_are_retryable():
    def refuse(request):
        raise httpx.ConnectError("connection refused", request=request)

    channel = SmsChannel(httpx.Client(base_url="https://sms.test", transport=httpx.MockTransport(refuse)))
    user = get_user_model().objects.create_user("dee")
    ContactPreference.objects.create(user=user, phone="+441234")
    with pytest.raises(DeliveryError) as caught:
        channel.send(user, Message(1, "s", "b"))
    assert caught.value.retryable
