"""Document views as submitted for review. Each works for its author's happy path, and each
hides a vulnerability; security_after.py is the reviewed version."""
import hashlib
import os

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import connection
from django.http import FileResponse, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404
from django.urls import path

from .models import Document

SHARE_SECRET = "q3-share-links-2024"  # (1) hardcoded secret: in git, in every clone, forever


@login_required
def search(request):
    q = request.GET.get("q", "")
    with connection.cursor() as cursor:
        # (2) SQL injection: the search text becomes part of the SQL statement.
        cursor.execute(f"SELECT title FROM quality_document WHERE owner_id = {request.user.pk} AND title LIKE '%{q}%'")
        titles = [row[0] for row in cursor.fetchall()]
    return HttpResponse("\n".join(titles), content_type="text/plain")


@login_required
def detail(request, pk):
    doc = get_object_or_404(Document, pk=pk)  # (3) IDOR: no owner check
    # (4) stored XSS: user-written title and body go into HTML unescaped.
    return HttpResponse(f"<h1>{doc.title}</h1><div>{doc.body}</div>")


@login_required
def download(request):
    # (5) path traversal: "../" climbs out of the folder; an absolute name replaces it.
    folder = os.path.join(settings.MEDIA_ROOT, "reports", str(request.user.pk))
    return FileResponse(open(os.path.join(folder, request.GET["name"]), "rb"))


def share_token(pk):
    # (6) MD5 over id + secret is not a MAC, and the token never expires.
    return hashlib.md5(f"{pk}{SHARE_SECRET}".encode()).hexdigest()


def shared(request, pk, token):  # no login: whoever holds the link may read
    if token != share_token(pk):  # plain != also leaks timing
        return HttpResponseForbidden()
    doc = get_object_or_404(Document, pk=pk)
    return HttpResponse(doc.body, content_type="text/plain")


urlpatterns = [
    path("search/", search),
    path("<int:pk>/", detail),
    path("download/", download),
    path("shared/<int:pk>/<str:token>/", shared),
]
