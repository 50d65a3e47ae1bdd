from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.utils import timezone

from .models import Notification
from .services import user_group

UNAUTHORIZED = 4401  # application close codes live in 4000-4999


class NotificationConsumer(AsyncJsonWebsocketConsumer):
    """ws/notifications/: one socket per browser tab, every tab of a user in one group."""

    async def connect(self):
        user = self.scope.get("user")  # set by AuthMiddlewareStack from the session cookie
        if user is None or not user.is_authenticated:
            # close() before accept() refuses the handshake (HTTP 403), but the browser only sees
            # code 1006 and keeps reconnecting. Accept, then close with a code the client can read.
            await self.accept()
            await self.close(code=UNAUTHORIZED)
            return
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "unread", "count": await self.unread_count(user)})

    async def disconnect(self, code):
        if hasattr(self, "group"):
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive_json(self, content, **kwargs):
        notification_id = content.get("id")
        if content.get("action") == "mark_read" and isinstance(notification_id, int):
            updated = await self.mark_read(self.scope["user"], notification_id)
            await self.send_json({"type": "marked_read", "id": notification_id, "ok": bool(updated)})

    async def notification_created(self, event):
        """Handler for group messages of type "notification.created"."""
        await self.send_json({"type": "notification", **event["notification"]})

    @database_sync_to_async
    def unread_count(self, user) -> int:
        return Notification.objects.filter(user=user, read_at__isnull=True).count()

    @database_sync_to_async
    def mark_read(self, user, notification_id) -> int:
        # Filtering on user as well: a client cannot mark someone else's notification.
        return Notification.objects.filter(pk=notification_id, user=user, read_at__isnull=True).update(
            read_at=timezone.now()
        )
