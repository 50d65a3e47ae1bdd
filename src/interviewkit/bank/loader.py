"""Read the bank from disk: categories.yaml, the answer files and the user's guide.

Loading never raises on a bad answer file: it returns the file with its problem so that
`check` can report every broken file at once. Example::

    >>> bank = load_bank(Path("content"))
    >>> bank.answers[0].meta.id
"""

from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import frontmatter
import yaml
from pydantic import ValidationError

from .schema import AnswerMeta, Category, describe_validation_error
from .seed import SeedQuestion, parse_seed

_H2 = re.compile(r"^## (.+?)\s*$", re.M)
_FENCE = re.compile(r"^(`{3,}|~{3,})([^\n]*)\n(.*?)^\1\s*$", re.M | re.S)
_WORD = re.compile(r"[A-Za-z0-9_'-]+")


def default_content_dir() -> Path:
    """`INTERVIEWKIT_CONTENT`, else ./content, else the repository's content/ folder."""
    if env := os.environ.get("INTERVIEWKIT_CONTENT"):
        return Path(env)
    here = Path.cwd() / "content"
    if (here / "categories.yaml").exists():
        return here
    return Path(__file__).resolve().parents[3] / "content"


@dataclass(frozen=True)
class CodeBlock:
    language: str
    info: str
    code: str
    line: int  # line of the opening fence in the file, 1-based

    @property
    def attributes(self) -> dict[str, str]:
        """`key=value` pairs after the language in the info string (```python file=x.py)."""
        return dict(part.split("=", 1) for part in self.info.split()[1:] if "=" in part)


@dataclass
class AnswerFile:
    path: Path
    meta: AnswerMeta | None
    body: str
    body_line: int  # line of the file where the body starts, for error messages
    errors: list[str] = field(default_factory=list)

    @cached_property
    def sections(self) -> dict[str, str]:
        """H2 title -> its Markdown, in file order."""
        parts = _H2.split(self.body)
        return {parts[i]: parts[i + 1].strip("\n") for i in range(1, len(parts) - 1, 2)}

    @cached_property
    def code_blocks(self) -> list[CodeBlock]:
        blocks = []
        for match in _FENCE.finditer(self.body):
            info = match.group(2).strip()
            line = self.body_line + self.body.count("\n", 0, match.start())
            blocks.append(CodeBlock(info.split(" ")[0].lower() if info else "", info, match.group(3), line))
        return blocks

    def section_line(self, title: str) -> int:
        index = self.body.find(f"## {title}")
        return self.body_line + self.body.count("\n", 0, max(index, 0))


def count_words(markdown: str) -> int:
    """Words of prose, code blocks excluded: the measure CONTENT.md's word ranges use."""
    return len(_WORD.findall(_FENCE.sub(" ", markdown)))


def strip_code(markdown: str) -> str:
    return _FENCE.sub(" ", markdown)


@dataclass
class Bank:
    root: Path
    categories: list[Category]
    answers: list[AnswerFile]
    category_errors: list[str]

    @cached_property
    def seed(self) -> list[SeedQuestion]:
        return parse_seed((self.root / "source" / "question-bank.md").read_text(encoding="utf-8"))

    @property
    def valid_answers(self) -> list[AnswerFile]:
        return [a for a in self.answers if a.meta is not None]

    def included_files(self) -> list[Path]:
        """Files outside content/ that answers embed (```python file=examples/...)."""
        return sorted(
            {self.root.parent / b.attributes["file"] for a in self.valid_answers for b in a.code_blocks if "file" in b.attributes}
        )

    def content_hash(self) -> str:
        """A digest of every file the bank is built from, embedded examples included."""
        digest = hashlib.sha256()
        base = self.root.parent
        for path in sorted(p for p in self.root.rglob("*") if p.is_file()) + self.included_files():
            digest.update(str(path.relative_to(base)).encode() + b"\0")
            digest.update(path.read_bytes() if path.exists() else b"<missing>")
        return digest.hexdigest()


def load_categories(path: Path) -> tuple[list[Category], list[str]]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (OSError, yaml.YAMLError) as exc:
        return [], [f"{path.name}: cannot read: {exc}"]
    if not isinstance(raw, list):
        return [], [f"{path.name}: expected a list of categories (- id: ..., title: ...)"]
    categories, errors = [], []
    for index, item in enumerate(raw):
        try:
            categories.append(Category.model_validate(item))
        except ValidationError as exc:
            for error in exc.errors():
                errors.append(f"{path.name}: category #{index + 1}: {describe_validation_error(error)}")
    return sorted(categories, key=lambda c: c.order), errors


def load_answer(path: Path) -> AnswerFile:
    text = path.read_text(encoding="utf-8")
    try:
        post = frontmatter.loads(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}" if mark else "front matter"
        return AnswerFile(path, None, "", 1, [f"{where}: the YAML front matter does not parse: {getattr(exc, 'problem', exc)}"])
    if not text.startswith("---") or not post.metadata:
        return AnswerFile(path, None, text, 1, ["front matter: missing; start the file with a --- block (see CONTENT.md)"])
    closing = text.find("\n---", 3) + len("\n---")
    closing = text.find("\n", closing) + 1 if "\n" in text[closing:] else len(text)
    rest = text[closing:]
    body_start = closing + len(rest) - len(rest.lstrip("\n"))
    body_line = text.count("\n", 0, body_start) + 1
    body = post.content
    try:
        meta = AnswerMeta.model_validate(post.metadata)
    except ValidationError as exc:
        errors = [describe_validation_error(e) for e in exc.errors()]
        return AnswerFile(path, None, body, body_line, errors)
    return AnswerFile(path, meta, body, body_line)


def load_bank(root: Path | None = None) -> Bank:
    root = (root or default_content_dir()).resolve()
    categories, category_errors = load_categories(root / "categories.yaml")
    answers = [load_answer(p) for p in sorted((root / "questions").rglob("*.md"))]
    return Bank(root, categories, answers, category_errors)
