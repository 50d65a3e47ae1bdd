"""Shared pytest setup for examples/code_quality: reproducible Hypothesis runs, no .hypothesis/ folder."""
from hypothesis import settings

settings.register_profile("code_quality", database=None, deadline=None, max_examples=300)
settings.load_profile("code_quality")
