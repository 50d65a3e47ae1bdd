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
def browser_page():
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the ORM calls the test makes
    # around it are synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        )
        page = browser.new_page()
        yield page
        browser.close()


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
