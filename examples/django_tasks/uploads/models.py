"""An uploaded file and the state of its background processing."""

from pathlib import Path
from uuid import uuid4

from django.conf import settings
from django.db import models


def upload_path(instance, filename):
    # Never trust the client's file name on disk: random name, lower-cased extension.
    return f"uploads/{uuid4().hex}{Path(filename).suffix.lower()}"


class Upload(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        PROCESSING = "processing", "Processing"
        DONE = "done", "Done"
        FAILED = "failed", "Failed"

    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="uploads")
    file = models.FileField(upload_to=upload_path)
    original_name = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    task_id = models.CharField(max_length=255, blank=True)  # the Celery message that claimed the row
    sha256 = models.CharField(max_length=64, blank=True)
    line_count = models.PositiveIntegerField(null=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True)

    def __str__(self):
        return f"{self.original_name} ({self.status})"
