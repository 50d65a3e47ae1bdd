"""Stream a stored CSV, validate each row, upsert valid rows in chunks, checkpoint after each chunk."""

import csv
import io

from celery import shared_task
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import Customer, ImportJob, RowError
from .validation import REQUIRED_COLUMNS, clean_row


class BadFile(Exception):
    """The file itself is unusable: retrying will not help."""


class ConcurrentRun(Exception):
    """Another worker advanced this job's checkpoint first."""


def save_chunk(job_id, rows_done: int, chunk: list[tuple[int, dict]], bytes_done: int) -> int:
    customers, errors = {}, []
    for line, row in chunk:
        data, problems = clean_row(row)
        if problems:
            errors.append(RowError(job_id=job_id, line=line, errors=problems, raw={str(k): v for k, v in row.items()}))
        else:
            customers[data["email"]] = Customer(**data)  # a duplicate email inside the chunk: last row wins
    with transaction.atomic():  # the rows and the checkpoint commit together, or not at all
        advanced = ImportJob.objects.filter(pk=job_id, rows_done=rows_done).update(
            rows_done=rows_done + len(chunk),
            rows_imported=F("rows_imported") + len(chunk) - len(errors),
            rows_failed=F("rows_failed") + len(errors),
            bytes_done=bytes_done,
        )
        if not advanced:
            raise ConcurrentRun(job_id)
        Customer.objects.bulk_create(
            customers.values(), update_conflicts=True, unique_fields=["email"], update_fields=["name", "country", "signed_up"]
        )
        RowError.objects.bulk_create(errors)
    return rows_done + len(chunk)


@shared_task(acks_late=True)
def import_customers(job_id: str, chunk_size: int = 1000) -> dict:
    job = ImportJob.objects.get(pk=job_id)
    if job.status == ImportJob.Status.DONE:
        return job.progress()  # a redelivered or repeated task: nothing to do
    ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.RUNNING, error="")
    rows_done = job.rows_done  # resume after the last committed chunk
    try:
        with job.file.open("rb") as raw, io.TextIOWrapper(raw, encoding="utf-8-sig", newline="") as text:
            reader = csv.DictReader(text)  # one row in memory at a time, whatever the file size
            missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
            if missing:
                raise BadFile(f"missing columns: {', '.join(sorted(missing))}")
            chunk = []
            for index, row in enumerate(reader):
                if index < rows_done:
                    continue  # committed by an earlier run: parse, do not write
                chunk.append((reader.line_num, row))
                if len(chunk) == chunk_size:
                    rows_done = save_chunk(job_id, rows_done, chunk, raw.tell())
                    chunk = []
            if chunk:
                rows_done = save_chunk(job_id, rows_done, chunk, raw.tell())
    except ConcurrentRun:
        return {"id": job_id, "status": "taken over by another worker"}
    except (BadFile, UnicodeDecodeError, csv.Error) as exc:
        ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.FAILED, error=str(exc))
        return ImportJob.objects.get(pk=job_id).progress()
    except Exception as exc:  # database down, worker killed...: keep the checkpoint, let it be re-run
        ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.FAILED, error=repr(exc))
        raise
    ImportJob.objects.filter(pk=job_id).update(status=ImportJob.Status.DONE, finished_at=timezone.now())
    return ImportJob.objects.get(pk=job_id).progress()
