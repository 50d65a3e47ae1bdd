from interviewkit.bank.seed import normalize_question, parse_seed

from .conftest import REAL_CONTENT


def seed():
    return parse_seed((REAL_CONTENT / "source" / "question-bank.md").read_text(encoding="utf-8"))


def test_guide_has_603_question_lines_601_distinct():
    questions = seed()
    assert len(questions) == 603
    assert len({q.key for q in questions}) == 601


def test_the_two_questions_asked_twice():
    counts = {}
    for q in seed():
        counts[q.key] = counts.get(q.key, 0) + 1
    assert sorted(k for k, n in counts.items() if n > 1) == [
        "How do you handle database connection pooling in Django?",
        "How do you optimize Python code for CPU-intensive tasks?",
    ]


def test_markers_and_bold_are_stripped():
    texts = {q.text for q in seed()}
    assert "Implement a LRU cache with O(1) operations" in texts
    assert "Write a Django model for a blog post with proper relationships" in texts
    assert not [t for t in texts if t.startswith(("**", "NEW")) or t.endswith("**")]


def test_glued_heading_does_not_hide_the_second_part():
    # "...principal engineer roles.# Expanded Python Full Stack ..." is one line in the guide.
    first = next(q for q in seed() if q.text == "Explain the difference between Django's MTV and MVC patterns")
    assert first.section == "Technical Assessment Categories > 1. Python & Django Backend (Core Skills) > Basic to Intermediate"


def test_framework_and_tips_are_not_questions():
    texts = {q.text for q in seed()}
    assert "Cannot explain basic concepts clearly" not in texts  # red flag
    assert "Think out loud and explain your reasoning" not in texts  # candidate tip
    assert "Strong Python and Django fundamentals" not in texts  # must-have


def test_sections_per_part():
    sections = {q.section.split(" > ")[0] for q in seed()}
    assert "Technical Assessment Categories" in sections
    assert "Interview Logistics & Best Practices" not in sections
    assert "Final Assessment Framework" not in sections


def test_parse_small_document():
    text = "## Additional Advanced Topics\n### Topic:\n- **NEW:** First?\n1. **Second**\n## Interview Logistics & Best Practices\n- Not a question\n"
    questions = parse_seed(text)
    assert [(q.text, q.section) for q in questions] == [
        ("First?", "Additional Advanced Topics > Topic"),
        ("Second", "Additional Advanced Topics > Topic"),
    ]


def test_normalize_collapses_whitespace_only():
    assert normalize_question("  What   is\n`Q`? ") == "What is `Q`?"
