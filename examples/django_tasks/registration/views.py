"""POST /registration/register/, /verify/ and /resend/.

Register and resend answer 202 with the same body whatever the address: the response never
tells a caller whether an account exists (no user enumeration).
"""

from functools import partial

from django.contrib.auth import get_user_model, login
from django.core.cache import cache
from django.db import IntegrityError, transaction
from rest_framework import status
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.throttling import AnonRateThrottle
from rest_framework.views import APIView

from .serializers import RegisterSerializer, ResendSerializer, VerifySerializer
from .tasks import send_account_exists_email, send_verification_email
from .tokens import decode_uid, email_verification_token

User = get_user_model()
ACCEPTED = {"detail": "If the address can be used, we have sent an email with the next step."}
RESEND_COOLDOWN = 60  # seconds between two verification emails to one address


class SignupThrottle(AnonRateThrottle):
    rate = "10/hour"  # per client IP, on top of the per-address cooldown


def queue_verification(user) -> None:
    """At most one email per address per cooldown; cache.add is atomic on Redis and Memcached."""
    if cache.add(f"registration:resend:{user.pk}", 1, timeout=RESEND_COOLDOWN):
        transaction.on_commit(partial(send_verification_email.delay, user.pk))


class RegisterView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [SignupThrottle]

    def post(self, request):
        serializer = RegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        email = serializer.validated_data["email"]
        user = User(username=email, email=email, is_active=False)
        user.set_password(serializer.validated_data["password"])  # hashed on every path: same timing
        try:
            with transaction.atomic():
                user.save()  # username is unique in the database, so two concurrent sign-ups cannot both win
        except IntegrityError:
            existing = User.objects.get(username=email)
            if existing.is_active:
                transaction.on_commit(partial(send_account_exists_email.delay, existing.pk))
            else:
                # Nobody has proven they own this address yet: the newest sign-up replaces the
                # pending one, and its new password hash voids every link mailed before.
                existing.password = user.password
                existing.save(update_fields=["password"])
                queue_verification(existing)
        else:
            queue_verification(user)
        return Response(ACCEPTED, status=status.HTTP_202_ACCEPTED)


class VerifyEmailView(APIView):
    """The email links to the frontend, which POSTs uid, token and the password here.

    POST, not GET: mail scanners and link previews fetch GET URLs and would burn the token.
    The token proves the mailbox, the password proves who signed up: someone who registered
    your address first cannot get you to activate an account whose password they know.
    """

    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [SignupThrottle]
    parser_classes = [JSONParser]  # a cross-site HTML form cannot send JSON: no login CSRF

    def post(self, request):
        serializer = VerifySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        pk = decode_uid(data["uid"])
        user = User.objects.filter(pk=pk).first() if pk and pk.isdigit() else None
        if (
            user is None
            or not email_verification_token.check_token(user, data["token"])
            or not user.check_password(data["password"])
        ):
            return Response({"detail": "The link is invalid or has expired."}, status=status.HTTP_400_BAD_REQUEST)
        user.is_active = True
        user.save(update_fields=["is_active"])
        # Signing in sets last_login, which the token hashes: the link is spent for good.
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        return Response({"detail": "Email verified. You are signed in."})


class ResendVerificationView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []
    throttle_classes = [SignupThrottle]

    def post(self, request):
        serializer = ResendSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = User.objects.filter(username=serializer.validated_data["email"], is_active=False).first()
        if user is not None:
            queue_verification(user)
        return Response(ACCEPTED, status=status.HTTP_202_ACCEPTED)
