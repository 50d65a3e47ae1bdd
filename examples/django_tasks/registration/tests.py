import re
from datetime import datetime, timedelta
from unittest import mock

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import Client

from .tokens import email_verification_token

User = get_user_model()
pytestmark = pytest.mark.django_db
PASSWORD = "correct-horse-battery"


@pytest.fixture(autouse=True)
def fast_hashing_and_clean_cache(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # tests only
    cache.clear()  # throttle and cooldown counters live in the (locmem) cache
    yield
    cache.clear()


@pytest.fixture
def register(client, django_capture_on_commit_callbacks):
    def _register(email="Ada@Example.com", password=PASSWORD):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/registration/register/", {"email": email, "password": password}, content_type="application/json")

    return _register


def link_params(message) -> dict:
    uid, token = re.search(r"uid=([\w-]+)&token=([\w-]+)", message.body).groups()
    return {"uid": uid, "token": token}


def verify(client, params, password=PASSWORD):
    return client.post("/registration/verify/", {**params, "password": password}, content_type="application/json")


def test_register_creates_inactive_user_and_emails_a_link(register, client):
    response = register()

    assert response.status_code == 202
    user = User.objects.get(email="ada@example.com")
    assert not user.is_active
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ada@example.com"]
    assert not client.login(username="ada@example.com", password=PASSWORD)  # inactive: ModelBackend refuses

    response = verify(client, link_params(mail.outbox[0]))

    assert response.status_code == 200
    user.refresh_from_db()
    assert user.is_active and user.last_login is not None
    assert client.session["_auth_user_id"] == str(user.pk)  # verified and signed in


def test_email_is_sent_only_after_commit(client):
    # Without running on_commit callbacks (the request's transaction never "commits" in this
    # test), no email leaves: a rolled-back sign-up never mails a dead link.
    client.post("/registration/register/", {"email": "ada@example.com", "password": PASSWORD}, content_type="application/json")
    assert mail.outbox == []


def test_expired_token_is_rejected(register, client):
    register()
    later = datetime.now() + timedelta(seconds=settings.PASSWORD_RESET_TIMEOUT + 1)
    with mock.patch.object(email_verification_token, "_now", return_value=later):
        response = verify(client, link_params(mail.outbox[0]))
    assert response.status_code == 400
    assert not User.objects.get(email="ada@example.com").is_active


def test_token_works_once(register, client):
    register()
    params = link_params(mail.outbox[0])
    assert verify(client, params).status_code == 200
    assert verify(client, params).status_code == 400  # is_active and last_login changed: the HMAC differs


def test_old_link_cannot_revive_a_deactivated_account(register, client):
    register()
    params = link_params(mail.outbox[0])
    verify(client, params)
    User.objects.filter(email="ada@example.com").update(is_active=False)  # banned by an admin
    assert verify(client, params).status_code == 400  # last_login is hashed too
    assert not User.objects.get(email="ada@example.com").is_active


def test_verification_needs_the_password_of_the_sign_up(register, client):
    register()
    assert verify(client, link_params(mail.outbox[0]), password="someone-elses-pw").status_code == 400
    assert not User.objects.get(email="ada@example.com").is_active


def test_squatter_who_registered_first_cannot_take_the_account(register, client):
    register(password="squatter-password-1")  # someone signs up with Ada's address before she does
    squatter_link = link_params(mail.outbox[0])  # lands in Ada's mailbox, not the squatter's
    cache.clear()  # Ada signs up after the resend cooldown
    register()
    assert verify(client, squatter_link).status_code == 400  # her new password voided the old link
    assert verify(client, link_params(mail.outbox[1])).status_code == 200
    assert not Client().login(username="ada@example.com", password="squatter-password-1")


def test_squatter_who_registers_later_cannot_get_ada_to_activate_it(register, client):
    register()
    cache.clear()
    register(password="squatter-password-1")  # replaces the pending password, mails Ada a new link
    assert verify(client, link_params(mail.outbox[1])).status_code == 400  # Ada types her own password
    assert not User.objects.get(email="ada@example.com").is_active


@pytest.mark.parametrize("field", ["uid", "token"])
def test_tampered_link_is_rejected(register, client, field):
    register()
    params = link_params(mail.outbox[0])
    params[field] = params[field][:-1] + ("A" if params[field][-1] != "A" else "B")
    assert verify(client, params).status_code == 400
    assert verify(client, {"uid": "!!", "token": "x-y"}).status_code == 400


def test_duplicate_email_gets_the_same_response(register, client):
    first = register()
    verify(client, link_params(mail.outbox[0]))
    mail.outbox.clear()

    second = register(email="ADA@example.com ")

    assert (second.status_code, second.json()) == (first.status_code, first.json())
    assert User.objects.filter(email="ada@example.com").count() == 1
    assert mail.outbox[0].subject == "Someone tried to sign up with your email"


def test_resend_is_rate_limited_and_does_not_enumerate(register, client, django_capture_on_commit_callbacks):
    register()
    cache.delete(f"registration:resend:{User.objects.get().pk}")  # pretend the cooldown has passed
    with django_capture_on_commit_callbacks(execute=True):
        responses = [
            client.post("/registration/resend/", {"email": email}, content_type="application/json")
            for email in ["ada@example.com", "ada@example.com", "nobody@example.com"]
        ]
    assert {r.status_code for r in responses} == {202}
    assert len({r.content for r in responses}) == 1
    assert len(mail.outbox) == 2  # the sign-up email and one resend; the second resend hit the cooldown


def test_weak_password_is_rejected(register):
    response = register(password="short")
    assert response.status_code == 400 and "password" in response.json()
    assert not User.objects.exists()
