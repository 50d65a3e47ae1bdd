"""Single-use, expiring email verification tokens built on Django's password reset generator."""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.encoding import force_bytes, force_str
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode


class EmailVerificationTokenGenerator(PasswordResetTokenGenerator):
    """Token = timestamp + HMAC(SECRET_KEY, user state). Nothing is stored server side.

    The parent hashes pk, password hash, last_login and email; this adds is_active. Activation
    flips is_active and the login that follows sets last_login, so a link works once and cannot
    revive a later-deactivated account; a new password voids older links. Expiry is
    settings.PASSWORD_RESET_TIMEOUT (3 days).
    """

    key_salt = "registration.tokens.EmailVerificationTokenGenerator"  # never valid as a reset token

    def _make_hash_value(self, user, timestamp):
        return f"{super()._make_hash_value(user, timestamp)}{user.is_active}"


email_verification_token = EmailVerificationTokenGenerator()


def encode_uid(pk) -> str:
    return urlsafe_base64_encode(force_bytes(pk))


def decode_uid(uidb64: str) -> str | None:
    try:
        return force_str(urlsafe_base64_decode(uidb64))
    except (TypeError, ValueError, UnicodeDecodeError):
        return None
