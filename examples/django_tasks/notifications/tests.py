"""Through the real ASGI application: session cookie -> AuthMiddlewareStack -> URLRouter -> consumer.

pytest-asyncio is not needed: each test is sync and runs its async scenario with async_to_sync.
transaction=True because the consumer reads the database through database_sync_to_async and
notify() must really commit for on_commit to fire.
"""

import pytest
from asgiref.sync import async_to_sync
from channels.db import database_sync_to_async
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from django.contrib.auth import get_user_model
from django.test import Client

from config.asgi import application

from .models import Notification
from .services import notify

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def empty_channel_layer():
    yield
    async_to_sync(get_channel_layer().flush)()


def session_cookie(user) -> list[tuple[bytes, bytes]]:
    client = Client()
    client.force_login(user)
    return [(b"cookie", f"sessionid={client.cookies['sessionid'].value}".encode())]


@pytest.fixture
def ada():
    return get_user_model().objects.create_user("ada")  # no password: no slow hashing


@pytest.fixture
def bob():
    return get_user_model().objects.create_user("bob")


def test_anonymous_socket_is_closed_with_4401():
    async def scenario():
        communicator = WebsocketCommunicator(application, "/ws/notifications/")
        connected, _ = await communicator.connect()
        assert connected
        assert await communicator.receive_output() == {"type": "websocket.close", "code": 4401}

    async_to_sync(scenario)()


def test_notification_reaches_every_tab_of_its_user_only(ada, bob):
    Notification.objects.create(user=ada, message="older, unread")
    ada_cookie, bob_cookie = session_cookie(ada), session_cookie(bob)

    async def scenario():
        tabs = [WebsocketCommunicator(application, "/ws/notifications/", headers=ada_cookie) for _ in range(2)]
        other = WebsocketCommunicator(application, "/ws/notifications/", headers=bob_cookie)
        for communicator in [*tabs, other]:
            connected, _ = await communicator.connect()
            assert connected
        assert await tabs[0].receive_json_from() == {"type": "unread", "count": 1}
        await tabs[1].receive_json_from()
        await other.receive_json_from()

        # Sync code (a view, a Celery task) creating a notification: runs in a worker thread here.
        created = await database_sync_to_async(notify)(ada, "Your export is ready")

        for tab in tabs:
            event = await tab.receive_json_from()
            assert event["type"] == "notification" and event["id"] == created.pk
            assert event["message"] == "Your export is ready"
        assert await other.receive_nothing()
        for communicator in [*tabs, other]:
            await communicator.disconnect()

    async_to_sync(scenario)()


def test_mark_read_only_touches_own_notifications(ada, bob):
    mine = Notification.objects.create(user=ada, message="mine")
    theirs = Notification.objects.create(user=bob, message="theirs")
    cookie = session_cookie(ada)

    async def scenario():
        communicator = WebsocketCommunicator(application, "/ws/notifications/", headers=cookie)
        await communicator.connect()
        await communicator.receive_json_from()
        await communicator.send_json_to({"action": "mark_read", "id": mine.pk})
        assert await communicator.receive_json_from() == {"type": "marked_read", "id": mine.pk, "ok": True}
        await communicator.send_json_to({"action": "mark_read", "id": theirs.pk})
        assert await communicator.receive_json_from() == {"type": "marked_read", "id": theirs.pk, "ok": False}
        await communicator.disconnect()

    async_to_sync(scenario)()
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.read_at is not None and theirs.read_at is None


def test_push_after_disconnect_is_harmless(ada):
    cookie = session_cookie(ada)

    async def scenario():
        communicator = WebsocketCommunicator(application, "/ws/notifications/", headers=cookie)
        await communicator.connect()
        await communicator.disconnect()  # left the group in disconnect()

    async_to_sync(scenario)()
    notify(ada, "nobody is listening")  # autocommit: on_commit runs the push at once, no error
    assert Notification.objects.filter(user=ada).count() == 1
