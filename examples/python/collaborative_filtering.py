"""Item-item collaborative filtering: cosine similarity, top-N recommendations, cold start."""
from __future__ import annotations

import heapq
import math
from collections import Counter, defaultdict
from collections.abc import Mapping

# user -> item -> rating; use 1.0 for implicit feedback (view, purchase, like)
Ratings = Mapping[str, Mapping[str, float]]


class ItemItemRecommender:
    """Recommends items similar to the ones a user already rated.

    ``fit`` builds, for every item, its ``neighbours`` most similar items by
    cosine similarity of their rating columns:
    sim(i, j) = sum_u r_ui * r_uj / (||r_i|| * ||r_j||). Only pairs of items
    rated by the same user are visited, so the cost is O(sum over users of
    d_u^2) for d_u items per user, not O(items^2 * users).

    ``recommend`` scores each unseen item j by sum_i sim(i, j) * r_ui over the
    user's items i, then keeps the top n with a heap: O(d * k + c log n) for d
    rated items, k neighbours each and c candidates. Users with no usable
    history get the most popular items instead (cold start).
    """

    def __init__(self, neighbours: int = 50, min_overlap: int = 1) -> None:
        self.neighbours = neighbours
        self.min_overlap = min_overlap
        self.similar: dict[str, list[tuple[str, float]]] = {}
        self.popularity: Counter[str] = Counter()
        self.history: dict[str, dict[str, float]] = {}

    def fit(self, ratings: Ratings) -> ItemItemRecommender:
        """Compute item norms, co-rating dot products and the neighbour lists."""
        norms: dict[str, float] = defaultdict(float)
        dots: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        overlap: Counter[tuple[str, str]] = Counter()
        self.history = {user: dict(items) for user, items in ratings.items()}
        self.popularity = Counter()
        for items in ratings.values():
            rated = sorted(items.items())
            for index, (item_i, r_i) in enumerate(rated):
                norms[item_i] += r_i * r_i
                self.popularity[item_i] += 1
                for item_j, r_j in rated[index + 1 :]:
                    dots[item_i][item_j] += r_i * r_j
                    dots[item_j][item_i] += r_i * r_j
                    overlap[item_i, item_j] += 1
        self.similar = {}
        for item_i, row in dots.items():
            scored = []
            for item_j, dot in row.items():
                pair = (item_i, item_j) if item_i < item_j else (item_j, item_i)
                denominator = math.sqrt(norms[item_i] * norms[item_j])
                if overlap[pair] >= self.min_overlap and denominator > 0:
                    scored.append((item_j, dot / denominator))
            self.similar[item_i] = heapq.nsmallest(
                self.neighbours, scored, key=lambda s: (-s[1], s[0])
            )
        return self

    def similar_items(self, item: str, n: int = 10) -> list[tuple[str, float]]:
        """The ``n`` items most similar to ``item``; [] for a never-rated (cold) item."""
        return self.similar.get(item, [])[:n]

    def recommend(self, history: Mapping[str, float], n: int = 10) -> list[tuple[str, float]]:
        """Top ``n`` (item, score) for a rating history, topped up with popular items."""
        scores: dict[str, float] = defaultdict(float)
        for item_i, rating in history.items():
            for item_j, similarity in self.similar.get(item_i, []):
                if item_j not in history:
                    scores[item_j] += similarity * rating
        ranked = heapq.nsmallest(n, scores.items(), key=lambda s: (-s[1], s[0]))
        if len(ranked) < n:
            taken = set(history) | {item for item, _ in ranked}
            ranked += self.popular(n - len(ranked), exclude=taken)
        return ranked

    def recommend_for_user(self, user: str, n: int = 10) -> list[tuple[str, float]]:
        """Recommendations for a user seen in ``fit``; an unknown user gets popular items."""
        return self.recommend(self.history.get(user, {}), n)

    def popular(self, n: int, exclude: set[str] | None = None) -> list[tuple[str, float]]:
        """Most-rated items as a cold-start fallback, scored 0 so callers can tell them apart."""
        exclude = exclude or set()
        candidates = (item for item in self.popularity if item not in exclude)
        ranked = sorted(candidates, key=lambda i: (-self.popularity[i], i))
        return [(item, 0.0) for item in ranked[:n]]
