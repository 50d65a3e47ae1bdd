"""The reviewed ticket API: nouns in URLs, HTTP methods as verbs, honest status codes,
paginated and filterable lists, one error shape. Mounted at /quality/api/v1/."""
from django.db import IntegrityError, transaction
from rest_framework import serializers, viewsets
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.routers import SimpleRouter

from .api_errors import Conflict, problem_details
from .models import Ticket


class TicketSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="quality:ticket-detail")

    class Meta:
        model = Ticket
        fields = ["id", "url", "reference", "title", "status", "created_at"]
        read_only_fields = ["created_at"]
        # The unique constraint is checked by the database (no check-then-insert race)
        # and reported as 409 below, rather than as a 400 by DRF's UniqueValidator.
        extra_kwargs = {"reference": {"validators": []}}


class TicketPagination(PageNumberPagination):
    page_size = 20
    page_size_query_param = "page_size"
    max_page_size = 100


class TicketViewSet(viewsets.ModelViewSet):
    """GET/POST /tickets/, GET/PATCH/DELETE /tickets/{id}/; PUT is left out on purpose."""

    serializer_class = TicketSerializer
    pagination_class = TicketPagination
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_queryset(self):
        tickets = Ticket.objects.order_by("-created_at", "-id")  # stable order for paging
        wanted = self.request.query_params.get("status")
        if wanted is not None:
            if wanted not in Ticket.Status.values:
                raise ValidationError({"status": [f"Must be one of: {', '.join(Ticket.Status.values)}."]})
            tickets = tickets.filter(status=wanted)
        return tickets

    def perform_create(self, serializer):
        self._save(serializer)

    def perform_update(self, serializer):
        self._save(serializer)

    @staticmethod
    def _save(serializer):
        try:
            with transaction.atomic():  # a savepoint, so the failed INSERT does not poison the request
                serializer.save()
        except IntegrityError:
            raise Conflict("A ticket with this reference already exists.") from None

    def get_exception_handler(self):
        return problem_details


router = SimpleRouter()
router.register("tickets", TicketViewSet, basename="ticket")
urlpatterns = router.urls
