import hashlib
import os

import pytest
from django.contrib.auth import get_user_model

from .models import ChunkedUpload

pytestmark = pytest.mark.django_db
PAYLOAD = os.urandom(2_500_000)
CHUNK = 1_000_000


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def user_client(client):
    client.force_login(get_user_model().objects.create_user("ada"))
    return client


def start(client, payload=PAYLOAD, sha256=None):
    body = {"filename": "../../etc/report.bin", "size": len(payload), "sha256": sha256 or hashlib.sha256(payload).hexdigest()}
    return client.post("/progress_upload/", body, content_type="application/json")


def put_chunk(client, upload_id, start_at, payload=PAYLOAD, length=CHUNK):
    data = payload[start_at : start_at + length]
    content_range = f"bytes {start_at}-{start_at + len(data) - 1}/{len(payload)}"
    return client.put(
        f"/progress_upload/{upload_id}/", data, content_type="application/octet-stream", headers={"content-range": content_range}
    )


def test_upload_in_chunks_reports_progress_and_verifies_checksum(user_client):
    created = start(user_client)
    assert created.status_code == 201
    upload_id = created.json()["id"]
    assert created["Location"] == f"/progress_upload/{upload_id}/"

    percents = []
    for offset in range(0, len(PAYLOAD), CHUNK):
        response = put_chunk(user_client, upload_id, offset)
        assert response.status_code == 200
        percents.append(user_client.get(f"/progress_upload/{upload_id}/").json()["percent"])

    assert percents == [40.0, 80.0, 100.0]
    upload = ChunkedUpload.objects.get(pk=upload_id)
    assert upload.status == "complete" and upload.filename == "report.bin"  # path parts stripped
    assert upload.file.name.endswith(f"/{upload_id}.bin")  # stored under the UUID, not the client's name
    with upload.file.open("rb") as stored:
        assert stored.read() == PAYLOAD
    assert not upload.staging_path.exists()


def test_resume_after_a_lost_response(user_client):
    upload_id = start(user_client).json()["id"]
    put_chunk(user_client, upload_id, 0)
    # The client never saw the reply and sends chunk 0 again: the server says where it really is.
    retry = put_chunk(user_client, upload_id, 0)
    assert retry.status_code == 409 and retry.json()["offset"] == CHUNK

    offset = user_client.get(f"/progress_upload/{upload_id}/").json()["offset"]
    while offset < len(PAYLOAD):
        offset = put_chunk(user_client, upload_id, offset).json()["offset"]
    assert ChunkedUpload.objects.get(pk=upload_id).status == "complete"


def test_partial_bytes_from_a_crash_are_overwritten(user_client):
    upload_id = start(user_client).json()["id"]
    put_chunk(user_client, upload_id, 0)
    upload = ChunkedUpload.objects.get(pk=upload_id)
    with open(upload.staging_path, "ab") as partial:
        partial.write(b"garbage written before the crash, never committed")
    for offset in range(CHUNK, len(PAYLOAD), CHUNK):
        put_chunk(user_client, upload_id, offset)
    upload.refresh_from_db()
    assert upload.status == "complete"


def test_checksum_mismatch_fails_the_upload(user_client):
    upload_id = start(user_client, sha256="0" * 64).json()["id"]
    responses = [put_chunk(user_client, upload_id, offset) for offset in range(0, len(PAYLOAD), CHUNK)]
    assert responses[-1].status_code == 422
    upload = ChunkedUpload.objects.get(pk=upload_id)
    assert upload.status == "failed" and not upload.file and not upload.staging_path.exists()


@pytest.mark.parametrize(
    "content_range", ["", "bytes 0-99/100", "bytes 10-5/2500000", "items 0-9/2500000", "bytes 0-2500000/2500000"]
)
def test_bad_content_range_is_rejected(user_client, content_range):
    upload_id = start(user_client).json()["id"]
    response = user_client.put(
        f"/progress_upload/{upload_id}/", b"x" * 10, content_type="application/octet-stream", headers={"content-range": content_range}
    )
    assert response.status_code == 400


def test_oversized_chunk_is_refused_before_reading_it(user_client, monkeypatch):
    monkeypatch.setattr("progress_upload.views.MAX_CHUNK", 1000)
    upload_id = start(user_client).json()["id"]
    assert put_chunk(user_client, upload_id, 0).status_code == 413


def test_body_shorter_than_content_range_is_rejected(user_client):
    upload_id = start(user_client).json()["id"]
    response = user_client.put(
        f"/progress_upload/{upload_id}/", b"x" * 10, content_type="application/octet-stream", headers={"content-range": "bytes 0-99/2500000"}
    )
    assert response.status_code == 400
    assert ChunkedUpload.objects.get(pk=upload_id).offset == 0


def test_uploads_are_private(client, user_client):
    upload_id = start(user_client).json()["id"]
    assert client.get(f"/progress_upload/{upload_id}/").status_code == 200  # same client, logged in
    client.logout()
    assert client.get(f"/progress_upload/{upload_id}/").status_code == 401
    client.force_login(get_user_model().objects.create_user("eve"))
    assert client.get(f"/progress_upload/{upload_id}/").status_code == 404
    assert start(client, sha256="not-hex").status_code == 400
