"""Disk side of a chunked upload: spool a request body, write it at an offset, verify, publish."""

import hashlib
import re
import shutil
import tempfile
from pathlib import Path

from django.core.files import File

BLOCK = 64 * 1024
CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


class ChunkError(Exception):
    def __init__(self, status: int, detail: str):
        super().__init__(detail)
        self.status, self.detail = status, detail


def parse_content_range(header: str, expected_total: int, max_chunk: int) -> tuple[int, int]:
    """'bytes 0-1048575/5000000' -> (start, length). Raises ChunkError on anything else."""
    match = CONTENT_RANGE.match(header or "")
    if not match:
        raise ChunkError(400, "Content-Range must look like 'bytes START-END/TOTAL'.")
    start, end, total = map(int, match.groups())
    if total != expected_total or end < start or end >= total:
        raise ChunkError(400, "Content-Range does not fit this upload.")
    if end - start + 1 > max_chunk:
        raise ChunkError(413, f"Chunks are at most {max_chunk} bytes.")
    return start, end - start + 1


def spool_body(request, length: int):
    """Read the body in blocks, before any lock is taken: a slow client must not hold a row lock."""
    spool = tempfile.SpooledTemporaryFile(max_size=1024 * 1024)
    remaining = length
    while remaining:
        block = request.read(min(BLOCK, remaining))
        if not block:
            break
        spool.write(block)
        remaining -= len(block)
    if remaining or request.read(1):
        spool.close()
        raise ChunkError(400, "Body length does not match Content-Range.")
    spool.seek(0)
    return spool


def write_at(path, offset: int, spool) -> None:
    """Write at `offset` and cut anything after it: bytes of a crashed earlier attempt vanish."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "r+b" if path.exists() else "wb") as target:
        target.seek(offset)
        shutil.copyfileobj(spool, target, BLOCK)
        target.truncate()


def sha256_of(path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as source:
        for block in iter(lambda: source.read(BLOCK), b""):
            digest.update(block)
    return digest.hexdigest()


def publish(upload) -> None:
    """Move the verified bytes into the configured storage (local disk, S3...).

    The stored name is the upload's UUID: the client's file name is only shown, never used as a path.
    """
    name = f"{upload.pk}{Path(upload.filename).suffix.lower()}"
    with open(upload.staging_path, "rb") as source:
        upload.file.save(name, File(source), save=False)
    upload.staging_path.unlink()
