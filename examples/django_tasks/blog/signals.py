"""Model-signal receivers of the blog app, connected in BlogConfig.ready()."""

from functools import partial

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .models import Comment, Post
from .tasks import send_comment_notification
from .views import LATEST_POSTS_KEY

# Fields shown in cached listings; saving only other fields keeps the cache.
LISTED_FIELDS = frozenset({"title", "slug", "status", "published_at"})


@receiver(post_save, sender=Comment, dispatch_uid="blog.notify_post_author")
def notify_post_author(sender, instance, created, raw, **kwargs):
    if raw or not created:  # raw: loaddata fixtures; edits of a comment notify nobody
        return
    # Queue the task only once the comment row is committed: a worker that starts
    # earlier would not find it, and a rollback must not send an email at all.
    transaction.on_commit(partial(send_comment_notification.delay, instance.pk))


@receiver([post_save, post_delete], sender=Post, dispatch_uid="blog.invalidate_latest_posts")
def invalidate_latest_posts(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw:  # post_delete sends neither raw nor update_fields: the defaults cover it
        return
    if update_fields is not None and LISTED_FIELDS.isdisjoint(update_fields):
        return  # e.g. save(update_fields=["word_count"]) changes nothing readers see
    transaction.on_commit(partial(cache.delete, LATEST_POSTS_KEY))
