"""One journey in a real browser: the system Chromium driven by Playwright."""

import os
import shutil

import pytest

CHROMIUM = "/usr/bin/chromium"
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which(CHROMIUM), reason=f"browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)"),
]


@pytest.fixture
def browser():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # around it are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        yield browser
        browser.close()


@pytest.fixture
def browser_page(browser):
    return browser.new_page()


@pytest.fixture
def live_bank(transactional_db, bank_settings, search_bank):
    from interviewkit.web.library.services import bank_sync

    bank_sync(force=True)


def test_search_as_you_type_then_read_an_answer(live_server, live_bank, browser_page):
    from playwright.sync_api import expect

    page = browser_page
    page.goto(live_server.url + "/")
    page.keyboard.press("/")  # the shortcut focuses a search box
    page.locator("#home-q").press_sequentially("prefet", delay=40)
    results = page.locator("#home-results .search-results > li")
    expect(results.first).to_contain_text("select_related")
    assert results.count() == 2  # the question-title match ranks above the passing mention
    expect(results.nth(1)).to_contain_text("Q")
    expect(page.locator("#home-results mark").first).to_be_visible()

    results.first.locator("a").click()
    expect(page).to_have_url(live_server.url + "/q/django-select-related-vs-prefetch-related/")
    expect(page.locator("h1")).to_contain_text("prefetch_related()")
    keyword = page.locator("figure.code pre.highlight span.kn").first  # Pygments keyword token
    expect(keyword).to_have_text("from")
    expect(page.locator("figure.code button.copy").first).to_be_visible()
    page.locator(".toc a[href='#pitfalls']").click()
    expect(page).to_have_url(live_server.url + "/q/django-select-related-vs-prefetch-related/#pitfalls")


def log_in(browser, live_server, username):
    page = browser.new_context().new_page()
    page.goto(live_server.url + "/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill("correct horse battery staple")
    page.get_by_role("button", name="Log in").click()
    return page


def fill_scorecard(page, scores, recommendation):
    for criterion, score in scores.items():
        page.locator(f"input[name='{criterion}'][value='{score}']").check()
    page.get_by_label(recommendation, exact=True).check()
    page.get_by_role("button", name="Submit scorecard").click()


def test_plan_conduct_score_and_a_blind_panel(live_server, transactional_db, plan_bank, people, browser):
    from playwright.sync_api import expect

    alice = log_in(browser, live_server, "alice")
    expect(alice.get_by_role("heading", name="Interviews", exact=True)).to_be_visible()
    alice.get_by_role("link", name="New candidate").click()
    alice.get_by_label("Name").fill("Grace Hopper")
    alice.get_by_label("Level").select_option("mid")
    alice.get_by_label("Position").fill("Full stack developer")
    alice.get_by_role("button", name="Add candidate").click()
    candidate_url = alice.url

    # Plan one technical screening for alice and one for bob.
    alice.get_by_label("Format and round").select_option("technical-screening:0")
    alice.get_by_label("Interviewer").select_option(label="alice")
    alice.get_by_role("button", name="Build the plan").click()
    expect(alice.get_by_role("heading", name="Core technology questions")).to_be_visible()
    assert alice.locator(".plan-items li").count() >= 3
    interview_url = alice.url
    alice.goto(candidate_url)
    alice.get_by_label("Format and round").select_option("technical-screening:0")
    alice.get_by_label("Interviewer").select_option(label="bob")
    alice.get_by_label("Seed").fill("2")
    alice.get_by_role("button", name="Build the plan").click()

    # Conduct: timer, keyboard, model answer, notes saved as you type.
    alice.goto(interview_url + "conduct/")
    alice.keyboard.press("t")
    expect(alice.locator("#timer-toggle")).to_have_text("Pause timer")
    alice.keyboard.press("j")
    alice.keyboard.press("o")
    expect(alice.locator(".live-question").first.locator("details")).to_have_attribute("open", "")
    alice.keyboard.press("n")
    alice.keyboard.type("Clear on JOINs; missed prefetch")
    expect(alice.locator(".save-state").first).to_have_text("Saved")

    alice.get_by_role("link", name="Fill in the scorecard").click()
    fill_scorecard(alice, {"technical": 5, "problem_solving": 3, "communication": 4, "code_quality": 4}, "Yes")
    expect(alice.locator(".decision")).to_contain_text("4.15")
    expect(alice.locator(".decision")).to_contain_text("Hire")
    # No ORM calls while Playwright runs: its greenlet would open a second database connection
    # that outlives the test (PostgreSQL then refuses to drop the test database).
    alice_card_url = alice.url
    assert "/interviews/scorecards/" in alice_card_url

    # Bob cannot see alice's scores until he submits his own.
    bob = log_in(browser, live_server, "bob")
    bob.goto(candidate_url)
    expect(bob.locator(".panel")).to_contain_text("1 other scorecard submitted")
    expect(bob.locator("body")).not_to_contain_text("4.15")
    response = bob.goto(alice_card_url)
    assert response.status == 404
    bob.goto(live_server.url + "/interviews/")  # his own interview is on his dashboard
    bob.get_by_role("link", name="Scorecard", exact=True).click()
    fill_scorecard(bob, {"technical": 3, "problem_solving": 3, "communication": 3, "code_quality": 3}, "No")
    expect(bob.locator(".decision")).to_contain_text("Borderline")
    bob.goto(candidate_url)
    expect(bob.locator(".panel")).to_contain_text("Interviewers differ by 2 on Technical skills")
    assert bob.goto(alice_card_url).status == 200
    expect(bob.locator(".decision")).to_contain_text("4.15")
