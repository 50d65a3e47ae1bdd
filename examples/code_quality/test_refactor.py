"""The refactored pricing returns the same values (same Decimal digits) and raises the same
errors as the original for the same order, and no function in it stays complex."""
import ast
import inspect
import textwrap

import pytest
from hypothesis import given
from hypothesis import strategies as st

from refactor import after, before


def outcome(process_order, order):
    """What a caller observes: the receipt as strings (so 7.99 != 7.990), or the error."""
    try:
        receipt = process_order(order)
    except Exception as exc:  # noqa: BLE001 - the error itself is the behaviour under test
        return ("error", type(exc).__name__, str(exc))
    return ("ok", {key: str(value) for key, value in receipt.items()})


def item(price, qty, sku="A"):
    return {"sku": sku, "price": price, "qty": qty}


CASES = [
    {"items": [item("10.00", 2)]},
    {"items": [item("30.00", 2)], "country": "US", "express": True},
    {"items": [item("25.00", 1)], "coupon": "FLAT5", "country": "DE"},
    {"items": [item("2.50", 10)], "coupon": "BULK", "country": "GB"},
    {"items": [item("120.00", 1)], "coupon": "SAVE10", "country": "GB", "express": True},
    {"items": [item("19.99", 3)], "country": "NL"},
    {"items": []},
    {"items": [item("5.00", 0, sku="ZERO")]},
    {"items": [item("-1.00", 1, sku="NEG")]},
    {"items": [item("5.00", 1)], "coupon": "BOGUS"},
    {"items": [item("5.00", 1)], "country": "JP"},
]


@pytest.mark.parametrize("order", CASES)
def test_same_outcome_on_known_orders(order):
    assert outcome(after.process_order, order) == outcome(before.process_order, order)


def test_a_known_receipt():
    assert outcome(after.process_order, CASES[2]) == (
        "ok",
        {"items": "1", "subtotal": "25.00", "discount": "5.00", "shipping": "12.00", "tax": "6.08", "total": "38.08"},
    )


prices = st.one_of(
    st.decimals(min_value=-5, max_value=150, places=2).map(str),
    st.integers(min_value=0, max_value=60).map(str),
)
items = st.fixed_dictionaries(
    {"sku": st.sampled_from(["A", "B", "C"]), "price": prices, "qty": st.integers(min_value=-1, max_value=12)}
)
orders = st.fixed_dictionaries(
    {"items": st.lists(items, max_size=5)},
    optional={
        "coupon": st.sampled_from([None, "", "SAVE10", "FLAT5", "BULK", "BOGUS"]),
        "country": st.sampled_from(["US", "DE", "FR", "NL", "GB", "JP"]),
        "express": st.booleans(),
    },
)


@given(order=orders)
def test_same_outcome_on_generated_orders(order):
    assert outcome(after.process_order, order) == outcome(before.process_order, order)


def cyclomatic_complexity(function) -> int:
    """1 + decision points: a rough McCabe count, enough to compare before and after."""
    branches = (ast.If, ast.IfExp, ast.For, ast.While, ast.ExceptHandler, ast.BoolOp, ast.comprehension)
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    return 1 + sum(isinstance(node, branches) for node in ast.walk(tree))


def test_complexity_drops():
    assert cyclomatic_complexity(before.process_order) > 15
    functions = [obj for _, obj in inspect.getmembers(after, inspect.isfunction) if obj.__module__ == after.__name__]
    functions.append(after.ShippingRule.cost)
    assert len(functions) >= 6
    assert max(cyclomatic_complexity(f) for f in functions) <= 4
