"""Support tickets for the API design review example (review-api-design)."""
from django.db import models


class Ticket(models.Model):
    class Status(models.TextChoices):
        OPEN = "open"
        CLOSED = "closed"

    reference = models.CharField(max_length=40, unique=True)  # the client's own id, e.g. "HD-1042"
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
