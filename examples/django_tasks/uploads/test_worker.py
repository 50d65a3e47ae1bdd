"""The upload pipeline end to end: HTTP view -> commit -> Redis broker -> worker thread -> database.

Skips (with the reason) when Redis is not reachable; see the redis_url fixture in conftest.py.
"""

import time
from uuid import uuid4

import pytest
from celery import Celery
from celery.contrib.testing.worker import start_worker
from celery.result import EagerResult
from django.core.files.uploadedfile import SimpleUploadedFile

from .models import Upload
from .tasks import process_upload


@pytest.fixture
def celery_worker_app(redis_url):
    """A separate Celery app on a private queue, so no other worker can steal the message."""
    from config.celery import app as project_app

    app = Celery("uploads-tests")
    app.config_from_object("django.conf:settings", namespace="CELERY")
    app.conf.update(
        broker_url=redis_url,
        result_backend=redis_url,
        task_always_eager=False,
        task_default_queue=f"uploads-test-{uuid4().hex}",
    )
    try:
        # start_worker makes `app` the current app, so process_upload.delay() publishes through it.
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=20):
            yield app
    finally:
        project_app.set_current()
        project_app.set_default()
        app.close()


@pytest.mark.django_db(transaction=True)  # rows are committed, so the worker thread can see them
def test_real_worker_processes_the_upload(celery_worker_app, api):
    csv = SimpleUploadedFile("people.csv", b"id,name\n1,Ada\n2,Grace\n", content_type="text/csv")
    response = api.post("/uploads/", {"file": csv})
    assert response.status_code == 202
    upload = Upload.objects.get(pk=response.json()["id"])
    deadline = time.monotonic() + 20
    while upload.status in (Upload.Status.PENDING, Upload.Status.PROCESSING) and time.monotonic() < deadline:
        time.sleep(0.1)
        upload.refresh_from_db()
    assert upload.status == Upload.Status.DONE and upload.line_count == 3

    # A second message for the same row travels broker -> worker -> Redis result backend.
    result = process_upload.delay(upload.pk)
    assert not isinstance(result, EagerResult)
    assert result.get(timeout=20) == "skipped"
