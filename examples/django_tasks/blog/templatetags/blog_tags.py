"""Template tags of the blog: {% load blog_tags %}."""

import re

from django import template
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeData, mark_safe

register = template.Library()


@register.simple_tag
def post_link(post, css_class="post-link"):
    """<a> to a post. format_html escapes every argument, so a title with <script> is inert."""
    return format_html('<a class="{}" href="{}">{}</a>', css_class, post.get_absolute_url(), post.title)


@register.inclusion_tag("blog/includes/tag_list.html")
def tag_list(post, limit=5):
    """Renders a small template; the template's own autoescaping handles the names."""
    tags = list(post.tags.all())  # uses the prefetch cache when the view prefetched tags
    return {"tags": tags[:limit], "more": max(len(tags) - limit, 0)}


@register.filter(is_safe=True)
def reading_time(word_count, words_per_minute=200):
    """'3 min read'. is_safe: the output adds no HTML-significant characters."""
    try:
        minutes = max(1, round(int(word_count) / int(words_per_minute)))
    except (TypeError, ValueError):
        return ""
    return f"{minutes} min read"


@register.filter(needs_autoescape=True)
def highlight(text, term, autoescape=True):
    """Wrap case-insensitive matches of term in <mark>, escaping everything else."""
    text = str(text)
    # Escape the pieces only if autoescape is on and the input is not already safe HTML.
    escape = conditional_escape if autoescape and not isinstance(text, SafeData) else str
    if not term:
        return mark_safe(escape(text))
    pieces, last = [], 0
    for match in re.finditer(re.escape(str(term)), text, flags=re.IGNORECASE):
        pieces.append(escape(text[last : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    pieces.append(escape(text[last:]))
    return mark_safe("".join(pieces))
