import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from . import tasks
from .models import Customer, ImportJob, RowError
from .tasks import import_customers

pytestmark = pytest.mark.django_db
ROWS = 5_000
BAD_EVERY = 100  # rows 0, 100, 200... are broken in one of four ways: 50 bad rows


def make_csv(rows: int = ROWS) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["email", "name", "country", "signed_up"])
    for i in range(rows):
        row = [f"user{i}@example.com", f"User {i}", "DE", "2024-05-01"]
        if i % BAD_EVERY == 0:
            broken = (i // BAD_EVERY) % 4
            row[broken] = ["not-an-email", "", "Germany", "01/05/2024"][broken]
        writer.writerow(row)
    writer.writerow(["quoted@example.com", "Smith, Jane\n(two lines)", "fr", "2024-06-01"])  # comma and newline
    return ("\ufeff" + out.getvalue()).encode()  # Excel adds a BOM: utf-8-sig strips it


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def staff_client(client):
    client.force_login(get_user_model().objects.create_user("ops", is_staff=True))
    return client


def upload(client, content: bytes, name="customers.csv"):
    return client.post("/csv_import/", {"file": SimpleUploadedFile(name, content, content_type="text/csv")})


def test_upload_imports_valid_rows_and_reports_bad_ones(staff_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # runs the eager Celery task after "commit"
        response = upload(staff_client, make_csv())
    assert response.status_code == 202

    status = staff_client.get(response["Location"]).json()
    assert status["status"] == "done" and status["percent"] == 100.0
    assert (status["rows_done"], status["rows_imported"], status["rows_failed"]) == (5_001, 4_951, 50)
    assert Customer.objects.count() == 4_951
    assert Customer.objects.get(email="quoted@example.com").name == "Smith, Jane\n(two lines)"
    first = status["first_errors"][0]
    assert first == {"line": 2, "errors": {"email": "invalid email"}}  # header is line 1
    assert RowError.objects.filter(errors__has_key="signed_up").count() == 12


def test_rerun_is_a_no_op_and_reimport_is_idempotent(staff_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job_id = upload(staff_client, make_csv(300)).json()["id"]
    import_customers.delay(job_id)  # redelivered message: the job is done, nothing changes
    assert RowError.objects.count() == 3

    with django_capture_on_commit_callbacks(execute=True):
        upload(staff_client, make_csv(300))  # same file again: upserts on email, no duplicates
    assert Customer.objects.count() == 298


def test_crash_mid_file_resumes_from_the_checkpoint(staff_client, django_capture_on_commit_callbacks, monkeypatch):
    real_save_chunk, calls = tasks.save_chunk, []

    def crash_on_third_chunk(*args):
        calls.append(1)
        if len(calls) == 3:
            raise ConnectionError("database went away")
        return real_save_chunk(*args)

    monkeypatch.setattr(tasks, "save_chunk", crash_on_third_chunk)
    with pytest.raises(ConnectionError), django_capture_on_commit_callbacks(execute=True):
        upload(staff_client, make_csv())
    job = ImportJob.objects.get()
    assert (job.status, job.rows_done) == ("failed", 2_000)

    monkeypatch.setattr(tasks, "save_chunk", real_save_chunk)
    import_customers.delay(str(job.pk))  # re-queued by hand or by a periodic sweeper
    job.refresh_from_db()
    assert (job.status, job.rows_done, job.rows_imported, job.rows_failed) == ("done", 5_001, 4_951, 50)
    assert RowError.objects.count() == 50  # the first two chunks were not processed twice


def test_checkpoint_guard_stops_a_second_worker():
    job = ImportJob.objects.create(file="csv_imports/x.csv", rows_done=1000)
    with pytest.raises(tasks.ConcurrentRun):
        tasks.save_chunk(job.pk, 0, [(2, {"email": "a@example.com"})], 0)  # it thought it was at row 0


def test_file_without_required_columns_fails_without_retry(staff_client, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(staff_client, b"mail,fullname\nx@example.com,X\n")
    status = staff_client.get(response["Location"]).json()
    assert status["status"] == "failed" and "country, email, name, signed_up" in status["error"]


def test_only_csv_files_from_staff(client, staff_client):
    assert upload(staff_client, b"a,b\n", name="evil.exe").status_code == 400
    client.logout()
    assert upload(client, make_csv(1)).status_code == 403
