"""Order pricing as one 70-line function: validation, coupons, shipping, tax and rounding
all interleaved. Every new country or coupon adds another branch to the same function."""
from decimal import ROUND_HALF_UP, Decimal


def process_order(order):
    if not order.get("items"):
        raise ValueError("order has no items")
    subtotal = Decimal("0")
    count = 0
    for item in order["items"]:
        if item["qty"] <= 0:
            raise ValueError(f"bad quantity for {item['sku']}")
        price = Decimal(item["price"])
        if price < 0:
            raise ValueError(f"bad price for {item['sku']}")
        subtotal += price * item["qty"]
        count += item["qty"]
    discount = Decimal("0")
    coupon = order.get("coupon")
    if coupon:
        if coupon == "SAVE10":
            discount = subtotal * Decimal("0.10")
        elif coupon == "FLAT5":
            if subtotal >= 20:
                discount = Decimal("5")
        elif coupon == "BULK":
            if count >= 10:
                discount = subtotal * Decimal("0.15")
        else:
            raise ValueError(f"unknown coupon {coupon}")
    discounted = subtotal - discount
    country = order.get("country", "US")
    if country == "US":
        if discounted >= 50:
            shipping = Decimal("0")
        else:
            shipping = Decimal("7.99")
        if order.get("express"):
            shipping += Decimal("15")
        tax_rate = Decimal("0")
    elif country in ("DE", "FR", "NL"):
        shipping = Decimal("12.00")
        if order.get("express"):
            shipping += Decimal("25")
        if country == "DE":
            tax_rate = Decimal("0.19")
        elif country == "FR":
            tax_rate = Decimal("0.20")
        else:
            tax_rate = Decimal("0.21")
    elif country == "GB":
        if discounted >= 100:
            shipping = Decimal("0")
        else:
            shipping = Decimal("9.50")
        if order.get("express"):
            shipping += Decimal("20")
        tax_rate = Decimal("0.20")
    else:
        raise ValueError(f"we do not ship to {country}")
    tax = ((discounted + shipping) * tax_rate).quantize(Decimal("0.01"), ROUND_HALF_UP)
    total = (discounted + shipping + tax).quantize(Decimal("0.01"), ROUND_HALF_UP)
    return {
        "items": count,
        "subtotal": subtotal.quantize(Decimal("0.01"), ROUND_HALF_UP),
        "discount": discount.quantize(Decimal("0.01"), ROUND_HALF_UP),
        "shipping": shipping,
        "tax": tax,
        "total": total,
    }
