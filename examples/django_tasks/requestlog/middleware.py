"""One structured log line per request: method, path, status, duration, request id, user id.

Bodies, query strings, Authorization and Cookie headers are never logged.
"""

import logging
import re
import time
import uuid

from asgiref.sync import iscoroutinefunction, markcoroutinefunction

logger = logging.getLogger("requestlog")
REQUEST_ID_HEADER = "X-Request-ID"
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{1,64}$")  # no newlines or spaces: no log injection
_CONTROL_CHARS = re.compile(r"[\x00-\x1f\x7f]")


class RequestLogMiddleware:
    sync_capable = True
    async_capable = True

    def __init__(self, get_response):
        self.get_response = get_response
        self.async_mode = iscoroutinefunction(get_response)
        if self.async_mode:
            # Tell Django this instance is a coroutine function, so it awaits it directly.
            markcoroutinefunction(self)

    def __call__(self, request):
        if self.async_mode:
            return self.__acall__(request)
        started = time.perf_counter()
        request_id = self._request_id(request)
        response = self.get_response(request)  # exceptions are already 500 responses here
        self._log(request, response, started, request_id, _user_id(getattr(request, "user", None)))
        return response

    async def __acall__(self, request):
        started = time.perf_counter()
        request_id = self._request_id(request)
        response = await self.get_response(request)
        # request.user is lazy and would query the database synchronously: use auser().
        user = await request.auser() if hasattr(request, "auser") else None
        self._log(request, response, started, request_id, _user_id(user))
        return response

    @staticmethod
    def _request_id(request):
        incoming = request.headers.get(REQUEST_ID_HEADER, "")
        request.request_id = incoming if _SAFE_REQUEST_ID.match(incoming) else uuid.uuid4().hex
        return request.request_id

    @staticmethod
    def _log(request, response, started, request_id, user_id):
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        # /a%0Ab decodes to a newline: escape it so nobody can forge a second log line.
        path = _CONTROL_CHARS.sub(lambda m: f"\\x{ord(m.group()):02x}", request.path)
        response[REQUEST_ID_HEADER] = request_id
        status = response.status_code
        level = logging.ERROR if status >= 500 else logging.WARNING if status >= 400 else logging.INFO
        fields = {
            "http_method": request.method,
            "path": path,  # no query string: it can carry tokens and emails
            "status": status,
            "duration_ms": duration_ms,
            "request_id": request_id,
            "user_id": user_id,
        }
        logger.log(level, "%s %s %s %.1fms", request.method, path, status, duration_ms, extra=fields)


def _user_id(user):
    return user.pk if user is not None and user.is_authenticated else None
