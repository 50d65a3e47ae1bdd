"""Tiny views that the middleware tests call."""

import asyncio

from django.http import JsonResponse


def ping(request):
    return JsonResponse({"ok": True})


async def async_ping(request):
    await asyncio.sleep(0)
    return JsonResponse({"ok": True})


def boom(request):
    raise RuntimeError("kaboom")
