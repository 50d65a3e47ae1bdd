"""Run the site under gunicorn from Python, for `interviewkit serve`."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication


class _Server(BaseApplication):
    def __init__(self, options: dict) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self):
        from .wsgi import application

        return application


def run(*, host: str, port: int, workers: int) -> None:
    """Serve until interrupted. Example: run(host="127.0.0.1", port=8000, workers=2)"""
    _Server({"bind": f"{host}:{port}", "workers": workers, "accesslog": "-", "timeout": 30}).run()
