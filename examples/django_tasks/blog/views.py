"""A server-rendered post page and the REST API for posts."""

from django.core.cache import cache
from django.shortcuts import get_object_or_404, render
from rest_framework import permissions, viewsets
from rest_framework.pagination import PageNumberPagination

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


class IsAuthorOrReadOnly(permissions.BasePermission):
    """Anyone may read what they can see; only its author may change or delete a post."""

    def has_object_permission(self, request, view, obj):
        return request.method in permissions.SAFE_METHODS or obj.author_id == request.user.pk


class PostPagination(PageNumberPagination):
    page_size = 20  # a list without a page size returns the whole table, comments included
    max_page_size = 100
    page_size_query_param = "page_size"


class PostViewSet(viewsets.ModelViewSet):
    serializer_class = PostSerializer
    permission_classes = [permissions.IsAuthenticatedOrReadOnly, IsAuthorOrReadOnly]
    pagination_class = PostPagination

    def get_queryset(self):
        # Readers see published posts; an author also sees their own drafts. Other people's
        # drafts answer 404 on every method, so the API does not even confirm they exist.
        visible = Post.objects.published()
        if self.request.user.is_authenticated:
            visible |= Post.objects.filter(author=self.request.user)
        # Four queries for any page size: COUNT, posts+author+category, tags, comments.
        return visible.select_related("author", "category").prefetch_related("tags", "comments")

    def perform_create(self, serializer):
        serializer.save(author=self.request.user)
