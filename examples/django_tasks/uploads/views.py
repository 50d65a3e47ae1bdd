from functools import partial

from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from .forms import UploadForm
from .models import Upload
from .tasks import process_upload


@require_POST
def create_upload(request):
    if not request.user.is_authenticated:
        return JsonResponse({"detail": "Authentication required."}, status=401)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    file = form.cleaned_data["file"]
    with transaction.atomic():
        upload = Upload.objects.create(owner=request.user, file=file, original_name=file.name[:255], size=file.size)
        # Enqueue after COMMIT: a worker that is faster than the commit would not find the row.
        transaction.on_commit(partial(process_upload.delay, upload.pk))
    status_url = reverse("uploads:detail", args=[upload.pk])
    return JsonResponse({"id": upload.pk, "status": upload.status, "status_url": status_url}, status=202)


@require_GET
def upload_detail(request, pk):
    upload = get_object_or_404(Upload, pk=pk, owner_id=request.user.pk)  # 404, not 403, for others' files
    data = {"id": upload.pk, "name": upload.original_name, "status": upload.status}
    if upload.status == Upload.Status.DONE:
        data |= {"sha256": upload.sha256, "line_count": upload.line_count}
    elif upload.status == Upload.Status.FAILED:
        data["error"] = upload.error
    return JsonResponse(data)
