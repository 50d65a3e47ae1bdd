import hashlib

from celery import shared_task
from django.db.models import Q
from django.utils import timezone

from .models import Upload


@shared_task(bind=True, acks_late=True)
def process_upload(self, upload_id):
    # Claim the row in one UPDATE. A message redelivered after a crash (acks_late) keeps its task
    # id and may take over its own claim; any other message for this row finds it taken.
    task_id = self.request.id or ""  # empty only when called as a plain function
    claimed = Upload.objects.filter(
        Q(status=Upload.Status.PENDING) | Q(status=Upload.Status.PROCESSING, task_id=task_id), pk=upload_id
    ).update(status=Upload.Status.PROCESSING, task_id=task_id)
    if not claimed:
        return "skipped"
    upload = Upload.objects.get(pk=upload_id)
    try:
        digest, lines = hashlib.sha256(), 0
        with upload.file.open("rb") as fh:
            for chunk in fh.chunks():  # 64 KB at a time: memory stays flat for big files
                digest.update(chunk)
                lines += chunk.count(b"\n")
    except Exception as exc:
        # The user sees a generic message (str(exc) could reveal server paths or bucket names);
        # re-raising hands the full traceback to monitoring (Flower, Sentry).
        error = f"Processing failed ({type(exc).__name__})."
        Upload.objects.filter(pk=upload_id).update(status=Upload.Status.FAILED, error=error)
        raise
    Upload.objects.filter(pk=upload_id).update(
        status=Upload.Status.DONE, sha256=digest.hexdigest(), line_count=lines, processed_at=timezone.now()
    )
    return "done"
