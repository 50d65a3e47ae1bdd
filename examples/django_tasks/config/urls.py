"""Each example app that has a urls module is mounted at /<app>/."""

from importlib.util import find_spec

from django.conf import settings
from django.urls import include, path

urlpatterns = [path(f"{app}/", include(f"{app}.urls")) for app in settings.EXAMPLE_APPS if find_spec(f"{app}.urls")]
