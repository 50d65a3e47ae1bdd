"""Tests for url_shortener: base62, idempotency, forced collisions, alias squatting."""
from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from url_shortener import (
    AliasTakenError,
    CodeSpaceExhaustedError,
    CounterShortener,
    HashShortener,
    InMemoryStore,
    decode_base62,
    encode_base62,
)


@given(st.integers(min_value=0, max_value=62**12 - 1))
def test_base62_round_trip(number: int) -> None:
    assert decode_base62(encode_base62(number)) == number
    assert len(encode_base62(number, width=12)) == 12


def test_base62_rejects_bad_input() -> None:
    with pytest.raises(ValueError):
        encode_base62(-1)
    with pytest.raises(ValueError):
        decode_base62("ab-c")


def test_hash_shortener_is_idempotent_and_resolves() -> None:
    shortener = HashShortener(InMemoryStore())
    code = shortener.shorten("https://example.com/a")
    assert len(code) == 7
    assert shortener.shorten("https://example.com/a") == code
    assert shortener.resolve(code) == "https://example.com/a"
    assert shortener.resolve("zzzzzzz") is None


def test_collision_is_detected_and_retried() -> None:
    def first_attempt_always_collides(data: bytes) -> bytes:
        attempt, _, _ = data.partition(b":")
        return hashlib.sha256(data if attempt != b"0" else b"same").digest()

    store = InMemoryStore()
    shortener = HashShortener(store, digest=first_attempt_always_collides)
    first = shortener.shorten("https://example.com/one")
    second = shortener.shorten("https://example.com/two")
    assert first != second
    assert shortener.collisions == 1
    assert shortener.resolve(first) == "https://example.com/one"
    assert shortener.resolve(second) == "https://example.com/two"
    assert shortener.shorten("https://example.com/two") == second  # found again on retry


def test_tiny_code_space_never_maps_two_urls_to_one_code() -> None:
    store = InMemoryStore()
    shortener = HashShortener(store, length=1, max_attempts=200)
    codes = {shortener.shorten(f"https://example.com/{i}") for i in range(40)}
    assert len(codes) == 40
    assert all(shortener.resolve(c) is not None for c in codes)


def test_exhausted_space_raises() -> None:
    shortener = HashShortener(InMemoryStore(), length=1, max_attempts=3)
    with pytest.raises(CodeSpaceExhaustedError):
        for i in range(100):
            shortener.shorten(f"https://example.com/{i}")


def test_counter_codes_are_unique_and_not_sequential() -> None:
    shortener = CounterShortener(InMemoryStore(), length=3)
    codes = [shortener.code_for(n) for n in range(62**3)]
    assert len(set(codes)) == 62**3  # a bijection on the whole 3-character space
    assert codes[1] != encode_base62(1, 3)


def test_counter_skips_codes_squatted_by_aliases() -> None:
    store = InMemoryStore()
    shortener = CounterShortener(store)
    squatted = shortener.code_for(1)
    assert shortener.create_alias(squatted, "https://example.com/vanity") == squatted
    code = shortener.shorten("https://example.com/generated")
    assert code == shortener.code_for(2)
    assert shortener.resolve(squatted) == "https://example.com/vanity"


def test_alias_rules() -> None:
    shortener = CounterShortener(InMemoryStore())
    assert shortener.create_alias("promo", "https://example.com/x") == "promo"
    assert shortener.create_alias("promo", "https://example.com/x") == "promo"
    with pytest.raises(AliasTakenError):
        shortener.create_alias("promo", "https://example.com/y")
    with pytest.raises(ValueError):
        shortener.create_alias("no/slash", "https://example.com/z")


def test_counter_overflow_raises() -> None:
    shortener = CounterShortener(InMemoryStore(), next_id=lambda: 62**2, length=2)
    with pytest.raises(CodeSpaceExhaustedError):
        shortener.shorten("https://example.com/")
