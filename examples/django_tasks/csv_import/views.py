"""POST /csv_import/ stores the file and queues the import; GET /csv_import/<id>/ reports progress."""

from functools import partial

from django import forms
from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from .models import ImportJob
from .tasks import import_customers

MAX_BYTES = 1024**3


class UploadForm(forms.Form):
    file = forms.FileField()

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".csv") or upload.size > MAX_BYTES:
            raise forms.ValidationError("Upload a .csv file of at most 1 GiB.")
        return upload


@require_POST
def upload_csv(request):
    if not request.user.is_staff:
        return JsonResponse({"detail": "Staff only."}, status=403)
    form = UploadForm(request.POST, request.FILES)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    job = ImportJob.objects.create(file=form.cleaned_data["file"])  # saved to STORAGES["default"]
    # The worker must find the row: queue only after commit. The request returns at once.
    transaction.on_commit(partial(import_customers.delay, str(job.pk)))
    response = JsonResponse(job.progress(), status=202)
    response["Location"] = f"/csv_import/{job.pk}/"
    return response


@require_GET
def job_status(request, job_id):
    if not request.user.is_staff:
        return JsonResponse({"detail": "Staff only."}, status=403)
    job = get_object_or_404(ImportJob, pk=job_id)
    errors = [{"line": e.line, "errors": e.errors} for e in job.row_errors.all()[:50]]
    return JsonResponse({**job.progress(), "first_errors": errors})
