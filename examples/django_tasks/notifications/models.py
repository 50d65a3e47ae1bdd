from django.conf import settings
from django.db import models


class Notification(models.Model):
    """The database row is the source of truth; the WebSocket push is a best-effort signal."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    message = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["user", "read_at"])]

    def as_event(self) -> dict:
        return {"id": self.pk, "message": self.message, "created_at": self.created_at.isoformat()}
