"""HTTP through Django, WebSockets through Channels: each app with a `routing` module adds its routes."""

import os
from importlib import import_module
from importlib.util import find_spec

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django_asgi_app = get_asgi_application()

from channels.auth import AuthMiddlewareStack  # noqa: E402  (needs the apps loaded first)
from channels.routing import ProtocolTypeRouter, URLRouter  # noqa: E402
from django.conf import settings  # noqa: E402

websocket_urlpatterns = [
    route
    for app in settings.EXAMPLE_APPS
    if find_spec(f"{app}.routing")
    for route in import_module(f"{app}.routing").websocket_urlpatterns
]
application = ProtocolTypeRouter({"http": django_asgi_app, "websocket": AuthMiddlewareStack(URLRouter(websocket_urlpatterns))})
