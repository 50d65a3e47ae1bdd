"""Email through Django's mail API; SMS and push through an injected httpx.Client."""

import smtplib

import httpx
from django.core.exceptions import ObjectDoesNotExist
from django.core.mail import send_mail

from .base import Channel, DeliveryError, Message


def preference(user):
    try:
        return user.contact_preference
    except ObjectDoesNotExist:
        return None


class EmailChannel(Channel):
    name = "email"

    def can_reach(self, user) -> bool:
        return bool(user.email)

    def send(self, user, message: Message) -> None:
        try:
            send_mail(message.subject, message.body, None, [user.email])  # None: DEFAULT_FROM_EMAIL
        except smtplib.SMTPRecipientsRefused as exc:
            raise DeliveryError(f"address refused: {exc}", retryable=False) from exc
        except (smtplib.SMTPException, OSError) as exc:
            raise DeliveryError(f"smtp: {exc}", retryable=True) from exc


class HttpChannel(Channel):
    """A provider reached over HTTP. The client (base URL, auth, timeouts) is injected."""

    def __init__(self, http: httpx.Client):
        self.http = http

    def post(self, path: str, payload: dict, message: Message) -> None:
        try:
            response = self.http.post(path, json=payload, headers={"Idempotency-Key": message.idempotency_key})
        except httpx.TransportError as exc:
            raise DeliveryError(f"{self.name}: {exc!r}", retryable=True) from exc
        if response.status_code == 429 or response.status_code >= 500:
            raise DeliveryError(f"{self.name}: HTTP {response.status_code}", retryable=True)
        if response.status_code >= 400:  # bad number, unregistered token: retrying cannot help
            raise DeliveryError(f"{self.name}: HTTP {response.status_code}", retryable=False)


class SmsChannel(HttpChannel):
    name = "sms"

    def can_reach(self, user) -> bool:
        return bool(getattr(preference(user), "phone", ""))

    def send(self, user, message: Message) -> None:
        text = f"{message.subject}: {message.body}"
        self.post("/messages", {"to": preference(user).phone, "text": text[:160]}, message)


class PushChannel(HttpChannel):
    name = "push"

    def can_reach(self, user) -> bool:
        return bool(getattr(preference(user), "device_token", ""))

    def send(self, user, message: Message) -> None:
        payload = {"token": preference(user).device_token, "title": message.subject, "body": message.body}
        self.post("/send", payload, message)
