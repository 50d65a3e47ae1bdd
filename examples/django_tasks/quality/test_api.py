"""The reviewed ticket API (api_after.py) and, for contrast, what the original one does."""
import pytest
from rest_framework.test import APIClient

from quality.api_errors import INVALID_FIELDS
from quality.models import Ticket

pytestmark = pytest.mark.django_db
API = "/quality/api/v1/tickets/"
OLD = "/quality/api-before"
PROBLEM_KEYS = {"type", "title", "status", "detail"}


@pytest.fixture
def api():
    return APIClient()


def make_tickets(count, status=Ticket.Status.OPEN):
    Ticket.objects.bulk_create(Ticket(reference=f"{status}-{i}", title=f"Ticket {i}", status=status) for i in range(count))


def assert_problem(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert PROBLEM_KEYS <= body.keys() and body["status"] == status
    return body


# The reviewed API --------------------------------------------------------------------------

def test_create_returns_201_with_location(api):
    response = api.post(API, {"reference": "HD-1", "title": "Printer on fire"}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert response["Location"] == body["url"] == f"http://testserver{API}{body['id']}/"
    assert body["status"] == "open"


def test_invalid_input_is_400_with_field_errors(api):
    body = assert_problem(api.post(API, {"reference": "HD-1"}, format="json"), 400)
    assert body["type"] == INVALID_FIELDS  # the problem type that defines `errors`
    assert body["errors"] == {"title": ["This field is required."]}


def test_duplicate_reference_is_409(api):
    assert api.post(API, {"reference": "HD-1", "title": "First"}, format="json").status_code == 201
    body = assert_problem(api.post(API, {"reference": "HD-1", "title": "Again"}, format="json"), 409)
    assert body["detail"] == "A ticket with this reference already exists."
    assert Ticket.objects.count() == 1  # and the request's transaction is still usable


def test_missing_ticket_is_404(api):
    body = assert_problem(api.get(f"{API}999/"), 404)
    assert (body["type"], body["title"]) == ("about:blank", "Not Found")
    assert_problem(api.get(f"{API}abc/"), 404)  # a malformed id is not a 500


def test_list_is_paginated(api):
    make_tickets(25)
    first = api.get(API).json()
    assert first["count"] == 25 and len(first["results"]) == 20
    assert first["next"] == f"http://testserver{API}?page=2" and first["previous"] is None
    assert len(api.get(API, {"page": 2}).json()["results"]) == 5
    assert len(api.get(API, {"page_size": 5}).json()["results"]) == 5


def test_page_size_is_capped(api):
    make_tickets(120)
    assert len(api.get(API, {"page_size": 1000}).json()["results"]) == 100


def test_list_filters_by_status(api):
    make_tickets(3)
    make_tickets(2, status=Ticket.Status.CLOSED)
    closed = api.get(API, {"status": "closed"}).json()
    assert closed["count"] == 2 and {t["status"] for t in closed["results"]} == {"closed"}
    body = assert_problem(api.get(API, {"status": "bogus"}), 400)
    assert body["errors"] == {"status": ["Must be one of: open, closed."]}


def test_patch_updates_and_delete_returns_204(api):
    ticket = Ticket.objects.create(reference="HD-7", title="VPN down")
    Ticket.objects.create(reference="HD-8", title="Other")
    url = f"{API}{ticket.pk}/"
    assert api.patch(url, {"status": "closed"}, format="json").json()["status"] == "closed"
    assert_problem(api.patch(url, {"reference": "HD-8"}, format="json"), 409)
    put = api.put(url, {"reference": "HD-7", "title": "x"}, format="json")
    assert_problem(put, 405)
    assert put["Allow"] == "GET, PATCH, DELETE, HEAD, OPTIONS"  # RFC 9110: a 405 must list them
    assert api.delete(url).status_code == 204
    assert_problem(api.get(url), 404)


# The original API, documented ---------------------------------------------------------------

def test_before_list_is_unpaginated_with_odd_keys(api):
    make_tickets(25)
    tickets = api.get(f"{OLD}/getTickets").json()
    assert len(tickets) == 25 and set(tickets[0]) == {"id", "ref", "Title", "status"}


def test_before_errors_are_200_with_two_shapes(api):
    missing = api.get(f"{OLD}/getTicket", {"id": 999})
    assert (missing.status_code, missing.json()) == (200, {"success": False, "msg": "not found"})
    invalid = api.post(f"{OLD}/createTicket", {"reference": "HD-1"}, format="json")
    assert (invalid.status_code, invalid.json()) == (200, {"success": False, "error": "title required"})


def test_before_create_is_200_and_close_always_succeeds(api):
    created = api.post(f"{OLD}/createTicket", {"reference": "HD-1", "title": "x"}, format="json")
    assert (created.status_code, created.has_header("Location")) == (200, False)
    assert api.post(f"{OLD}/closeTicket", {"id": 999}, format="json").json() == {"success": True}


def test_before_get_deletes(api):
    ticket = Ticket.objects.create(reference="HD-1", title="x")
    api.get(f"{OLD}/deleteTicket", {"id": ticket.pk})
    assert not Ticket.objects.exists()


def test_before_bad_id_is_a_500(api):
    with pytest.raises(ValueError):  # the test client re-raises what would be a 500 page
        api.get(f"{OLD}/getTicket", {"id": "abc"})


def test_before_calls_a_missing_reference_a_duplicate(api):
    response = api.post(f"{OLD}/createTicket", {"title": "no reference"}, format="json")
    assert response.json() == {"success": False, "msg": "duplicate"}  # really a NOT NULL error
