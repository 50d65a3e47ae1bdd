"""`python -m interviewkit` runs the CLI."""

from .cli import main

main()
