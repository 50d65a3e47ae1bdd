import pytest
from django.core.cache import cache
from django.utils import timezone

from .models import Category, Post


@pytest.fixture
def author(django_user_model):
    return django_user_model.objects.create_user("ada", email="ada@example.com")  # no password: no slow hashing


@pytest.fixture
def make_post(author):
    def make(slug="hello", status=Post.Status.PUBLISHED, **fields):
        published_at = timezone.now() if status == Post.Status.PUBLISHED else None
        fields.setdefault("published_at", published_at)
        fields.setdefault("title", slug.title())
        fields.setdefault("body", "one two three")
        return Post.objects.create(author=author, slug=slug, status=status, **fields)

    return make


@pytest.fixture
def category():
    return Category.objects.create(name="Django", slug="django")


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()  # locmem outlives a test; the cached post list must not leak
    yield
    cache.clear()
