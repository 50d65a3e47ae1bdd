"""The reviewed document views: every query scoped to the owner, the ORM builds the SQL,
escaped HTML, paths confined to the user's folder, signed expiring share links."""
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.html import format_html

from .models import Document

SHARE_LINK_MAX_AGE = timedelta(days=7)


@login_required
def search(request):
    q = request.GET.get("q", "")
    # The ORM sends q as a bound parameter: the database never parses it as SQL.
    docs = Document.objects.filter(owner=request.user, title__icontains=q).order_by("title")
    return HttpResponse("\n".join(doc.title for doc in docs), content_type="text/plain")


@login_required
def detail(request, pk):
    # Scope the lookup to the owner; 404 rather than 403, so ids of others stay unconfirmed.
    doc = get_object_or_404(Document, pk=pk, owner=request.user)
    return HttpResponse(format_html("<h1>{}</h1><div>{}</div>", doc.title, doc.body))


def _user_report(user, name):
    """The file `name` inside the user's report folder, or None if it escapes or is missing."""
    if "\x00" in name:  # Path.resolve() raises ValueError on a NUL byte: a 500, not a 404
        return None
    folder = (Path(settings.MEDIA_ROOT) / "reports" / str(user.pk)).resolve()
    target = (folder / name).resolve()  # collapses "..", follows symlinks
    return target if target.is_relative_to(folder) and target.is_file() else None


@login_required
def download(request):
    report = _user_report(request.user, request.GET.get("name", ""))
    if report is None:
        raise Http404("No such report.")
    return FileResponse(report.open("rb"), as_attachment=True)


def _share_signer():
    # HMAC-SHA256 keyed with settings.SECRET_KEY (read from the environment), with a salt
    # of its own so a token signed for another feature does not validate here.
    return signing.TimestampSigner(salt="quality.document-share")


def share_token(doc):
    return _share_signer().sign(str(doc.pk))


def shared(request, token):
    try:
        pk = _share_signer().unsign(token, max_age=SHARE_LINK_MAX_AGE)
    except signing.BadSignature:  # tampered, forged, or expired (SignatureExpired)
        raise Http404("No such link.") from None
    doc = get_object_or_404(Document, pk=pk)
    return HttpResponse(doc.body, content_type="text/plain")


urlpatterns = [
    path("search/", search),
    path("<int:pk>/", detail),
    path("download/", download),
    path("shared/<str:token>/", shared),
]
