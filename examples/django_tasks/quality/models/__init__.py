"""Models of the code-quality examples, one module per answer."""
from .documents import Document
from .orders import Customer, Order, OrderItem
from .tickets import Ticket

__all__ = ["Customer", "Document", "Order", "OrderItem", "Ticket"]
