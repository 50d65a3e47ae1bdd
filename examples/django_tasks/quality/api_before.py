"""A ticket API as first shipped. It "works" for the mobile app that was built against it,
and it breaks every convention a new client would expect; api_after.py is the reviewed one."""
from django.db import IntegrityError
from django.urls import path
from rest_framework.decorators import api_view
from rest_framework.response import Response

from .models import Ticket


@api_view(["GET"])
def getTickets(request):  # verb in the URL; every ticket in one response, no pagination
    return Response([{"id": t.id, "ref": t.reference, "Title": t.title, "status": t.status} for t in Ticket.objects.all()])


@api_view(["GET"])
def getTicket(request):  # the id travels as ?id=, not in the path
    try:
        t = Ticket.objects.get(id=request.GET["id"])
    except Ticket.DoesNotExist:
        return Response({"success": False, "msg": "not found"})  # 200 for a missing ticket
    return Response({"success": True, "data": {"id": t.id, "reference": t.reference, "title": t.title}})


@api_view(["POST"])
def createTicket(request):
    if not request.data.get("title"):
        return Response({"success": False, "error": "title required"})  # 200, and "error" not "msg"
    try:
        t = Ticket.objects.create(reference=request.data.get("reference"), title=request.data["title"])
    except IntegrityError:  # a duplicate, but also a missing reference (NOT NULL)
        return Response({"success": False, "msg": "duplicate"})
    return Response({"success": True, "data": {"id": t.id}})  # 200, not 201; no Location


@api_view(["POST"])
def closeTicket(request):  # an action URL instead of updating the resource
    Ticket.objects.filter(id=request.data.get("id")).update(status="closed")
    return Response({"success": True})  # "success" even when no ticket has that id


@api_view(["GET"])
def deleteTicket(request):  # a GET that deletes: link prefetchers and crawlers can trigger it
    Ticket.objects.filter(id=request.GET.get("id")).delete()
    return Response({"success": True})


urlpatterns = [
    path("getTickets", getTickets),
    path("getTicket", getTicket),
    path("createTicket", createTicket),
    path("closeTicket", closeTicket),
    path("deleteTicket", deleteTicket),
]
