from django.apps import AppConfig
from django.conf import settings


class MultichannelConfig(AppConfig):
    name = "multichannel"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        import httpx

        from .backends import EmailChannel, PushChannel, SmsChannel
        from .base import registry

        registry.register(EmailChannel())
        # Providers are optional: a channel without configuration is simply not registered.
        timeout = httpx.Timeout(5.0, connect=2.0)
        if url := getattr(settings, "MULTICHANNEL_SMS_URL", ""):
            registry.register(SmsChannel(httpx.Client(base_url=url, timeout=timeout)))
        if url := getattr(settings, "MULTICHANNEL_PUSH_URL", ""):
            registry.register(PushChannel(httpx.Client(base_url=url, timeout=timeout)))
