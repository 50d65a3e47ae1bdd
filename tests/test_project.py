"""Project-level guarantees: migrations match models, production refuses unsafe settings,
generated files are current, every command is documented."""

import os
import subprocess
import sys

import pytest
from django.core.management import call_command

from interviewkit.bank.render import pygments_css
from interviewkit.cli import app

from .conftest import ROOT


@pytest.mark.django_db
def test_no_model_change_without_its_migration():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


@pytest.mark.parametrize("missing", ["DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS"])
def test_production_stops_without_a_secret_or_hosts(missing):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env |= {"INTERVIEWKIT_ENV": "production", "DJANGO_SECRET_KEY": "x" * 50, "DJANGO_ALLOWED_HOSTS": "example.com"}
    del env[missing]
    code = "import interviewkit.web.settings"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.returncode != 0
    assert f"{missing} must be set when INTERVIEWKIT_ENV=production" in result.stderr


def test_pygments_stylesheet_is_current():
    path = ROOT / "src" / "interviewkit" / "web" / "static" / "interviewkit" / "pygments.css"
    assert path.read_text() == pygments_css(), "regenerate: python -c 'from interviewkit.bank.render import pygments_css; print(pygments_css(), end=\"\")' > " + str(path)


def test_every_command_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text()
    for command in app.registered_commands:
        name = command.name or command.callback.__name__
        assert f"interviewkit {name}" in readme, f"README.md does not mention `interviewkit {name}`"
