"""Example endpoints: a plain Django view, a DRF APIView and a DRF @api_view."""

from django.http import JsonResponse
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from .decorators import ratelimit


@ratelimit("3/m")
def search(request):
    return JsonResponse({"results": []})


class QuoteView(APIView):
    @ratelimit("2/m", scope="quotes")  # DRF has authenticated request.user by now
    def get(self, request):
        return Response({"quote": "Simple is better than complex."})


@api_view(["POST"])
@ratelimit("1/10s")  # below @api_view, so it wraps the DRF-aware function
def send_code(request):
    return Response({"sent": True})
