"""Backfill Post.word_count for rows written before the column existed.

    python manage.py backfill_word_counts --batch-size 2000 --dry-run
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from blog.models import Post


class Command(BaseCommand):
    help = "Fill Post.word_count where it is NULL, in batches. Safe to stop and re-run."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=1000)
        parser.add_argument("--dry-run", action="store_true", help="Compute and report, write nothing.")

    def handle(self, *args, batch_size, dry_run, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1")
        pending = Post.objects.filter(word_count__isnull=True)
        total = pending.count()
        self.stdout.write(f"{total} posts to backfill{' (dry run)' if dry_run else ''}")

        done, last_pk = 0, 0
        while True:
            # One short transaction per batch: locks are held for one batch only,
            # and a crash loses at most the batch in flight.
            with transaction.atomic():
                rows = pending.filter(pk__gt=last_pk).order_by("pk").only("pk", "body")  # keyset, no OFFSET
                if not dry_run:
                    rows = rows.select_for_update()  # a concurrent edit waits instead of being overwritten
                batch = list(rows[:batch_size])
                if not batch:
                    break
                for post in batch:
                    post.word_count = len(post.body.split())
                if not dry_run:
                    Post.objects.bulk_update(batch, ["word_count"])
            done += len(batch)
            last_pk = batch[-1].pk
            self.stdout.write(f"  {done}/{total} (last id {last_pk})")

        verb = "Would update" if dry_run else "Updated"
        self.stdout.write(self.style.SUCCESS(f"{verb} {done} posts"))
