"""Orders service: owns orders, asks inventory to reserve stock over HTTP."""

import threading
import uuid

from .resilience import ServiceClient, ServiceUnavailable
from .wsgi import Request, json_response


class InventoryClient:
    """The only code in orders that knows inventory's URLs and payloads."""

    def __init__(self, client: ServiceClient):
        self.client = client

    def reserve(self, sku: str, quantity: int, *, idempotency_key: str) -> bool:
        """True when reserved, False when out of stock; ServiceUnavailable when inventory is down."""
        response = self.client.request(
            "POST", "/reservations", json={"sku": sku, "quantity": quantity}, idempotency_key=idempotency_key
        )
        if response.status_code == 201:
            return True
        if response.status_code == 409:
            return False
        raise ServiceUnavailable(f"unexpected answer {response.status_code} from inventory")


class OrdersService:
    def __init__(self, inventory: InventoryClient):
        self.inventory = inventory
        self.orders: dict[str, dict] = {}
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        request = Request(environ)
        if request.method == "POST" and request.path == "/orders":
            status, body = self.place_order(request.json())
            return json_response(start_response, status, body)
        if request.method == "GET" and request.path.startswith("/orders/"):
            order = self.orders.get(request.path.removeprefix("/orders/"))
            return json_response(start_response, 200, order) if order else json_response(start_response, 404, {})
        return json_response(start_response, 404, {"detail": "not found"})

    def place_order(self, data: dict) -> tuple[int, dict]:
        sku, quantity = data.get("sku"), data.get("quantity")
        if not isinstance(sku, str) or not isinstance(quantity, int) or quantity < 1:
            return 400, {"detail": "sku (string) and quantity (positive integer) are required"}
        order = {"id": str(uuid.uuid4()), "sku": sku, "quantity": quantity, "status": "pending"}
        with self._lock:
            self.orders[order["id"]] = order
        self._reserve(order)
        return {"confirmed": 201, "rejected": 409, "pending": 202}[order["status"]], order

    def _reserve(self, order: dict) -> None:
        try:
            # One key per order: every retry of this reservation, now or later, is the same request.
            reserved = self.inventory.reserve(order["sku"], order["quantity"], idempotency_key=f"order-{order['id']}")
        except ServiceUnavailable:
            return  # a timeout does not mean "not reserved": stay pending, never guess
        order["status"] = "confirmed" if reserved else "rejected"

    def retry_pending(self) -> int:
        """Run by a scheduler (Celery beat, cron). Reuses each order's key, so no double reservation."""
        pending = [order for order in list(self.orders.values()) if order["status"] == "pending"]
        for order in pending:
            self._reserve(order)
        return len(pending)
