import uuid

from django.db import models


class Customer(models.Model):
    email = models.EmailField(unique=True)  # the natural key that makes re-imports idempotent
    name = models.CharField(max_length=200)
    country = models.CharField(max_length=2)
    signed_up = models.DateField()


class ImportJob(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        RUNNING = "running"
        DONE = "done"
        FAILED = "failed"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    file = models.FileField(upload_to="csv_imports/%Y/%m/")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    rows_done = models.PositiveIntegerField(default=0)  # checkpoint: data rows committed so far
    rows_imported = models.PositiveIntegerField(default=0)
    rows_failed = models.PositiveIntegerField(default=0)
    bytes_done = models.PositiveBigIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    def progress(self) -> dict:
        size = self.file.size or 1
        return {
            "id": str(self.pk),
            "status": self.status,
            "rows_done": self.rows_done,
            "rows_imported": self.rows_imported,
            "rows_failed": self.rows_failed,
            "percent": 100.0 if self.status == self.Status.DONE else round(min(99.9, 100 * self.bytes_done / size), 1),
            "error": self.error,
        }


class RowError(models.Model):
    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="row_errors")
    line = models.PositiveIntegerField()  # line in the file, header is line 1
    errors = models.JSONField()
    raw = models.JSONField()

    class Meta:
        ordering = ["line"]
        constraints = [models.UniqueConstraint(fields=["job", "line"], name="csv_import_rowerror_job_line")]
