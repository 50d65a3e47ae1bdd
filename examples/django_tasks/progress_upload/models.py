import uuid
from pathlib import Path

from django.conf import settings
from django.db import models


class ChunkedUpload(models.Model):
    """One resumable upload. `offset` is the number of bytes the server has stored so far."""

    class Status(models.TextChoices):
        UPLOADING = "uploading"
        COMPLETE = "complete"
        FAILED = "failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)  # unguessable URL
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    sha256 = models.CharField(max_length=64)
    offset = models.PositiveBigIntegerField(default=0)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.UPLOADING)
    file = models.FileField(upload_to="uploads/complete/%Y/%m/", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    @property
    def staging_path(self) -> Path:
        """Partial bytes live on local disk: the Storage API has no append or random write."""
        return Path(settings.MEDIA_ROOT) / "uploads" / "partial" / f"{self.pk}.part"

    def progress(self) -> dict:
        return {
            "id": str(self.pk),
            "status": self.status,
            "offset": self.offset,
            "size": self.size,
            "percent": round(100 * self.offset / self.size, 1),
        }
