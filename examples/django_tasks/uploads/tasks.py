import hashlib

from celery import shared_task
from django.utils import timezone

from .models import Upload


@shared_task(acks_late=True)
def process_upload(upload_id):
    # Claim the row atomically: a redelivered or duplicate message finds it taken.
    claimed = Upload.objects.filter(pk=upload_id, status=Upload.Status.PENDING).update(
        status=Upload.Status.PROCESSING
    )
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
        # Record the failure for the user, then re-raise so monitoring (Flower, Sentry) sees it.
        Upload.objects.filter(pk=upload_id).update(status=Upload.Status.FAILED, error=str(exc)[:500])
        raise
    Upload.objects.filter(pk=upload_id).update(
        status=Upload.Status.DONE, sha256=digest.hexdigest(), line_count=lines, processed_at=timezone.now()
    )
    return "done"
