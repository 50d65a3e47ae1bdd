"""Orders for the slow-query example (optimize-slow-query)."""
from django.db import models


class Customer(models.Model):
    name = models.CharField(max_length=100)
    email = models.EmailField(unique=True)


class Order(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending"
        PAID = "paid"
        SHIPPED = "shipped"

    customer = models.ForeignKey(Customer, on_delete=models.CASCADE, related_name="orders")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField()
    total = models.DecimalField(max_digits=10, decimal_places=2)

    class Meta:
        indexes = [
            # The fix, shipped as migration 0002: equality column first, range/sort column second.
            # Serves WHERE status = %s AND created_at >= %s ORDER BY created_at DESC LIMIT n.
            models.Index(fields=["status", "created_at"], name="order_status_created_idx"),
        ]


class OrderItem(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="items")
    sku = models.CharField(max_length=32)
    quantity = models.PositiveIntegerField()
