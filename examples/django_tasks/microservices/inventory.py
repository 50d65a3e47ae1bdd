"""Inventory service: owns stock. A plain WSGI app; it shares no database with orders."""

import json
import threading
import time
from dataclasses import dataclass

from .wsgi import Request, json_response


@dataclass
class Faults:
    """Failure injection for tests and game days."""

    fail_next: int = 0  # answer 503 to the next N requests
    delay: float = 0.0  # sleep before answering: makes clients time out
    lose_next_response: int = 0  # do the work, then answer 503, as if the reply got lost


class InventoryService:
    def __init__(self, stock: dict[str, int]):
        self.stock = dict(stock)
        self.responses: dict[str, tuple[int, dict, str]] = {}  # Idempotency-Key -> stored outcome
        self.faults = Faults()
        self.requests_seen = 0
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        request = Request(environ)
        with self._lock:
            self.requests_seen += 1
            failing = self._take_fault("fail_next")
        time.sleep(self.faults.delay)
        if failing:
            return json_response(start_response, 503, {"detail": "injected failure"})
        if request.method == "GET" and request.path.startswith("/stock/"):
            sku = request.path.removeprefix("/stock/")
            if sku not in self.stock:
                return json_response(start_response, 404, {"detail": "unknown sku"})
            return json_response(start_response, 200, {"sku": sku, "available": self.stock[sku]})
        if request.method == "POST" and request.path == "/reservations":
            status, body = self.reserve(request)
            with self._lock:
                lost = self._take_fault("lose_next_response")
            if lost:
                return json_response(start_response, 503, {"detail": "reply lost"})
            return json_response(start_response, status, body)
        return json_response(start_response, 404, {"detail": "not found"})

    def reserve(self, request: Request) -> tuple[int, dict]:
        key = request.headers.get("idempotency-key")
        if not key:
            return 400, {"detail": "Idempotency-Key header required"}
        payload = request.json()
        fingerprint = json.dumps(payload, sort_keys=True)
        with self._lock:  # one reservation at a time: check-and-decrement must be atomic
            if key in self.responses:
                status, body, seen = self.responses[key]
                if seen != fingerprint:
                    return 422, {"detail": "Idempotency-Key reused with a different body"}
                return status, body  # a retry: replay the first answer, reserve nothing
            sku, quantity = payload.get("sku"), payload.get("quantity")
            if not isinstance(sku, str) or not isinstance(quantity, int) or quantity < 1:
                status, body = 400, {"detail": "sku (string) and quantity (positive integer) are required"}
            elif self.stock.get(sku, 0) < quantity:
                status, body = 409, {"detail": "insufficient stock", "sku": sku}
            else:
                self.stock[sku] -= quantity
                status, body = 201, {"reservation": key, "sku": sku, "quantity": quantity}
            self.responses[key] = (status, body, fingerprint)
            return status, body

    def _take_fault(self, name: str) -> bool:
        if getattr(self.faults, name) > 0:
            setattr(self.faults, name, getattr(self.faults, name) - 1)
            return True
        return False
