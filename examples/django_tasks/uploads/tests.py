import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from .forms import MAX_UPLOAD_BYTES
from .models import Upload
from .tasks import process_upload

CSV = b"id,name\n1,Ada\n2,Grace\n"


def post_file(client, name="people.csv", content=CSV):
    return client.post("/uploads/", {"file": SimpleUploadedFile(name, content, content_type="text/csv")})


@pytest.mark.django_db
def test_upload_is_saved_then_processed_after_commit(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = post_file(api)
    assert response.status_code == 202
    upload = Upload.objects.get(pk=response.json()["id"])
    assert upload.status == Upload.Status.PENDING and len(callbacks) == 1
    assert upload.file.name.startswith("uploads/") and upload.file.name.endswith(".csv")

    callbacks[0]()  # the commit happens: Celery runs the task eagerly in tests
    detail = api.get(response.json()["status_url"]).json()
    assert detail["status"] == "done" and detail["line_count"] == 3
    assert len(detail["sha256"]) == 64


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("evil.exe", b"MZ...", "Allowed types"),
        ("fake.pdf", b"<html>not a pdf</html>", "does not match"),
        ("binary.csv", b"id\x00\xff\xfe", "UTF-8"),
        ("big.csv", b"x" * (MAX_UPLOAD_BYTES + 1), "limited to"),
    ],
)
def test_rejected_files_create_nothing(api, name, content, message):
    response = post_file(api, name, content)
    assert response.status_code == 400
    assert message in response.json()["errors"]["file"][0]["message"]
    assert not Upload.objects.exists()


@pytest.mark.django_db
def test_real_pdf_signature_is_accepted(api):
    assert post_file(api, "doc.PDF", b"%PDF-1.7\n...").status_code == 202


@pytest.mark.django_db
def test_anonymous_upload_is_refused(client):
    assert post_file(client).status_code == 401


@pytest.mark.django_db
def test_other_users_cannot_see_an_upload(api, client, django_user_model, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        url = post_file(api).json()["status_url"]
    client.force_login(django_user_model.objects.create_user("mallory"))
    assert client.get(url).status_code == 404


@pytest.mark.django_db
def test_task_is_idempotent(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        upload_id = post_file(api).json()["id"]
    assert process_upload.delay(upload_id).get() == "skipped"  # a duplicate message does nothing


@pytest.mark.django_db
def test_redelivered_message_takes_over_its_own_claim(api, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        upload_id = post_file(api).json()["id"]
    # The worker that ran message "m-1" claimed the row, then died before finishing.
    Upload.objects.filter(pk=upload_id).update(status=Upload.Status.PROCESSING, task_id="m-1")
    assert process_upload.apply(args=[upload_id], task_id="m-2").get() == "skipped"  # another message
    assert process_upload.apply(args=[upload_id], task_id="m-1").get() == "done"  # m-1 redelivered
    assert Upload.objects.get(pk=upload_id).line_count == 3


@pytest.mark.django_db
def test_missing_file_marks_the_upload_failed(api, media_root, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        upload_id = post_file(api).json()["id"]
    for path in (media_root / "uploads").iterdir():
        path.unlink()
    with pytest.raises(FileNotFoundError):
        callbacks[0]()
    upload = Upload.objects.get(pk=upload_id)
    assert upload.status == Upload.Status.FAILED
    detail = api.get(f"/uploads/{upload_id}/").json()
    assert detail["error"] == "Processing failed (FileNotFoundError)."  # no server path leaks out
    assert str(media_root) not in json.dumps(detail)
