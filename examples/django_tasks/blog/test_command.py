from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .models import Post

pytestmark = pytest.mark.django_db


@pytest.fixture
def legacy_posts(author):
    # bulk_create skips save(), like rows written before word_count existed.
    Post.objects.bulk_create(
        Post(author=author, title=f"p{i}", slug=f"p{i}", body="word " * i, word_count=None) for i in range(1, 8)
    )


def run(*args):
    out = StringIO()
    call_command("backfill_word_counts", *args, stdout=out)
    return out.getvalue()


def test_backfills_in_batches(legacy_posts):
    output = run("--batch-size", "3")
    assert "7 posts to backfill" in output
    assert "3/7" in output and "6/7" in output and "7/7" in output
    assert "Updated 7 posts" in output
    assert dict(Post.objects.values_list("slug", "word_count")) == {f"p{i}": i for i in range(1, 8)}


def test_dry_run_writes_nothing(legacy_posts):
    output = run("--dry-run", "--batch-size", "5")
    assert "Would update 7 posts" in output
    assert Post.objects.filter(word_count__isnull=True).count() == 7


def test_second_run_is_a_no_op(legacy_posts):
    run()
    assert "Updated 0 posts" in run()


def test_rows_already_filled_are_not_touched(legacy_posts):
    Post.objects.filter(slug="p1").update(word_count=999)
    run()
    assert Post.objects.get(slug="p1").word_count == 999


def test_one_select_and_one_update_per_batch(legacy_posts):
    with CaptureQueriesContext(connection) as queries:
        run("--batch-size", "3")
    statements = [q["sql"].split()[0] for q in queries.captured_queries if "blog_post" in q["sql"]]
    # COUNT, then three batches (7 rows), then the empty SELECT that ends the loop.
    assert statements == ["SELECT"] + ["SELECT", "UPDATE"] * 3 + ["SELECT"]


def test_rejects_a_zero_batch_size():
    with pytest.raises(CommandError):
        run("--batch-size", "0")
