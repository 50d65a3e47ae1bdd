from unittest import mock

import pytest
from django.db import IntegrityError
from rest_framework.test import APIClient

from .models import Comment, Post, Tag

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(author):
    client = APIClient()
    client.force_authenticate(author)
    return client


def payload(**overrides):
    data = {
        "title": "Nested writes",
        "slug": "nested-writes",
        "body": "Serializers all the way down",
        "status": "published",
        "category": None,
        "tags": [{"name": "DRF"}, {"name": "Django"}],
        "comments": [{"author_name": "Bob", "body": "First!"}],
    }
    return {**data, **overrides}


def test_create_post_with_tags_and_comments_in_one_request(api, category):
    Tag.objects.create(name="Django", slug="django")  # existing tag is reused
    response = api.post("/blog/api/posts/", payload(category="django"), format="json")
    assert response.status_code == 201, response.data
    post = Post.objects.get(slug="nested-writes")
    assert post.author.username == "ada" and post.category == category
    assert post.published_at is not None  # filled in by validate()
    assert sorted(post.tags.values_list("slug", flat=True)) == ["django", "drf"]
    assert Tag.objects.count() == 2
    assert [c.body for c in post.comments.all()] == ["First!"]
    assert response.data["comments"][0]["author_name"] == "Bob"


def test_errors_are_reported_per_nested_item(api):
    comments = [{"author_name": "Bob", "body": "ok"}, {"author_name": "Eve", "body": ""}]
    response = api.post("/blog/api/posts/", payload(comments=comments), format="json")
    assert response.status_code == 400
    # DRF 3.18+: a dict keyed by the index of each failing item (older versions: a list with {} gaps).
    assert response.json()["comments"] == {"1": {"body": ["This field may not be blank."]}}
    assert not Post.objects.exists()


def test_update_syncs_comments_by_id(api, make_post):
    post = make_post("sync")
    keep = post.comments.create(author_name="Bob", body="old text")
    drop = post.comments.create(author_name="Eve", body="spam")
    comments = [{"id": keep.id, "author_name": "Bob", "body": "edited"}, {"author_name": "Ann", "body": "new"}]
    data = {"comments": comments, "tags": [{"name": "ORM"}]}
    response = api.patch(f"/blog/api/posts/{post.pk}/", data, format="json")
    assert response.status_code == 200, response.data
    assert list(post.comments.values_list("author_name", "body")) == [("Bob", "edited"), ("Ann", "new")]
    assert not Comment.objects.filter(pk=drop.pk).exists()
    assert list(post.tags.values_list("name", flat=True)) == ["ORM"]


def test_update_rejects_a_comment_of_another_post(api, make_post):
    post, other = make_post("mine"), make_post("theirs")
    foreign = other.comments.create(author_name="Bob", body="hands off")
    data = {"comments": [{"id": foreign.id, "author_name": "Eve", "body": "x"}]}
    response = api.patch(f"/blog/api/posts/{post.pk}/", data, format="json")
    assert response.status_code == 400
    assert response.json()["comments"] == {"0": {"id": ["No such comment on this post."]}}
    foreign.refresh_from_db()
    assert foreign.body == "hands off"


def test_failure_in_nested_write_rolls_back_the_post(api):
    with mock.patch.object(Comment.objects, "bulk_create", side_effect=IntegrityError("boom")):
        with pytest.raises(IntegrityError):
            api.post("/blog/api/posts/", payload(), format="json")
    assert not Post.objects.exists()


def test_list_runs_four_queries_whatever_the_page_size(make_post, django_assert_num_queries):
    for slug in ("a", "b", "c", "d"):
        post = make_post(slug)
        post.tags.add(Tag.objects.get_or_create(name="orm", slug="orm")[0])
        post.comments.create(author_name="Bob", body="hi")
    with django_assert_num_queries(4):  # COUNT, posts + author + category, tags, comments
        response = APIClient().get("/blog/api/posts/?page_size=3")
    assert response.status_code == 200
    assert response.data["count"] == 4 and len(response.data["results"]) == 3


def test_anonymous_users_cannot_write():
    assert APIClient().post("/blog/api/posts/", payload(), format="json").status_code in (401, 403)


def test_only_the_author_can_change_or_delete_a_post(make_post, django_user_model):
    post = make_post("adas-post")
    mallory = APIClient()
    mallory.force_authenticate(django_user_model.objects.create_user("mallory"))
    assert mallory.patch(f"/blog/api/posts/{post.pk}/", {"title": "Pwned"}, format="json").status_code == 403
    assert mallory.delete(f"/blog/api/posts/{post.pk}/").status_code == 403
    post.refresh_from_db()
    assert post.title == "Adas-Post"


def test_drafts_are_visible_to_their_author_only(api, make_post, django_user_model):
    draft = make_post("secret-draft", status=Post.Status.DRAFT)
    assert api.get(f"/blog/api/posts/{draft.pk}/").status_code == 200
    bob = APIClient()
    bob.force_authenticate(django_user_model.objects.create_user("bob"))
    for client in (bob, APIClient()):
        assert client.get(f"/blog/api/posts/{draft.pk}/").status_code == 404
        assert client.get("/blog/api/posts/").data["results"] == []
