from django.conf import settings
from django.db import models


def default_order() -> list[str]:
    return ["push", "email"]


class ContactPreference(models.Model):
    """Which channels a user accepts, in the order to try them, and how to reach them."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="contact_preference")
    channel_order = models.JSONField(default=default_order)  # e.g. ["push", "sms", "email"]; omit to opt out
    phone = models.CharField(max_length=20, blank=True)  # E.164, verified elsewhere
    device_token = models.CharField(max_length=255, blank=True)


class Notification(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        SENT = "sent"
        FAILED = "failed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    sent_via = models.CharField(max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class Delivery(models.Model):
    """One row per (notification, channel): attempts, outcome, last error. The audit trail."""

    notification = models.ForeignKey(Notification, on_delete=models.CASCADE, related_name="deliveries")
    channel = models.CharField(max_length=20)
    status = models.CharField(max_length=10, choices=Notification.Status.choices, default=Notification.Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["notification", "channel"], name="multichannel_one_delivery_per_channel")]
