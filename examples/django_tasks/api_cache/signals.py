"""Any write to a product invalidates the "products" namespace once the transaction commits."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from .cache_layer import bump
from .models import Product


@receiver([post_save, post_delete], sender=Product, dispatch_uid="api_cache.invalidate_products")
def invalidate_products(sender, **kwargs):
    # After commit: bumping earlier lets a concurrent reader re-cache the old row under the new
    # generation. QuerySet.update() and bulk_create() send no signals: call bump() there yourself.
    transaction.on_commit(lambda: bump("products"))
