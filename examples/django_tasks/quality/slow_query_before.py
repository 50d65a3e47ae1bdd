"""The "recent paid orders" report as first written. It returns the right rows, and it gets
slower with every order ever placed: it reads the whole table, filters in Python, and runs
two more queries per matching order."""
from .models import Order


def recent_paid_orders(since, limit=50):
    rows = []
    for order in Order.objects.order_by("-created_at"):  # every order, sorted by the database
        if order.status == Order.Status.PAID and order.created_at >= since:  # filtered in Python
            rows.append(
                {
                    "id": order.pk,
                    "customer": order.customer.name,  # one query per order (N+1)
                    "items": order.items.count(),  # and another one (N+1 again)
                    "total": order.total,
                }
            )
    return rows[:limit]  # the limit comes last, after all that work
