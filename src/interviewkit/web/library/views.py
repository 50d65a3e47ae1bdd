"""Pages of the answer bank: parse the request, call a selector, render a template."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from interviewkit.search import question_search

from . import selectors
from .models import Category, Question

SEARCH_LIMIT = 30


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "library/home.html",
        {
            "categories": selectors.category_list(),
            "levels": selectors.level_counts(),
            "kinds": selectors.kind_counts(),
            "state": selectors.sync_state(),
        },
    )


def _filters(request: HttpRequest, *, category: str = "") -> selectors.QuestionFilters:
    def allowed(name: str, choices) -> str:
        value = request.GET.get(name, "")
        return value if value in {c for c, _ in choices} else ""

    return selectors.QuestionFilters(
        category=category or request.GET.get("category", ""),
        level=allowed("level", Question.Level.choices),
        kind=allowed("kind", Question.Kind.choices),
        tag=request.GET.get("tag", "")[:80],
    )


def question_list(request: HttpRequest, category_id: str = "") -> HttpResponse:
    category = get_object_or_404(Category, id=category_id) if category_id else None
    filters = _filters(request, category=category_id)
    page = Paginator(selectors.question_list(filters=filters), settings.QUESTIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "category": category,
        "categories": selectors.category_list(),
        "filters": filters,
        "page": page,
        "query_string": query.urlencode(),
        "levels": Question.Level.choices,
        "kinds": Question.Kind.choices,
    }
    template = "library/_question_rows.html" if request.headers.get("HX-Request") else "library/question_list.html"
    return render(request, template, context)


def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:200]
    hits = question_search(query=query, limit=SEARCH_LIMIT) if query else []
    context = {"query": query, "hits": hits}
    # htmx asks for the results only, as the user types
    template = "library/_search_results.html" if request.headers.get("HX-Request") else "library/search.html"
    return render(request, template, context)


def question_detail(request: HttpRequest, question_id: str) -> HttpResponse:
    question = selectors.question_get(question_id=question_id)
    if question is None:
        raise Http404("No answer with this id")
    previous, following = selectors.question_neighbours(question=question)
    return render(
        request,
        "library/question_detail.html",
        {
            "question": question,
            "previous": previous,
            "next": following,
            "related": selectors.question_related(question=question),
        },
    )
