"""The `interviewkit` command: thin wrappers that parse options, call the core and print.

Example::

    $ interviewkit check --missing
    $ interviewkit search "prefetch related"
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markdown import Markdown
from rich.table import Table

from .bank.check import check_bank
from .bank.loader import default_content_dir, load_bank

app = typer.Typer(
    help="interviewkit: the answer bank and interview system for Python full stack developers.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    add_completion=False,
)
console = Console()
err = Console(stderr=True)

ContentOption = Annotated[
    Path | None,
    typer.Option("--content", help="Content folder (holds categories.yaml). Default: $INTERVIEWKIT_CONTENT or ./content."),
]


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]Error:[/] {message}")
    return typer.Exit(1)


def _django() -> None:
    """Configure Django for commands that need the database."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "interviewkit.web.settings")
    import django

    django.setup()


def _migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


@app.command()
def check(
    content: ContentOption = None,
    missing: Annotated[bool, typer.Option("--missing", help="List every guide question that has no answer yet.")] = False,
    require_complete: Annotated[bool, typer.Option("--require-complete", help="Fail unless every guide question is answered.")] = False,
) -> None:
    """Validate every answer file and report how much of the guide is answered.

    Example: interviewkit check --missing
    """
    bank = load_bank(content)
    report = check_bank(bank)
    for problem in report.errors:
        err.print(f"[red]error[/] {problem}", highlight=False, soft_wrap=True)
    for problem in report.warnings:
        err.print(f"[yellow]warning[/] {problem}", highlight=False, soft_wrap=True)

    coverage = report.coverage
    table = Table(title="Coverage of the guide", title_justify="left")
    table.add_column("Guide section")
    table.add_column("Answered", justify="right")
    for section in coverage.sections:
        style = "green" if section.answered == section.total else ("yellow" if section.answered else "dim")
        table.add_row(section.section, f"[{style}]{section.answered}/{section.total}[/]")
    console.print(table)
    if missing:
        section = None
        for question in coverage.missing:
            if question.section != section:
                section = question.section
                console.print(f"\n[bold]{section}[/]", highlight=False, soft_wrap=True)
            console.print(f"  - {question.text}", highlight=False, soft_wrap=True, markup=False)
    console.print(
        f"{report.files} files, {len(report.errors)} errors, {len(report.warnings)} warnings; "
        f"answered {coverage.answered}/{coverage.total} guide questions ({coverage.percent:.1f}%)"
    )
    if not report.ok:
        raise typer.Exit(1)
    if require_complete and coverage.answered < coverage.total:
        raise _fail(f"{coverage.total - coverage.answered} guide questions have no answer (--require-complete); see --missing")


@app.command()
def sync(
    content: ContentOption = None,
    force: Annotated[bool, typer.Option("--force", help="Sync even when the content has not changed.")] = False,
) -> None:
    """Load the bank into the database, atomically: a bad file leaves the previous bank intact.

    Example: interviewkit sync
    """
    _django()
    _migrate()
    from .web.library.services import BankInvalid, bank_sync

    try:
        with _progress() as on_progress:
            result = bank_sync(content_dir=content, force=force, on_progress=on_progress)
    except BankInvalid as exc:
        for problem in exc.problems[:20]:
            err.print(f"[red]error[/] {problem}", highlight=False, soft_wrap=True)
        raise _fail(f"sync aborted: {len(exc.problems)} errors in the bank; the previous bank is unchanged") from None
    if result.changed:
        console.print(f"Synced {result.questions} questions in {result.categories} categories.")
    else:
        console.print(f"Bank unchanged ({result.questions} questions); nothing to do.")


