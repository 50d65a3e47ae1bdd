"""GET /api_cache/products/ and /api_cache/products/<id>/, cached server side with ETag revalidation."""

import hashlib
from functools import wraps

from django.http import HttpResponse, HttpResponseNotModified, JsonResponse
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, quote_etag
from django.views.decorators.http import require_GET

from .cache_layer import get_or_compute, response_key
from .models import Product


def role(request) -> str:
    return "staff" if request.user.is_staff else "public"


def cached_json(namespace: str, timeout: int = 300, vary_on=role):
    """Cache 200 responses per (path, query, variant); answer If-None-Match with 304."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            variant = vary_on(request)
            key = response_key(namespace, request.path, dict(request.GET.lists()), variant)

            uncacheable = []

            def render():
                response = view(request, *args, **kwargs)
                if response.status_code != 200:  # errors are not cached: hand them back as they are
                    uncacheable.append(response)
                    return None
                body = response.content
                return {"body": body, "type": response["Content-Type"], "etag": hashlib.sha256(body).hexdigest()[:32]}

            entry, hit = get_or_compute(key, render, timeout)
            if entry is None:
                return uncacheable[-1]
            etag = quote_etag(entry["etag"])
            client_etags = parse_etags(request.headers.get("If-None-Match", ""))
            if "*" in client_etags or etag in [e.removeprefix("W/") for e in client_etags]:  # weak comparison
                response = HttpResponseNotModified()
            else:
                response = HttpResponse(entry["body"], content_type=entry["type"])
            response["ETag"] = etag
            response["Cache-Control"] = "private, no-cache" if variant != "public" else "no-cache"
            response["X-Cache"] = "HIT" if hit else "MISS"
            patch_vary_headers(response, ["Cookie"])
            return response

        return wrapper

    return decorator


def serialize(product: Product, staff: bool) -> dict:
    data = {"id": product.pk, "name": product.name, "category": product.category, "price": str(product.price)}
    return {**data, "cost": str(product.cost)} if staff else data


@require_GET
@cached_json("products", timeout=300)
def product_list(request):
    products = Product.objects.all()
    if category := request.GET.get("category"):
        products = products.filter(category=category)
    return JsonResponse({"results": [serialize(p, request.user.is_staff) for p in products[:100]]})


@require_GET
@cached_json("products", timeout=300)
def product_detail(request, pk: int):
    product = Product.objects.filter(pk=pk).first()
    if product is None:
        return JsonResponse({"detail": "Not found."}, status=404)
    return JsonResponse(serialize(product, request.user.is_staff))
