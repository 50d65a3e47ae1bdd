"""Validate one CSV row without touching the database."""

from datetime import date

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

REQUIRED_COLUMNS = {"email", "name", "country", "signed_up"}


def clean_row(row: dict) -> tuple[dict | None, dict]:
    """Return (clean data, {}) or (None, {field: message})."""
    errors, data = {}, {}
    if None in row:  # csv.DictReader puts extra cells under the key None
        errors["row"] = "too many columns"
    email = (row.get("email") or "").strip().lower()
    try:
        validate_email(email)
        data["email"] = email
    except ValidationError:
        errors["email"] = "invalid email"
    name = (row.get("name") or "").strip()
    if name and len(name) <= 200:
        data["name"] = name
    else:
        errors["name"] = "required, at most 200 characters"
    country = (row.get("country") or "").strip().upper()
    if len(country) == 2 and country.isalpha():
        data["country"] = country
    else:
        errors["country"] = "two-letter ISO code"
    try:
        data["signed_up"] = date.fromisoformat((row.get("signed_up") or "").strip())
    except ValueError:
        errors["signed_up"] = "date as YYYY-MM-DD"
    return (None, errors) if errors else (data, {})
