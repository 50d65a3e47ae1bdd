"""Markdown to HTML for answer pages: done once at sync time, never per request.

Code is highlighted by Pygments into CSS classes (the stylesheet follows light and dark mode),
```mermaid blocks become <pre class="mermaid"> for the browser to draw, and H2/H3 headings get
ids and a permalink. Example::

    >>> render_markdown("## Short answer\\n\\nUse `Q`.").html
    '<h2 id="short-answer">...'
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.anchors import anchors_plugin
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from .loader import strip_code

# Fence names that Pygments does not know by that name.
_LEXER_ALIASES = {"jsx": "tsx", "dockerfile": "docker", "mermaid": "text", "env": "bash", "shell": "console"}
_FORMATTER = HtmlFormatter(nowrap=True)
_TAG = re.compile(r"<[^>]+>")


@dataclass(frozen=True)
class Rendered:
    html: str
    toc: list[tuple[int, str, str]]  # (level, anchor, title) of each H2/H3
    has_diagram: bool


def _highlight(code: str, lang: str, _attrs: str) -> str:
    name = _LEXER_ALIASES.get(lang, lang) or "text"
    try:
        lexer = get_lexer_by_name(name)
    except ClassNotFound:
        lexer = get_lexer_by_name("text")
    return highlight(code, lexer, _FORMATTER)


def _fence(self, tokens, idx, options, env) -> str:
    token = tokens[idx]
    info = token.info.strip().split()
    lang = info[0].lower() if info else ""
    attributes = dict(part.split("=", 1) for part in info[1:] if "=" in part)
    if lang == "mermaid":
        env["has_diagram"] = True
        return f'<pre class="mermaid">{html.escape(token.content)}</pre>\n'
    code = _highlight(token.content, lang, "")
    caption = attributes.get("file")
    label = html.escape(caption or lang or "text")
    figure_caption = f'<figcaption><code>{label}</code></figcaption>' if caption else ""
    return (
        f'<figure class="code" data-lang="{html.escape(lang or "text")}">{figure_caption}'
        f'<pre class="highlight"><code class="language-{html.escape(lang or "text")}">{code}</code></pre></figure>\n'
    )


@cache
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(anchors_plugin, min_level=2, max_level=3, permalink=True, permalinkSymbol="#", permalinkBefore=False)
    md.add_render_rule("fence", _fence)
    return md


def render_markdown(markdown: str) -> Rendered:
    """Render one answer body (or a fragment of one) to safe HTML; raw HTML in the source is escaped."""
    md = _parser()
    env: dict = {}
    tokens = md.parse(markdown, env)
    toc = []
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and token.tag in {"h2", "h3"}:
            title = "".join(c.content for c in tokens[index + 1].children or [] if c.type in {"text", "code_inline"})
            toc.append((int(token.tag[1]), token.attrs.get("id", ""), title.strip()))
    body = md.renderer.render(tokens, md.options, env)
    return Rendered(body, toc, bool(env.get("has_diagram")))


def markdown_to_text(markdown: str) -> str:
    """Plain text for search and snippets: code blocks and markup removed."""
    text = strip_code(markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"^#{1,6}\s+", "", text, flags=re.M)
    text = re.sub(r"^\s*>\s?", "", text, flags=re.M)
    text = re.sub(r"[`*|]", " ", text)  # underscores stay: snake_case names read better in snippets
    return re.sub(r"\s+", " ", text).strip()


def pygments_css() -> str:
    """Stylesheet for highlighted code: a light theme, and a dark one under prefers-color-scheme."""
    light = HtmlFormatter(style="friendly").get_style_defs(".highlight")
    dark = HtmlFormatter(style="monokai").get_style_defs(".highlight")
    return f"{light}\n@media (prefers-color-scheme: dark) {{\n{dark}\n}}\n"
