import pytest
from django.core import mail
from django.core.cache import cache

from .models import Comment
from .views import LATEST_POSTS_KEY, latest_posts

pytestmark = pytest.mark.django_db


def test_new_comment_emails_the_author_after_commit(make_post, django_capture_on_commit_callbacks):
    post = make_post()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post.comments.create(author_name="Bob", body="Great post")
    assert mail.outbox == []  # nothing is sent while the transaction is open
    assert len(callbacks) == 1
    callbacks[0]()  # what the commit would do; Celery runs eagerly in tests
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["ada@example.com"]
    assert "Great post" in mail.outbox[0].body


def test_editing_a_comment_does_not_notify(make_post, django_capture_on_commit_callbacks):
    comment = make_post().comments.create(author_name="Bob", body="typo")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        comment.body = "fixed"
        comment.save()
    assert callbacks == [] and mail.outbox == []


def test_rolled_back_comment_sends_nothing(make_post, django_capture_on_commit_callbacks):
    from django.db import transaction

    post = make_post()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with pytest.raises(RuntimeError), transaction.atomic():
            post.comments.create(author_name="Bob", body="never committed")
            raise RuntimeError
    assert callbacks == [] and mail.outbox == []


def test_bulk_create_bypasses_the_signal(make_post, django_capture_on_commit_callbacks):
    post = make_post()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Comment.objects.bulk_create([Comment(post=post, author_name="Bob", body="quiet")])
    assert callbacks == []


def test_renaming_a_post_clears_the_cached_list(make_post, django_capture_on_commit_callbacks):
    post = make_post("first")
    assert [p["slug"] for p in latest_posts()] == ["first"]
    post.title = "Renamed"
    with django_capture_on_commit_callbacks(execute=True):
        post.save(update_fields=["title"])
    assert cache.get(LATEST_POSTS_KEY) is None
    assert latest_posts()[0]["title"] == "Renamed"


def test_saving_unlisted_fields_keeps_the_cache(make_post, django_capture_on_commit_callbacks):
    post = make_post()
    latest_posts()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        post.save(update_fields=["word_count"])
    assert callbacks == []
    assert cache.get(LATEST_POSTS_KEY) is not None


def test_deleting_a_post_clears_the_cached_list(make_post, django_capture_on_commit_callbacks):
    post = make_post("gone")
    assert [p["slug"] for p in latest_posts()] == ["gone"]
    with django_capture_on_commit_callbacks(execute=True):
        post.delete()
    assert latest_posts() == []


def test_dispatch_uid_prevents_double_connection(make_post, django_capture_on_commit_callbacks):
    from django.db.models.signals import post_save

    from .signals import notify_post_author

    # A second import of signals.py under another module name creates new function objects:
    # only the shared dispatch_uid keeps them from being connected a second time.
    def same_receiver_imported_again(**kwargs):
        notify_post_author(**kwargs)

    post_save.connect(same_receiver_imported_again, sender=Comment, dispatch_uid="blog.notify_post_author")
    post = make_post()
    with django_capture_on_commit_callbacks() as callbacks:
        post.comments.create(author_name="Bob", body="once")
    assert len(callbacks) == 1


@pytest.mark.django_db(transaction=True)
def test_real_commit_runs_the_callback(make_post):
    make_post().comments.create(author_name="Bob", body="autocommit")  # commits at once
    assert [m.subject for m in mail.outbox] == ["New comment on Hello"]
