"""Both services on real sockets (ephemeral ports, background threads); orders calls inventory over HTTP."""

import httpx
import pytest

from .inventory import InventoryService
from .orders import InventoryClient, OrdersService
from .resilience import CircuitBreaker, CircuitOpen, ServiceClient, ServiceUnavailable
from .wsgi import serve


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture
def system():
    inventory = InventoryService({"book": 5})
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=3, reset_timeout=30, clock=clock)
    with serve(inventory) as inventory_url:
        client = ServiceClient(inventory_url, timeout=httpx.Timeout(0.5, connect=0.5), attempts=3,
                               backoff_base=0.01, breaker=breaker)
        orders = OrdersService(InventoryClient(client))
        with serve(orders) as orders_url, httpx.Client(base_url=orders_url) as http:
            yield http, inventory, breaker, clock, orders
        client.close()


def order(http, quantity=1):
    return http.post("/orders", json={"sku": "book", "quantity": quantity})


def test_order_reserves_stock_in_the_other_service(system):
    http, inventory, breaker, *_ = system
    response = order(http, 2)
    assert response.status_code == 201 and response.json()["status"] == "confirmed"
    assert inventory.stock["book"] == 3
    assert http.get(f"/orders/{response.json()['id']}").json()["status"] == "confirmed"
    assert breaker.state == "closed"


def test_out_of_stock_is_an_answer_not_a_failure(system):
    http, inventory, breaker, *_ = system
    response = order(http, 6)
    assert response.status_code == 409 and response.json()["status"] == "rejected"
    assert inventory.requests_seen == 1  # a 409 is never retried
    assert breaker.failures == 0


def test_transient_503s_are_retried(system):
    http, inventory, *_ = system
    inventory.faults.fail_next = 2
    assert order(http).status_code == 201
    assert inventory.requests_seen == 3 and inventory.stock["book"] == 4


def test_lost_reply_retry_does_not_reserve_twice(system):
    http, inventory, *_ = system
    inventory.faults.lose_next_response = 1  # inventory reserves, then the reply is "lost"
    assert order(http).status_code == 201
    assert inventory.requests_seen == 2
    assert inventory.stock["book"] == 4  # the Idempotency-Key replayed the first outcome


def test_timeout_leaves_the_order_pending_until_a_retry_settles_it(system):
    http, inventory, breaker, clock, orders = system
    inventory.faults.delay = 1.0  # longer than the 0.5 s read timeout
    response = order(http)
    assert response.status_code == 202 and response.json()["status"] == "pending"
    assert breaker.state == "open"

    inventory.faults.delay = 0
    clock.now += 30
    assert orders.retry_pending() == 1
    assert http.get(f"/orders/{response.json()['id']}").json()["status"] == "confirmed"
    assert inventory.stock["book"] == 4  # three timed-out attempts and a retry: one reservation


def test_circuit_opens_then_lets_one_trial_through(system):
    http, inventory, breaker, clock, _ = system
    inventory.faults.fail_next = 100  # inventory is down
    assert order(http).status_code == 202  # accepted, pending
    assert inventory.requests_seen == 3 and breaker.state == "open"

    assert order(http).status_code == 202  # fails fast: no request reaches inventory
    assert inventory.requests_seen == 3

    inventory.faults.fail_next = 0  # inventory recovers
    clock.now += 30
    assert breaker.state == "half-open"
    assert order(http).status_code == 201
    assert breaker.state == "closed" and inventory.requests_seen == 4


def test_half_open_failure_reopens_the_circuit():
    clock = FakeClock()
    breaker = CircuitBreaker(failure_threshold=1, reset_timeout=10, clock=clock)
    breaker.before_call()
    breaker.record_failure()
    clock.now += 10
    breaker.before_call()  # the trial call
    with pytest.raises(CircuitOpen):
        breaker.before_call()  # a second caller while the trial runs
    breaker.record_failure()
    assert breaker.state == "open"


def test_post_without_idempotency_key_is_not_retried():
    inventory = InventoryService({"book": 5})
    inventory.faults.fail_next = 1
    with serve(inventory) as url:
        client = ServiceClient(url, attempts=3, backoff_base=0.01)
        with pytest.raises(ServiceUnavailable):
            client.request("POST", "/anything", json={})
        client.close()
    assert inventory.requests_seen == 1


def test_malformed_reservation_is_a_400_and_reserves_nothing():
    inventory = InventoryService({"book": 5})
    with serve(inventory) as url:
        client = ServiceClient(url, attempts=1)
        response = client.request("POST", "/reservations", json={"sku": "book", "quantity": "two"}, idempotency_key="k-1")
        client.close()
    assert response.status_code == 400 and inventory.stock["book"] == 5
