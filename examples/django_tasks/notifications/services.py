"""Create a notification and push it to every open socket of its user, from plain sync code."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

from .models import Notification


def user_group(user_id: int) -> str:
    # Group names: ASCII letters, digits, hyphens, underscores and periods, under 100 characters.
    return f"notifications.user.{user_id}"


def push(user_id: int, payload: dict) -> None:
    """Fan out through the channel layer to every consumer that joined the user's group."""
    async_to_sync(get_channel_layer().group_send)(
        user_group(user_id),
        {"type": "notification.created", "notification": payload},  # calls notification_created()
    )


def notify(user, message: str) -> Notification:
    notification = Notification.objects.create(user=user, message=message)
    # Push only once the row is committed: a client that reacts by fetching it must find it.
    transaction.on_commit(lambda: push(user.pk, notification.as_event()))
    return notification
