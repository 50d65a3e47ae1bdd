"""notify() stores the notification; deliver() walks the user's channels with retries and fallback."""

from functools import partial

from celery import shared_task
from django.db import transaction
from django.db.models import F

from .backends import preference
from .base import DeliveryError, Message, registry
from .models import Delivery, Notification

ATTEMPTS_PER_CHANNEL = 3


def notify(user, subject: str, body: str) -> Notification:
    notification = Notification.objects.create(user=user, subject=subject, body=body)
    transaction.on_commit(partial(deliver.delay, notification.pk))
    return notification


def channel_plan(user) -> list[str]:
    """The user's order, keeping channels that exist here and that can reach this user."""
    pref = preference(user)
    order = pref.channel_order if pref else ["email"]
    return [name for name in order if name in registry and registry.get(name).can_reach(user)]


@shared_task(bind=True, max_retries=ATTEMPTS_PER_CHANNEL - 1, acks_late=True)
def deliver(self, notification_id: int, remaining: list[str] | None = None) -> str:
    notification = Notification.objects.select_related("user").get(pk=notification_id)
    if notification.status == Notification.Status.SENT:
        return "already sent"  # a redelivered task must not notify twice
    remaining = channel_plan(notification.user) if remaining is None else remaining
    if not remaining:
        Notification.objects.filter(pk=notification_id).update(status=Notification.Status.FAILED)
        return "no channel left"
    name = remaining[0]
    delivery, _ = Delivery.objects.get_or_create(notification=notification, channel=name)  # unique per channel
    # Count in SQL, not in Python: two runs of one message (a redelivery) must not lose an attempt.
    Delivery.objects.filter(pk=delivery.pk).update(attempts=F("attempts") + 1)
    try:
        registry.get(name).send(notification.user, Message(notification.pk, notification.subject, notification.body))
    except DeliveryError as exc:
        delivery.error = str(exc)
        if exc.retryable and self.request.retries < self.max_retries:
            delivery.save(update_fields=["error", "updated_at"])
            # Same channel again later: 30 s, 60 s... (ignored by eager mode in tests)
            raise self.retry(exc=exc, countdown=30 * 2**self.request.retries)
        delivery.status = Notification.Status.FAILED
        delivery.save(update_fields=["error", "status", "updated_at"])
        deliver.delay(notification_id, remaining[1:])  # fall back to the next channel, fresh retries
        return f"{name} failed"
    delivery.status = Notification.Status.SENT
    delivery.save(update_fields=["status", "updated_at"])
    Notification.objects.filter(pk=notification_id).update(status=Notification.Status.SENT, sent_via=name)
    return f"sent via {name}"
