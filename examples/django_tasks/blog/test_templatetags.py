import pytest
from django.template import Context, Template
from django.utils.safestring import mark_safe

from .models import Tag


def render(source, **context):
    return Template("{% load blog_tags %}" + source).render(Context(context))


@pytest.mark.django_db
def test_post_link_escapes_the_title(make_post):
    post = make_post("xss", title='<script>alert("x")</script>')
    html = render("{% post_link post %}", post=post)
    assert html == '<a class="post-link" href="/blog/xss/">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</a>'


@pytest.mark.django_db
def test_post_link_result_can_be_stored_with_as(make_post):
    html = render('{% post_link post "big" as link %}[{{ link }}]', post=make_post("a"))
    assert html == '[<a class="big" href="/blog/a/">A</a>]'


@pytest.mark.django_db
def test_tag_list_inclusion_tag(make_post):
    post = make_post()
    for index, name in enumerate(["alpha", "<b>beta</b>", "gamma"]):
        post.tags.add(Tag.objects.create(name=name, slug=f"t{index}"))
    html = render("{% tag_list post limit=2 %}", post=post)
    assert "<li>&lt;b&gt;beta&lt;/b&gt;</li>" in html
    assert "<li>+1 more</li>" in html


def test_highlight_escapes_text_and_term():
    html = render("{{ text|highlight:term }}", text="<i>Django</i> & django", term="DJANGO")
    assert html == "&lt;i&gt;<mark>Django</mark>&lt;/i&gt; &amp; <mark>django</mark>"


def test_highlight_does_not_double_escape_safe_input():
    html = render("{{ text|highlight:'orm' }}", text=mark_safe("<em>ORM</em> &amp; SQL"))
    assert html == "<em><mark>ORM</mark></em> &amp; SQL"


def test_highlight_respects_autoescape_off():
    html = render("{% autoescape off %}{{ text|highlight:'a' }}{% endautoescape %}", text="<b>a</b>")
    assert html == "<b><mark>a</mark></b>"


def test_highlight_with_regex_characters_in_term():
    assert render("{{ text|highlight:'c++' }}", text="C++ and c") == "<mark>C++</mark> and c"


@pytest.mark.parametrize(
    ("words", "expected"), [(0, "1 min read"), (199, "1 min read"), (1000, "5 min read"), ("x", "")]
)
def test_reading_time(words, expected):
    assert render("{{ n|reading_time }}", n=words) == expected
