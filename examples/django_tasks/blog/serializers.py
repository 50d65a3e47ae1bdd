"""Writable nested serializers: a post, its tags and its comments in one request."""

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from rest_framework import serializers

from .models import Category, Comment, Post, Tag


class TagSerializer(serializers.ModelSerializer):
    class Meta:
        model = Tag
        fields = ["name", "slug"]
        read_only_fields = ["slug"]
        # Drop the UniqueValidator on name: an existing tag is reused, not an error.
        extra_kwargs = {"name": {"validators": []}}


class CommentSerializer(serializers.ModelSerializer):
    id = serializers.IntegerField(required=False)  # present = update, absent = create

    class Meta:
        model = Comment
        fields = ["id", "author_name", "body", "created_at"]
        read_only_fields = ["created_at"]


class PostSerializer(serializers.ModelSerializer):
    author = serializers.ReadOnlyField(source="author.username")
    category = serializers.SlugRelatedField(
        slug_field="slug", queryset=Category.objects.all(), allow_null=True, required=False
    )
    tags = TagSerializer(many=True, required=False)
    comments = CommentSerializer(many=True, required=False)

    class Meta:
        model = Post
        fields = ["id", "title", "slug", "body", "status", "published_at", "author", "category", "tags", "comments"]

    def validate_comments(self, comments):
        known = set(self.instance.comments.values_list("id", flat=True)) if self.instance else set()
        errors = {
            index: {"id": ["No such comment on this post."]}
            for index, item in enumerate(comments)
            if "id" in item and item["id"] not in known
        }
        if errors:
            raise serializers.ValidationError(errors)  # keyed by item index, like DRF 3.18's own list errors
        return comments

    def validate(self, attrs):
        status = attrs.get("status", getattr(self.instance, "status", Post.Status.DRAFT))
        published_at = attrs.get("published_at", getattr(self.instance, "published_at", None))
        if status == Post.Status.PUBLISHED and published_at is None:
            attrs["published_at"] = timezone.now()  # keeps the CheckConstraint satisfied
        return attrs

    @transaction.atomic
    def create(self, validated_data):
        tags = validated_data.pop("tags", [])
        comments = validated_data.pop("comments", [])
        post = Post.objects.create(**validated_data)
        post.tags.set(self._get_or_create_tags(tags))
        Comment.objects.bulk_create(Comment(post=post, **item) for item in comments)
        return post

    @transaction.atomic
    def update(self, instance, validated_data):
        tags = validated_data.pop("tags", None)  # None = field omitted: leave as is
        comments = validated_data.pop("comments", None)
        for attr, value in validated_data.items():
            setattr(instance, attr, value)
        instance.save()
        if tags is not None:
            instance.tags.set(self._get_or_create_tags(tags))
        if comments is not None:
            self._sync_comments(instance, comments)
        return instance

    @staticmethod
    def _get_or_create_tags(items):
        return [Tag.objects.get_or_create(slug=slugify(i["name"]), defaults={"name": i["name"]})[0] for i in items]

    @staticmethod
    def _sync_comments(post, items):
        """The list is the new truth: update by id, create without id, delete the rest."""
        existing = {c.id: c for c in post.comments.all()}
        keep, changed, new = set(), [], []
        for item in items:
            comment_id = item.pop("id", None)
            if comment_id is None:
                new.append(Comment(post=post, **item))
                continue
            comment = existing[comment_id]
            for attr, value in item.items():
                setattr(comment, attr, value)
            changed.append(comment)
            keep.add(comment_id)
        post.comments.exclude(id__in=keep).delete()
        Comment.objects.bulk_update(changed, ["author_name", "body"])
        Comment.objects.bulk_create(new)
