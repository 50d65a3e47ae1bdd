from datetime import timedelta

import pytest
from django.db import IntegrityError
from django.db.models import ProtectedError
from django.utils import timezone

from .models import Comment, Post, Tag

pytestmark = pytest.mark.django_db


def test_published_hides_drafts_and_future_posts(make_post):
    live = make_post("live")
    make_post("draft", status=Post.Status.DRAFT)
    make_post("scheduled", published_at=timezone.now() + timedelta(days=1))
    assert list(Post.objects.published()) == [live]


def test_queryset_methods_chain(make_post, category):
    post = make_post("django-tips", category=category)
    assert list(Post.objects.filter(category=category).published()) == [post]


def test_published_post_needs_a_publish_date(author):
    with pytest.raises(IntegrityError):
        Post.objects.create(author=author, title="x", slug="x", body="x", status=Post.Status.PUBLISHED)


def test_slug_is_unique(make_post):
    make_post("same")
    with pytest.raises(IntegrityError):
        make_post("same")


def test_author_with_posts_cannot_be_deleted(make_post, author):
    make_post()
    with pytest.raises(ProtectedError):
        author.delete()


def test_deleting_a_category_keeps_its_posts(make_post, category):
    post = make_post(category=category)
    category.delete()
    post.refresh_from_db()
    assert post.category is None


def test_deleting_a_post_deletes_its_comments_but_not_its_tags(make_post):
    post = make_post()
    post.tags.add(Tag.objects.create(name="orm", slug="orm"))
    post.comments.create(author_name="Bob", body="Nice")
    post.delete()
    assert not Comment.objects.exists()  # CASCADE
    assert Tag.objects.count() == 1 and not Post.tags.through.objects.exists()  # only the link went
    assert not Post.objects.exists()


def test_absolute_url_and_detail_page(client, make_post):
    post = make_post("hello-world", title="Hello <World>")
    assert post.get_absolute_url() == "/blog/hello-world/"
    response = client.get(post.get_absolute_url())
    assert response.status_code == 200
    assert "Hello &lt;World&gt;" in response.content.decode()


def test_for_listing_uses_two_queries(make_post, django_assert_num_queries):
    for slug in ("a", "b", "c"):
        make_post(slug).tags.add(Tag.objects.get_or_create(name="orm", slug="orm")[0])
    with django_assert_num_queries(2):
        posts = list(Post.objects.published().for_listing())
        assert [t.name for p in posts for t in p.tags.all()] == ["orm"] * 3
        assert {p.author.username for p in posts} == {"ada"}
