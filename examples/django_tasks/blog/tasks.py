"""Side effects of blog events, run by a Celery worker."""

from celery import shared_task
from django.core.mail import send_mail

from .models import Comment


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True, max_retries=5)
def send_comment_notification(comment_id):
    comment = Comment.objects.select_related("post__author").filter(pk=comment_id).first()
    if comment is None or not comment.post.author.email:
        return "skipped"  # deleted before the worker ran, or nobody to tell
    send_mail(
        subject=f"New comment on {comment.post.title}",
        message=f"{comment.author_name} wrote:\n\n{comment.body}",
        from_email=None,  # DEFAULT_FROM_EMAIL
        recipient_list=[comment.post.author.email],
    )
    return "sent"
