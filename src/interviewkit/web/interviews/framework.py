"""The framework the site uses: content/framework.yaml, reloaded when the file changes."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.conf import settings

from interviewkit.assessment.framework import Framework, load_framework


def framework_get() -> Framework:
    path = Path(settings.INTERVIEWKIT_CONTENT_DIR) / "framework.yaml"
    return _load(path, path.stat().st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: Path, mtime_ns: int) -> Framework:
    return load_framework(path)
