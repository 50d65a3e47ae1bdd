"""Emails leave through Celery, queued only after the user row is committed."""

from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail

from .tokens import email_verification_token, encode_uid

VERIFY_URL = getattr(
    settings, "REGISTRATION_VERIFY_URL", "https://app.example.com/verify-email?uid={uid}&token={token}"
)


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_verification_email(user_id: int) -> None:
    user = get_user_model().objects.filter(pk=user_id, is_active=False).first()
    if user is None:  # verified meanwhile, or deleted: nothing to send
        return
    token = email_verification_token.make_token(user)
    link = VERIFY_URL.format(uid=encode_uid(user.pk), token=token)
    send_mail(
        "Confirm your email address",
        f"Open this link to activate your account:\n{link}\n\n"
        f"It expires in {settings.PASSWORD_RESET_TIMEOUT // 3600} hours.",
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )


@shared_task(autoretry_for=(OSError,), retry_backoff=True, max_retries=5)
def send_account_exists_email(user_id: int) -> None:
    """Someone registered with an address that already has an account: tell its owner."""
    user = get_user_model().objects.get(pk=user_id)
    send_mail(
        "Someone tried to sign up with your email",
        "You already have an account. Sign in, or reset your password if you forgot it.",
        settings.DEFAULT_FROM_EMAIL,
        [user.email],
    )
