import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path  # also seen by a worker thread: settings are process-wide
    return tmp_path


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("uploader")


@pytest.fixture
def api(client, user):
    client.force_login(user)
    return client