class _progress:
    """A Rich progress bar for sync, yielding the callback the service reports to."""

    def __enter__(self):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

        self._bar = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=console, transient=True)
        self._bar.start()
        self._task = None

        def on_progress(done: int, total: int, label: str) -> None:
            if self._task is None:
                self._task = self._bar.add_task(label, total=total)
            self._bar.update(self._task, completed=done, total=total, description=label)

        return on_progress

    def __exit__(self, *exc) -> None:
        self._bar.stop()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Gunicorn worker processes.")] = 2,
    content: ContentOption = None,
) -> None:
    """Migrate, sync the bank, and serve the site with gunicorn.

    Example: interviewkit serve --port 8000
    """
    sync(content=content, force=False)
    from .web.server import run

    console.print(f"Serving on [bold]http://{host}:{port}/[/] (Ctrl+C to stop)")
    run(host=host, port=port, workers=workers)


@app.command()
def search(
    query: Annotated[str, typer.Argument(help="Words to search for; the last word matches as a prefix.")],
    limit: Annotated[int, typer.Option("--limit", "-n", help="Number of results.")] = 10,
) -> None:
    """Ranked full-text search over the synced bank.

    Example: interviewkit search "prefetch related"
    """
    _django()
    _migrate()
    from .search import question_search

    hits = question_search(query=query, limit=limit)
    if not hits:
        console.print(f"No answers match {query!r}.")
        raise typer.Exit(0)
    table = Table(show_lines=True)
    table.add_column("#", justify="right")
    table.add_column("Question")
    table.add_column("Match")
    table.add_column("Id", style="dim")
    for rank, hit in enumerate(hits, start=1):
        snippet = hit.snippet.replace("<mark>", "[bold yellow]").replace("</mark>", "[/]")
        table.add_row(str(rank), hit.question, snippet, hit.id)
    console.print(table)


@app.command()
def show(question_id: Annotated[str, typer.Argument(help="Answer id, as in the URL: django-q-objects.")]) -> None:
    """Print one answer in the terminal.

    Example: interviewkit show django-select-related-vs-prefetch-related
    """
    bank = load_bank(None)
    answer = next((a for a in bank.valid_answers if a.meta.id == question_id), None)
    if answer is None:
        raise _fail(f"no answer with id {question_id!r}; try `interviewkit search`")
    meta = answer.meta
    console.print(f"[bold]{meta.question}[/]")
    console.print(f"[dim]{meta.category} · {meta.level} · {meta.kind} · {meta.minutes} min · {', '.join(meta.tags)}[/]")
    console.print(Markdown(answer.body, code_theme="monokai"))


@app.command()
def createuser(
    username: Annotated[str, typer.Argument(help="Login name.")],
    email: Annotated[str, typer.Option(help="Email address (optional).")] = "",
    hiring_manager: Annotated[bool, typer.Option("--hiring-manager", help="Also a hiring manager: sees every scorecard and can reopen them.")] = False,
    admin: Annotated[bool, typer.Option("--admin", help="Also a Django admin superuser.")] = False,
    password_env: Annotated[str, typer.Option("--password-env", help="Read the password from this environment variable instead of prompting (for scripts).")] = "",
) -> None:
    """Create an interviewer account (the first account of a new install, or any later one).

    Example: interviewkit createuser ada --email ada@example.com --hiring-manager
    """
    _django()
    _migrate()
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    from .web.interviews.selectors import HIRING_MANAGERS, INTERVIEWERS

    user_model = get_user_model()
    if user_model.objects.filter(username=username).exists():
        raise _fail(f"user {username!r} already exists")
    if password_env:
        password = os.environ.get(password_env, "")
        if not password:
            raise _fail(f"environment variable {password_env} is empty or not set")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    candidate_user = user_model(username=username, email=email)
    try:
        validate_password(password, user=candidate_user)
    except ValidationError as exc:
        raise _fail(" ".join(exc.messages)) from None
    user = user_model.objects.create_user(username=username, email=email, password=password, is_staff=admin, is_superuser=admin)
    groups = [INTERVIEWERS] + ([HIRING_MANAGERS] if hiring_manager else [])
    user.groups.add(*Group.objects.filter(name__in=groups))
    roles = " and ".join(g.lower().removesuffix("s") for g in groups) + (" (admin)" if admin else "")
    console.print(f"Created {username}: {roles}. Log in at /accounts/login/.")


