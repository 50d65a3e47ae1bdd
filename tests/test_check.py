"""`interviewkit check` on good and broken files: each broken case asserts its message."""

import pytest

from interviewkit.bank.check import check_bank
from interviewkit.bank.loader import load_bank

from .conftest import answer_text, words


def errors(content_dir):
    return [str(p) for p in check_bank(load_bank(content_dir)).errors]


def test_good_file_passes_and_counts_coverage(content_dir, write_answer):
    write_answer()
    report = check_bank(load_bank(content_dir))
    assert report.errors == [] and report.warnings == []
    assert (report.coverage.answered, report.coverage.total) == (1, 601)
    assert all(q.text != "What is Django's `Q` object and when would you use it?" for q in report.coverage.missing)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"level": "expert"}, "level: 'expert' is not allowed; use one of 'junior', 'mid', 'senior' or 'lead'"),
        ({"kind": "trivia"}, "kind: 'trivia' is not allowed"),
        ({"minutes": "0"}, "minutes: Input should be greater than or equal to 1"),
        ({"tags": "[Has Spaces]"}, "tags.0: 'Has Spaces' must be lowercase kebab-case"),
        ({"meta_difficulty": "hard"}, "difficulty: unknown key; allowed keys are id, question"),
        ({"category": None}, "category: required key is missing"),
        ({"references": "\n  - title: Docs\n    url: http://example.com/"}, "references.0.url: use an https:// address"),
        ({"category": "cooking"}, "'cooking' is not in categories.yaml"),
        ({"related": "[no-such-answer]"}, "related: 'no-such-answer' is not the id of any answer"),
        ({"related": "[django-q-objects]"}, "related: an answer cannot be related to itself"),
        ({"seed_section": '"Somewhere else"'}, "seed_section: the guide asks this under 'Technical Assessment Categories > 1. Python & Django Backend (Core Skills) > Basic to Intermediate'"),
        ({"pitfalls": None}, "missing '## Pitfalls'"),
        ({"short_answer": words(10)}, "'## Short answer' has 10 words; write 40-120"),
        ({"explanation": words(700)}, "'## Explanation' has 700 words; write 150-600 for a concept answer"),
        ({"pitfalls": "- only one"}, "'## Pitfalls' has 1 items; write 2-5 bullets"),
        ({"example": "```python\ndef broken(:\n    pass\n```"}, "Python does not parse: invalid syntax"),
        ({"example": "```\nno language\n```"}, "code block has no language"),
        ({"trivia": "extra"}, "unknown section '## Trivia'"),
    ],
)
def test_broken_file_reports_how_to_fix(content_dir, write_answer, overrides, expected):
    write_answer(**overrides)
    found = errors(content_dir)
    assert any(expected in e for e in found), found
    assert all(e.startswith("content/questions/django/django-q-objects.md: ") for e in found), found


def test_python_error_names_the_line_of_the_file(content_dir, write_answer):
    path = write_answer(example="```python\nx = 1\ndef broken(:\n```")
    line = next(i for i, text in enumerate(path.read_text().splitlines(), start=1) if "def broken" in text)
    assert any(f"line {line}: Python does not parse" in e for e in errors(content_dir))


def test_yaml_that_does_not_parse(content_dir, write_answer):
    write_answer(text="---\nid: [unclosed\n---\n\n## Short answer\n")
    assert any("the YAML front matter does not parse" in e for e in errors(content_dir))


def test_file_name_must_equal_id(content_dir, write_answer):
    write_answer(name="q-objects")
    assert any("file name must equal the id: rename the file to django-q-objects.md" in e for e in errors(content_dir))


def test_duplicate_ids_and_duplicate_answers(content_dir, write_answer):
    write_answer()
    write_answer(name="copy-of-q", text=answer_text())
    found = errors(content_dir)
    assert any("id 'django-q-objects' is already used by content/questions/django/" in e for e in found), found
    assert any("this guide question is already answered by content/questions/django/" in e for e in found), found


def test_sections_out_of_order(content_dir, write_answer):
    text = answer_text().replace("## Pitfalls", "## TMP").replace("## Explanation", "## Pitfalls").replace("## TMP", "## Explanation")
    write_answer(text=text)
    assert any("sections are out of order" in e for e in errors(content_dir))


def test_question_outside_the_guide_is_a_warning_not_an_error(content_dir, write_answer):
    write_answer(question='"What is the airspeed of an unladen swallow?"')
    report = check_bank(load_bank(content_dir))
    assert report.ok
    assert any("is not a question of the guide" in str(w) for w in report.warnings)


def test_design_needs_subsections_and_a_diagram(content_dir, write_answer):
    write_answer(kind="design", explanation=words(600))
    found = errors(content_dir)
    assert any("a design answer needs the subsections ### Requirements" in e for e in found)
    assert any("a design answer needs a ```mermaid diagram" in e for e in found)


def test_behavioral_needs_a_sample_answer(content_dir, write_answer):
    write_answer(kind="behavioral")
    assert any("needs a '### Sample answer'" in e for e in errors(content_dir))


def test_coding_needs_an_example(content_dir, write_answer):
    write_answer(kind="coding", example=None)
    assert any("missing '## Example'; every coding answer needs it" in e for e in errors(content_dir))


def test_embedded_file_must_match(content_dir, write_answer):
    example = content_dir.parent / "examples" / "q.py"
    example.parent.mkdir()
    example.write_text("x = 1\n")
    write_answer(example="```python file=examples/q.py\nx = 2\n```")
    assert any("code differs from examples/q.py" in e for e in errors(content_dir))
    example.write_text("x = 2\n")
    assert errors(content_dir) == []


def test_embedded_file_must_exist(content_dir, write_answer):
    write_answer(example="```python file=examples/missing.py\nx = 2\n```")
    assert any("embedded file examples/missing.py does not exist" in e for e in errors(content_dir))


def test_also_asked_counts_towards_coverage(content_dir, write_answer):
    write_answer(also_asked='["How do you implement pagination in Django?"]')
    report = check_bank(load_bank(content_dir))
    assert report.ok, report.errors
    assert report.coverage.answered == 2


def test_answering_a_duplicate_question_covers_both_lines(content_dir, write_answer):
    write_answer(
        id="django-database-connection-pooling",
        question='"How do you handle database connection pooling in Django?"',
        seed_section='"Technical Assessment Categories > 1. Python & Django Backend (Core Skills) > Advanced"',
    )
    report = check_bank(load_bank(content_dir))
    assert report.ok, report.errors
    assert report.coverage.answered == 1
    assert "How do you handle database connection pooling in Django?" not in {q.text for q in report.coverage.missing}


def test_framework_is_checked(content_dir):
    import shutil

    from .conftest import REAL_CONTENT

    framework = content_dir / "framework.yaml"
    shutil.copy(REAL_CONTENT / "framework.yaml", framework)
    assert errors(content_dir) == []
    framework.write_text(framework.read_text().replace('weight: "0.15"', 'weight: "0.25"', 1))
    assert any("framework: rubric weights must sum to 1, not 1.1" in e for e in errors(content_dir))
    framework.write_text(framework.read_text().replace('weight: "0.25"', "weight: 0.15", 1))
    assert any("write decimal numbers as quoted strings" in e for e in errors(content_dir))
    shutil.copy(REAL_CONTENT / "framework.yaml", framework)
    framework.write_text(framework.read_text().replace("categories: [code-quality, scenarios]", "categories: [cooking]"))
    assert any("formats.deep-technical.code-review: category 'cooking' is not in categories.yaml" in e for e in errors(content_dir))
