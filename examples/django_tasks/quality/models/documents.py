"""Private documents for the security review example (find-security-vulnerabilities)."""
from django.conf import settings
from django.db import models


class Document(models.Model):
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="quality_documents")
    title = models.CharField(max_length=200)
    body = models.TextField()