def _framework(content: Path | None):
    from .assessment.framework import FrameworkInvalid, load_framework

    path = (content or default_content_dir()) / "framework.yaml"
    try:
        return load_framework(path)
    except FileNotFoundError:
        raise _fail(f"no framework at {path}") from None
    except FrameworkInvalid as exc:
        raise _fail(str(exc)) from None


LevelOption = Annotated[str, typer.Option("--level", help="junior, mid, senior or lead.")]


def _level(value: str):
    from .bank.schema import Level

    try:
        return Level(value.lower())
    except ValueError:
        raise _fail(f"level {value!r} is not one of junior, mid, senior, lead") from None


@app.command()
def plan(
    format_id: Annotated[str, typer.Option("--format", help="A format id from framework.yaml, e.g. technical-screening.")],
    level: LevelOption = "mid",
    focus: Annotated[str, typer.Option("--focus", help="Comma-separated category ids to draw from first, e.g. django,react.")] = "",
    seed: Annotated[int, typer.Option("--seed", help="Same seed, same plan.")] = 0,
    content: ContentOption = None,
) -> None:
    """Build an interview plan: questions that fill each time box of a format.

    Example: interviewkit plan --format technical-screening --level senior --focus django,react --seed 7
    """
    from .assessment.planning import PlanError, build_plan, pool_from_answers

    framework = _framework(content)
    bank = load_bank(content)
    focus_ids = [f.strip() for f in focus.split(",") if f.strip()]
    unknown = sorted(set(focus_ids) - {c.id for c in bank.categories})
    if unknown:
        raise _fail(f"unknown focus categories: {', '.join(unknown)}")
    try:
        built = build_plan(framework, pool_from_answers(bank.valid_answers), format_id=format_id, level=_level(level), focus=focus_ids, seed=seed)
    except (PlanError, KeyError) as exc:
        raise _fail(str(exc).strip("'\"")) from None
    console.print(f"[bold]{built.format.title}[/] for a {built.level} candidate · {built.format.minutes} min · seed {seed}")
    for round_ in built.rounds:
        table = Table(title=f"{round_.title} ({round_.minutes} min)", title_justify="left", show_lines=False)
        table.add_column("Segment")
        table.add_column("Min", justify="right")
        table.add_column("Question")
        table.add_column("Id", style="dim")
        for planned in round_.segments:
            if not planned.questions:
                table.add_row(planned.segment.title, str(planned.minutes), "[dim]no questions: time for the candidate[/]", "")
            for index, question in enumerate(planned.questions):
                label = f"{planned.segment.title} ({planned.minutes}/{planned.segment.minutes})" if index == 0 else ""
                table.add_row(label, str(question.minutes), question.question, question.id)
        console.print(table)


@app.command()
def score(
    technical: Annotated[int, typer.Option("--technical", min=1, max=5, help="Technical skills, 1-5 (weight 40%).")],
    problem_solving: Annotated[int, typer.Option("--problem-solving", min=1, max=5, help="Problem-solving, 1-5 (25%).")],
    communication: Annotated[int, typer.Option("--communication", min=1, max=5, help="Communication, 1-5 (20%).")],
    code_quality: Annotated[int, typer.Option("--code-quality", min=1, max=5, help="Code quality, 1-5 (15%).")],
    level: LevelOption = "mid",
    content: ContentOption = None,
) -> None:
    """Score a candidate on the weighted rubric: total, band, level-adjusted band and why.

    Example: interviewkit score --technical 5 --problem-solving 3 --communication 4 --code-quality 4 --level lead
    """
    from .assessment.scoring import decide

    framework = _framework(content)
    scores = {"technical": technical, "problem_solving": problem_solving, "communication": communication, "code_quality": code_quality}
    decision = decide(framework, scores, level=_level(level))
    console.print(f"Total: [bold]{decision.total_display}[/]")
    console.print(f"Band: [bold]{decision.band.title}[/] ({decision.band.meaning})")
    console.print(f"At {decision.level.title}: [bold]{decision.adjusted_band.title}[/]")
    for reason in decision.reasons:
        console.print(f"  - {reason}", highlight=False, soft_wrap=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
