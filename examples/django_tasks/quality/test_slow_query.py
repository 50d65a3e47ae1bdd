"""The optimised report returns the same rows as the original with one query instead of
1 + 2 per order, and its plan uses the index from migration 0002."""
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import pytest
from django.db import connection

from quality import slow_query_after, slow_query_before
from quality.models import Customer, Order, OrderItem

pytestmark = pytest.mark.django_db
SINCE = datetime(2025, 6, 1, tzinfo=timezone.utc)
INDEX = "order_status_created_idx"


def make_orders(paid_recent, other=4):
    """`paid_recent` orders the report must return, plus old and unpaid ones it must skip."""
    customers = [Customer.objects.create(name=f"Customer {i}", email=f"c{i}@example.com") for i in range(3)]
    statuses = [Order.Status.PAID] * paid_recent + [Order.Status.PENDING, Order.Status.SHIPPED] * (other // 2)
    for i, status in enumerate(statuses):
        order = Order.objects.create(
            customer=customers[i % 3], status=status, created_at=SINCE + timedelta(hours=i), total=Decimal(10 + i)
        )
        OrderItem.objects.bulk_create(OrderItem(order=order, sku=f"SKU{j}", quantity=1) for j in range(i % 4))
    old = Order.objects.create(customer=customers[0], status=Order.Status.PAID, created_at=SINCE - timedelta(days=1), total=1)
    OrderItem.objects.create(order=old, sku="OLD", quantity=1)


@pytest.mark.parametrize("paid_recent", [0, 3, 12])
def test_same_rows(paid_recent):
    make_orders(paid_recent)
    expected = slow_query_before.recent_paid_orders(SINCE)
    assert len(expected) == paid_recent
    assert slow_query_after.recent_paid_orders(SINCE) == expected
    assert slow_query_after.recent_paid_orders(SINCE, limit=2) == expected[:2]


@pytest.mark.parametrize("paid_recent", [3, 12])
def test_before_runs_one_plus_two_queries_per_order(paid_recent, django_assert_num_queries):
    make_orders(paid_recent)
    with django_assert_num_queries(1 + 2 * paid_recent):  # limit=2 does not help: it slices last
        slow_query_before.recent_paid_orders(SINCE, limit=2)


@pytest.mark.parametrize("paid_recent", [3, 12])
def test_after_runs_one_query_whatever_the_size(paid_recent, django_assert_num_queries):
    make_orders(paid_recent)
    with django_assert_num_queries(1):
        slow_query_after.recent_paid_orders(SINCE)


def query_plan(queryset):
    """EXPLAIN output. PostgreSQL prefers a sequential scan on a tiny test table whatever the
    indexes, so seq scans are switched off to ask the real question: can an index serve this?"""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL enable_seqscan = off")  # undone when the test's transaction ends
    return queryset.explain()


def test_before_plan_scans_the_whole_table_and_sorts_it():
    plan = query_plan(Order.objects.order_by("-created_at"))
    assert INDEX not in plan
    if connection.vendor == "sqlite":
        assert "SCAN quality_order" in plan and "USE TEMP B-TREE FOR ORDER BY" in plan
    else:
        assert "Seq Scan on quality_order" in plan and "Sort" in plan


def test_after_plan_reads_the_index_in_order():
    plan = query_plan(slow_query_after.recent_paid_queryset(SINCE)[:50])
    if connection.vendor == "sqlite":
        assert f"SEARCH quality_order USING INDEX {INDEX} (status=? AND created_at>?)" in plan
        assert "TEMP B-TREE" not in plan
    else:
        assert f"Index Scan Backward using {INDEX} on quality_order" in plan
        assert "Sort" not in plan


def test_without_the_index_the_same_query_scans():
    with connection.cursor() as cursor:  # the schema before migration 0002, rolled back after the test
        cursor.execute(f"DROP INDEX {connection.ops.quote_name(INDEX)}")
    # LIMIT 49: SQLite's statement cache would hand back the plan prepared before the DROP for
    # the exact SQL text of the previous test.
    plan = query_plan(slow_query_after.recent_paid_queryset(SINCE)[:49])
    assert INDEX not in plan
    if connection.vendor == "sqlite":
        assert "SCAN quality_order" in plan and "USE TEMP B-TREE FOR ORDER BY" in plan
    else:
        assert "Filter" in plan and "Sort" in plan  # rows checked one by one, then sorted
