"""The built site in real headless Chromium."""

from __future__ import annotations

import pytest

pytestmark = [pytest.mark.browser]


def test_home_opens_without_third_party_requests(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert "L’ODD 17 en pratique" in page.title()
    page.wait_for_load_state("networkidle")
    assert page.external_requests == []


def test_search_finds_an_example(page, site_url: str) -> None:  # noqa: ANN001
    page.goto(site_url)
    page.locator("input.md-search__input").click()
    page.keyboard.type("Deloitte", delay=50)
    result = page.locator(".md-search-result__item a").first
    result.wait_for(timeout=15000)
    assert "deloitte" in result.get_attribute("href").lower()
