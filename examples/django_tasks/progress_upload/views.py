"""POST /progress_upload/ starts an upload; GET and PUT /progress_upload/<id>/ read progress and send chunks."""

import json
import re
from functools import wraps

from django.core.exceptions import SuspiciousFileOperation
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.utils.text import get_valid_filename
from django.views.decorators.http import require_http_methods, require_POST

from .chunks import ChunkError, parse_content_range, publish, sha256_of, spool_body, write_at
from .models import ChunkedUpload

MAX_SIZE = 5 * 1024**3  # 5 GiB per file
CHUNK_SIZE = 4 * 1024**2  # what the client is told to send
MAX_CHUNK = 8 * 1024**2  # what the server accepts


def api_login_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return JsonResponse({"detail": "Authentication required."}, status=401)
        return view(request, *args, **kwargs)

    return wrapper


@require_POST
@api_login_required
def start_upload(request):
    try:
        data = json.loads(request.body)
        size, sha256 = int(data["size"]), str(data["sha256"]).lower()
        filename = get_valid_filename(str(data["filename"]).rsplit("/", 1)[-1])
    except (ValueError, KeyError, TypeError, SuspiciousFileOperation):
        return JsonResponse({"detail": "Send filename, size and sha256."}, status=400)
    if not 0 < size <= MAX_SIZE or not re.fullmatch(r"[0-9a-f]{64}", sha256):
        return JsonResponse({"detail": "Invalid size or sha256."}, status=400)
    upload = ChunkedUpload.objects.create(owner=request.user, filename=filename, size=size, sha256=sha256)
    response = JsonResponse({**upload.progress(), "chunk_size": CHUNK_SIZE}, status=201)
    response["Location"] = f"/progress_upload/{upload.pk}/"
    return response


@require_http_methods(["GET", "PUT"])
@api_login_required
def upload_detail(request, upload_id):
    upload = get_object_or_404(ChunkedUpload, pk=upload_id, owner=request.user)  # 404, not 403
    if request.method == "GET":  # the progress endpoint, and where a client asks where to resume
        return JsonResponse(upload.progress())
    try:
        start, length = parse_content_range(request.headers.get("Content-Range"), upload.size, MAX_CHUNK)
        spool = spool_body(request, length)
    except ChunkError as exc:
        return JsonResponse({"detail": exc.detail, "offset": upload.offset}, status=exc.status)
    with spool, transaction.atomic():
        upload = ChunkedUpload.objects.select_for_update().get(pk=upload.pk)  # one writer at a time
        if upload.status != ChunkedUpload.Status.UPLOADING:
            return JsonResponse({"detail": f"Upload is {upload.status}.", **upload.progress()}, status=409)
        if start != upload.offset:  # lost response, duplicate or out-of-order chunk: resume from here
            return JsonResponse({"detail": "Wrong offset.", **upload.progress()}, status=409)
        write_at(upload.staging_path, start, spool)
        upload.offset = start + length
        status = 200
        if upload.offset == upload.size:
            if sha256_of(upload.staging_path) == upload.sha256:
                publish(upload)
                upload.status = ChunkedUpload.Status.COMPLETE
            else:
                upload.staging_path.unlink()
                upload.status, status = ChunkedUpload.Status.FAILED, 422
        upload.save(update_fields=["offset", "status", "file", "updated_at"])
    return JsonResponse(upload.progress(), status=status)
