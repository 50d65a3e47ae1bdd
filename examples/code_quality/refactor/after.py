"""Order pricing split into small, named, pure steps. `process_order` keeps its signature and
returns the same values; countries and coupons are data, not branches."""
from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

ZERO = Decimal("0")
CENT = Decimal("0.01")


@dataclass(frozen=True)
class Line:
    price: Decimal
    qty: int


@dataclass(frozen=True)
class ShippingRule:
    base: Decimal
    express_fee: Decimal
    tax_rate: Decimal
    free_from: Decimal | None = None  # order value from which base shipping is free

    def cost(self, order_value: Decimal, express: bool) -> Decimal:
        is_free = self.free_from is not None and order_value >= self.free_from
        shipping = ZERO if is_free else self.base
        return shipping + self.express_fee if express else shipping


SHIPPING_RULES = {
    "US": ShippingRule(Decimal("7.99"), Decimal("15"), ZERO, free_from=Decimal("50")),
    "DE": ShippingRule(Decimal("12.00"), Decimal("25"), Decimal("0.19")),
    "FR": ShippingRule(Decimal("12.00"), Decimal("25"), Decimal("0.20")),
    "NL": ShippingRule(Decimal("12.00"), Decimal("25"), Decimal("0.21")),
    "GB": ShippingRule(Decimal("9.50"), Decimal("20"), Decimal("0.20"), free_from=Decimal("100")),
}

# A coupon maps (subtotal, item count) to a discount.
Coupon = Callable[[Decimal, int], Decimal]
COUPONS: dict[str, Coupon] = {
    "SAVE10": lambda subtotal, count: subtotal * Decimal("0.10"),
    "FLAT5": lambda subtotal, count: Decimal("5") if subtotal >= 20 else ZERO,
    "BULK": lambda subtotal, count: subtotal * Decimal("0.15") if count >= 10 else ZERO,
}


def process_order(order: Mapping[str, Any]) -> dict[str, Any]:
    lines = parse_lines(order.get("items"))
    subtotal = sum((line.price * line.qty for line in lines), ZERO)
    count = sum(line.qty for line in lines)
    discount = coupon_discount(order.get("coupon"), subtotal, count)
    discounted = subtotal - discount
    rule = shipping_rule(order.get("country", "US"))
    shipping = rule.cost(discounted, express=bool(order.get("express")))
    tax = to_cents((discounted + shipping) * rule.tax_rate)
    return {
        "items": count,
        "subtotal": to_cents(subtotal),
        "discount": to_cents(discount),
        "shipping": shipping,
        "tax": tax,
        "total": to_cents(discounted + shipping + tax),
    }


def parse_lines(items: Sequence[Mapping[str, Any]] | None) -> list[Line]:
    if not items:
        raise ValueError("order has no items")
    return [parse_line(item) for item in items]


def parse_line(item: Mapping[str, Any]) -> Line:
    if item["qty"] <= 0:
        raise ValueError(f"bad quantity for {item['sku']}")
    price = Decimal(item["price"])
    if price < 0:
        raise ValueError(f"bad price for {item['sku']}")
    return Line(price, item["qty"])


def coupon_discount(code: str | None, subtotal: Decimal, count: int) -> Decimal:
    if not code:
        return ZERO
    try:
        coupon = COUPONS[code]
    except KeyError:
        raise ValueError(f"unknown coupon {code}") from None
    return coupon(subtotal, count)


def shipping_rule(country: str) -> ShippingRule:
    try:
        return SHIPPING_RULES[country]
    except KeyError:
        raise ValueError(f"we do not ship to {country}") from None


def to_cents(amount: Decimal) -> Decimal:
    return amount.quantize(CENT, ROUND_HALF_UP)
