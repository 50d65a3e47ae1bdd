"""A server-rendered post page and the REST API for posts."""

from django.core.cache import cache
from django.shortcuts import get_object_or_404, render
from rest_framework import permissions, viewsets

from .models import Post
from .serializers import PostSerializer

LATEST_POSTS_KEY = "blog:latest-posts"


def latest_posts():
    """The sidebar list, cached until a post changes (see signals.py)."""
    return cache.get_or_set(
        LATEST_POSTS_KEY, lambda: list(Post.objects.published().values("title", "slug")[:5]), timeout=300
    )


def post_detail(request, slug):
    post = get_object_or_404(Post.objects.published().for_listing(), slug=slug)
    return render(request, "blog/post_detail.html", {"post": post, "latest": latest_posts()})


class PostViewSet(viewsets.ModelViewSet):
    serializer_class = PostSerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly]
    # Three queries for any page size: posts+author+category, tags, comments.
    queryset = Post.objects.select_related("author", "category").prefetch_related("tags", "comments")

    def perform_create(self, serializer):
        serializer.save(author=self.request.user)
