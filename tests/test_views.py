"""The reader's pages through the Django test client."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_home_lists_categories_counts_and_coverage(client, synced):
    page = client.get("/").content.decode()
    assert "Django &amp; DRF" in page and "3 answers" in page
    assert "<strong>4</strong> of 601 questions of the guide answered" in page
    assert 'href="/questions/?level=mid"' in page


def test_question_list_filters_and_paginates(client, synced, settings):
    page = client.get("/questions/", {"level": "mid", "kind": "concept"}).content.decode()
    assert "4 questions" in page
    assert client.get("/questions/", {"tag": "hooks"}).content.decode().count('<a href="/q/') == 1
    assert "No question matches" in client.get("/questions/", {"tag": "nope"}).content.decode()
    settings.QUESTIONS_PER_PAGE = 3
    first = client.get("/questions/").content.decode()
    assert "Page 1 of 2" in first and first.count('<a href="/q/') == 3
    assert client.get("/questions/", {"page": 2}).content.decode().count('<a href="/q/') == 1


def test_unknown_filter_values_are_ignored(client, synced):
    assert "4 questions" in client.get("/questions/", {"level": "guru"}).content.decode()


def test_category_page(client, synced):
    page = client.get(reverse("category", args=["react"])).content.decode()
    assert "1 question" in page and "react-hooks" in page
    assert client.get(reverse("category", args=["cooking"])).status_code == 404


def test_htmx_requests_get_the_fragment_only(client, synced):
    fragment = client.get("/search/", {"q": "prefetch"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in fragment
    assert fragment.index("select-related-vs-prefetch-related") < fragment.index("django-q-objects")
    rows = client.get("/questions/", {"kind": "concept"}, headers={"HX-Request": "true"}).content.decode()
    assert "<html" not in rows and "4 questions" in rows


def test_search_page_ranks_and_highlights(client, synced):
    page = client.get("/search/", {"q": "prefetch"}).content.decode()
    assert "<html" in page and "<mark>" in page
    assert "No answer matches" in client.get("/search/", {"q": "kubernetes"}).content.decode()


def test_answer_page(client, synced):
    page = client.get("/q/django-select-related-vs-prefetch-related/").content.decode()
    assert '<h2 id="short-answer">' in page and 'href="#pitfalls"' in page  # anchors and table of contents
    assert 'rel="prev"' not in page and 'rel="next" href="/q/django-q-objects/"' in page
    assert "docs.djangoproject.com" in page  # references
    assert "mermaid" not in page  # the diagram script only loads where there is a diagram


def test_answer_page_highlights_code_and_loads_mermaid_only_with_a_diagram(client, db, bank_settings, write_answer):
    from interviewkit.web.library.services import bank_sync

    write_answer(example="```python\nfrom django.db.models import Q\n```\n\n```mermaid\nflowchart LR\n  A --> B\n```")
    bank_sync()
    page = client.get("/q/django-q-objects/").content.decode()
    assert '<pre class="highlight"><code class="language-python"><span class="kn">from</span>' in page
    assert '<pre class="mermaid">flowchart LR' in page
    assert "vendor/mermaid-11.17.2.min.js" in page


def test_related_questions_are_linked(client, db, bank_settings, write_answer):
    from interviewkit.web.library.services import bank_sync

    write_answer(related="[django-pagination]")
    write_answer(id="django-pagination", question='"How do you implement pagination in Django?"')
    bank_sync()
    page = client.get("/q/django-q-objects/").content.decode()
    assert 'id="related"' in page and 'href="/q/django-pagination/"' in page


def test_unknown_answer_is_404(client, synced):
    response = client.get("/q/no-such-answer/")
    assert response.status_code == 404 and "Search the answers" in response.content.decode()


def test_admin_is_read_only(client, synced):
    admin = User.objects.create_superuser("admin", "admin@example.com", "pw-not-used-elsewhere")
    client.force_login(admin)
    assert client.get("/admin/library/question/").status_code == 200
    assert client.get("/admin/library/question/add/").status_code == 403
    response = client.post("/admin/library/question/django-q-objects/delete/", {"post": "yes"})
    assert response.status_code == 403
