import pytest
from asgiref.sync import async_to_sync
from django.contrib.auth import aauthenticate, authenticate
from django.contrib.auth.hashers import MD5PasswordHasher
from django.test import override_settings

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("backend_settings"),
]


class CountingHasher(MD5PasswordHasher):
    """Fast hasher for tests that also counts how often a hash is computed."""

    algorithm = "counting_md5"
    calls = 0

    def encode(self, password, salt):
        type(self).calls += 1
        return super().encode(password, salt)


@pytest.fixture
def backend_settings():
    with override_settings(
        AUTHENTICATION_BACKENDS=["accounts_backend.backends.EmailOrUsernameBackend"],
        PASSWORD_HASHERS=["accounts_backend.tests.CountingHasher"],
    ):
        CountingHasher.calls = 0
        yield


@pytest.fixture
def ada(django_user_model):
    return django_user_model.objects.create_user("ada", email="Ada@Example.com", password="correct horse")


@pytest.mark.parametrize("login", ["ada", "ADA", "ada@example.com", "ADA@EXAMPLE.COM", "  ada  "])
def test_username_or_email_in_any_case(ada, login):
    assert authenticate(username=login, password="correct horse") == ada


def test_wrong_password(ada):
    assert authenticate(username="ada@example.com", password="wrong") is None


def test_inactive_user_is_refused(ada):
    ada.is_active = False
    ada.save()
    assert authenticate(username="ada", password="correct horse") is None


def test_unknown_login_still_runs_the_hasher(ada):
    CountingHasher.calls = 0
    assert authenticate(username="nobody@example.com", password="whatever") is None
    assert CountingHasher.calls == 1  # same work as checking a real account's password


def test_username_match_beats_another_users_email(ada, django_user_model):
    impostor = django_user_model.objects.create_user("ada@example.com", password="impostor pw")
    assert authenticate(username="ada@example.com", password="impostor pw") == impostor
    assert authenticate(username="ada@example.com", password="correct horse") is None


def test_shared_email_is_ambiguous_and_refused(ada, django_user_model):
    django_user_model.objects.create_user("ada2", email="ada@example.com", password="correct horse")
    assert authenticate(username="ada@example.com", password="correct horse") is None


def test_login_through_the_test_client(client, ada):
    assert client.login(username="ADA@example.com", password="correct horse")
    assert client.session["_auth_user_backend"] == "accounts_backend.backends.EmailOrUsernameBackend"


@pytest.mark.django_db(transaction=True)
def test_async_login_uses_the_same_rules(ada):
    assert async_to_sync(aauthenticate)(username="ada@EXAMPLE.com", password="correct horse") == ada


def test_missing_credentials_return_none(ada):
    assert authenticate(username="ada") is None
    assert authenticate(password="correct horse") is None
