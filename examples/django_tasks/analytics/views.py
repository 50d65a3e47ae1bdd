"""POST /analytics/events/ ingests; GET /analytics/snapshot/ and /analytics/stream/ (SSE) feed the dashboard."""

import asyncio
import json
from collections import Counter

from asgiref.sync import sync_to_async
from django.conf import settings
from django.http import JsonResponse, StreamingHttpResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .store import event_names, record, snapshot

MAX_BATCH = 500


@csrf_exempt  # called by navigator.sendBeacon from any page, without a session; rate-limit it instead
@require_POST
def ingest(request):
    try:
        events = json.loads(request.body)["events"]
        names = [event["name"] for event in events[: MAX_BATCH + 1]]
    except (ValueError, KeyError, TypeError):
        return JsonResponse({"detail": 'Send {"events": [{"name": "..."}]}.'}, status=400)
    known = event_names()
    if len(names) > MAX_BATCH or not all(isinstance(n, str) and n in known for n in names):
        return JsonResponse({"detail": f"At most {MAX_BATCH} events, names from: {', '.join(sorted(known))}."}, status=400)
    record(Counter(names))  # counts are computed by the server clock: client clocks drift
    return JsonResponse({"accepted": len(names)}, status=202)


@require_GET
def snapshot_view(request):
    if not request.user.is_staff:
        return JsonResponse({"detail": "Staff only."}, status=403)
    raw = request.GET.get("minutes", "15")
    minutes = min(int(raw), 120) if raw.isdigit() and int(raw) > 0 else 15
    return JsonResponse(snapshot(minutes))


@require_GET
async def stream(request):
    """Server-sent events. Needs an ASGI server: under WSGI each stream would pin a worker thread."""
    user = await request.auser()
    if not user.is_staff:
        return JsonResponse({"detail": "Staff only."}, status=403)
    interval = getattr(settings, "ANALYTICS_PUSH_INTERVAL", 1.0)
    max_messages = getattr(settings, "ANALYTICS_STREAM_MAX_MESSAGES", 600)

    async def events():
        yield "retry: 3000\n\n"  # EventSource reconnects after 3 s when the stream ends or breaks
        last = None
        for sequence in range(max_messages):  # end after ~10 minutes: rebalances load on reconnect
            data = await sync_to_async(snapshot, thread_sensitive=False)(15)
            payload = json.dumps(data, separators=(",", ":"))
            if payload != last:
                yield f"id: {data['minute']}-{sequence}\nevent: snapshot\ndata: {payload}\n\n"
                last = payload
            else:
                yield ": keep-alive\n\n"  # a comment line: keeps proxies from closing an idle stream
            await asyncio.sleep(interval)

    response = StreamingHttpResponse(events(), content_type="text/event-stream")
    response["Cache-Control"] = "no-cache"
    response["X-Accel-Buffering"] = "no"  # tell nginx not to buffer the stream
    return response
