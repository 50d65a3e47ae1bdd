"""Tests for collaborative_filtering.ItemItemRecommender."""
from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from collaborative_filtering import ItemItemRecommender

RATINGS = {
    "ana": {"django": 5, "drf": 4, "celery": 1},
    "ben": {"django": 4, "drf": 5},
    "cho": {"react": 5, "vite": 4, "django": 1},
    "dev": {"react": 4, "vite": 5},
    "eli": {"celery": 5, "redis": 4, "django": 2},
}


def test_cosine_similarity_by_hand() -> None:
    model = ItemItemRecommender().fit(RATINGS)
    # django column: ana 5, ben 4, cho 1, eli 2 ; drf column: ana 4, ben 5
    expected = (5 * 4 + 4 * 5) / (math.sqrt(25 + 16 + 1 + 4) * math.sqrt(16 + 25))
    assert dict(model.similar_items("django"))["drf"] == pytest.approx(expected)
    top_item, top_similarity = model.similar_items("drf")[0]
    assert top_item == "django" and top_similarity == pytest.approx(expected)


def test_recommends_what_similar_users_liked_and_hides_seen_items() -> None:
    model = ItemItemRecommender().fit(RATINGS)
    recs = model.recommend({"react": 5}, n=2)
    assert recs[0][0] == "vite"
    assert all(item != "react" for item, _ in recs)
    assert [item for item, _ in model.recommend_for_user("ben", n=3)][:1] == ["celery"]


def test_cold_start_user_gets_popular_items() -> None:
    model = ItemItemRecommender().fit(RATINGS)
    assert model.recommend_for_user("new-user", n=2) == [("django", 0.0), ("celery", 0.0)]
    assert model.recommend({"never-rated-item": 5}, n=1) == [("django", 0.0)]


def test_short_lists_are_topped_up_without_duplicates() -> None:
    model = ItemItemRecommender().fit(RATINGS)
    recs = model.recommend({"redis": 5}, n=5)
    items = [item for item, _ in recs]
    assert len(items) == len(set(items)) == 5
    assert "redis" not in items
    assert recs[0][1] > 0 and recs[-1][1] == 0.0  # similarity first, popularity after


def test_min_overlap_and_neighbour_cap() -> None:
    model = ItemItemRecommender(neighbours=1, min_overlap=2).fit(RATINGS)
    assert [item for item, _ in model.similar_items("django")] == ["drf"]  # ana and ben co-rate
    assert [item for item, _ in model.similar_items("celery")] == ["django"]  # ana and eli
    assert model.similar_items("redis") == []  # only eli rated it with anything


ratings_strategy = st.dictionaries(
    st.sampled_from([f"u{i}" for i in range(8)]),
    st.dictionaries(st.sampled_from(list("abcdefg")), st.floats(0.5, 5), min_size=1, max_size=5),
    max_size=8,
)


@given(ratings_strategy)
def test_similarity_is_symmetric_and_bounded(ratings: dict[str, dict[str, float]]) -> None:
    model = ItemItemRecommender(neighbours=10).fit(ratings)
    for item, neighbours in model.similar.items():
        for other, similarity in neighbours:
            assert 0 < similarity <= 1 + 1e-9
            assert dict(model.similar[other])[item] == pytest.approx(similarity)
