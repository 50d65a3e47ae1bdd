"""Just enough WSGI to keep each service tiny, plus a threaded server for tests and local runs."""

import json
import threading
from contextlib import contextmanager
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

STATUS_TEXT = {200: "OK", 201: "Created", 202: "Accepted", 400: "Bad Request", 404: "Not Found", 409: "Conflict",
               422: "Unprocessable Content", 503: "Service Unavailable"}


class Request:
    def __init__(self, environ):
        self.environ = environ
        self.method = environ["REQUEST_METHOD"]
        self.path = environ.get("PATH_INFO", "/")
        self.headers = {k[5:].replace("_", "-").lower(): v for k, v in environ.items() if k.startswith("HTTP_")}

    def json(self) -> dict:
        length = int(self.environ.get("CONTENT_LENGTH") or 0)
        try:
            data = json.loads(self.environ["wsgi.input"].read(length) or b"{}")
        except ValueError:
            return {}
        return data if isinstance(data, dict) else {}


def json_response(start_response, status: int, body: dict):
    payload = json.dumps(body).encode()
    start_response(f"{status} {STATUS_TEXT[status]}", [("Content-Type", "application/json"),
                                                        ("Content-Length", str(len(payload)))])
    return [payload]


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True  # a request stuck in an injected delay must not block shutdown


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format, *args):
        pass


@contextmanager
def serve(app):
    """Run `app` on 127.0.0.1 with an ephemeral port in a background thread; yield its base URL."""
    server = make_server("127.0.0.1", 0, app, server_class=_ThreadingWSGIServer, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
