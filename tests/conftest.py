"""Shared helpers: the project's paths and a site built once per test session."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from bench import copy_project  # noqa: E402, F401 - one copy of the project, the bench's

CONTENT = ROOT / "content"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
# Fixtures are dated; "today" is fixed so that they never become stale (a warning) over time.
TODAY = dt.date(2026, 11, 22)


def source_date_epoch() -> str:
    """The last commit's date, as ``bash scripts/task build`` gives it to MkDocs (SOURCE_DATE_EPOCH):
    the sitemap's dates then depend on the commit, not on the day of the build."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return os.environ["SOURCE_DATE_EPOCH"]
    result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=ROOT, capture_output=True,
                            text=True)
    return result.stdout.strip() or "0"


# --- Test layers: unit (the default), build, browser ---------------------------------------------
# A test's layer comes from the fixtures it uses, directly or through other fixtures, so that
# `pytest -m "not browser and not build"` runs the unit tests alone, in seconds. A test or a
# fixture that builds a site itself (mkdocs_build, publish) requests ``builds``; building without
# it fails, so a slow test cannot slip into the fast layer.
BUILD_FIXTURES = {"builds", "built_site", "published_site", "site_url", "published_url"}
BROWSER_FIXTURES = {"browser", "page", "page_factory"}
_LAYER = {"build": False}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        used = set(getattr(item, "fixturenames", ()))
        if used & BROWSER_FIXTURES:
            item.add_marker(pytest.mark.browser)
        if used & BUILD_FIXTURES:
            item.add_marker(pytest.mark.build)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    _LAYER["build"] = item.get_closest_marker("build") is not None


@pytest.fixture(scope="session")
def builds() -> None:
    """Request it in a test or fixture that builds a site (it marks the test ``build``)."""


def _check_layer() -> None:
    if not _LAYER["build"]:
        raise RuntimeError("this test builds a site: request the `builds` fixture (tests/conftest.py) "
                           "so that it is marked `build`")


def mkdocs_build(project: Path, site: Path, config: str = "mkdocs.yml", engine: str = "mkdocs",
                 **env_vars: str) -> subprocess.CompletedProcess[str]:
    """Run ``mkdocs build`` as a contributor would, in ``project``, into ``site`` (``engine``:
    ``properdocs`` for the maintained fork of MkDocs 1.x, see maintainers/exit-plan.md)."""
    _check_layer()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "SOURCE_DATE_EPOCH": source_date_epoch(),
           **env_vars}
    return subprocess.run([sys.executable, "-m", engine, "build", "--strict", "-f",
                           str(project / config), "-d", str(site)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=900)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    """The real content built once into a temporary folder."""
    site = tmp_path_factory.mktemp("site")
    result = mkdocs_build(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


# The environment of the published build (`bash scripts/task build` in the Pages deployment): the
# PDFs and downloads, and the two settings (odd17/site/settings.py), here with fictional addresses.
TEST_SITE_URL = "https://kit.test/"
TEST_REPO_URL = "https://github.com/organisation-test/kit-test"
PUBLISHED_ENV = {"ODD17_DOWNLOADS": "true", "ODD17_SITE_URL": TEST_SITE_URL,
                 "ODD17_REPO_URL": TEST_REPO_URL}


def publish(project: Path, site: Path, **env_vars: str) -> subprocess.CompletedProcess[str]:
    """Build ``site`` as `bash scripts/task build` does: the site with its PDFs and downloads,
    then the offline copy (scripts/make_offline.py) when the project has it."""
    env_vars = {**PUBLISHED_ENV, **env_vars}
    result = mkdocs_build(project, site, **env_vars)
    offline = project / "scripts/make_offline.py"
    if result.returncode == 0 and offline.exists():
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": source_date_epoch(),
               **env_vars}
        result = subprocess.run([sys.executable, str(offline), "--site", str(site), "--config",
                                 str(project / "mkdocs.yml")], cwd=project, env=env,
                                capture_output=True, text=True, timeout=900)
    return result


@pytest.fixture(scope="session")
def published_site(tmp_path_factory: pytest.TempPathFactory, builds: None) -> Path:
    """The site as `bash scripts/task build` publishes it (PDFs, downloads, offline copy): what
    the quality gates (integrity, accessibility, determinism) check."""
    site = tmp_path_factory.mktemp("published")
    result = publish(ROOT, site)
    assert result.returncode == 0, result.stderr
    return site


# --- Browser tests: Debian's headless Chromium driven by Playwright (no browser download) -------

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-quic"]


def serve(folder: Path):  # noqa: ANN201 - returns (server, base_url)
    """Serve ``folder`` on a free loopback port in a background thread."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

    handler = functools.partial(Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


@pytest.fixture(scope="session")
def site_url(built_site: Path):  # noqa: ANN201
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def published_url(published_site: Path):  # noqa: ANN201
    server, url = serve(published_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser():  # noqa: ANN201
    """A headless Chromium (Debian's package) shared by the browser tests."""
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: run `bash scripts/task test`, which installs it")
    with playwright_api.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _new_page(browser):  # noqa: ANN001, ANN202
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.external_requests = []  # type: ignore[attr-defined]
    pg.on("request", lambda r: r.url.startswith(("http://127.0.0.1", "file://", "data:", "blob:"))
          or pg.external_requests.append(r.url))  # type: ignore[attr-defined]
    return pg


@pytest.fixture
def page(browser):  # noqa: ANN001, ANN201
    """A fresh page that records every request leaving the machine (there must be none)."""
    pg = _new_page(browser)
    yield pg
    pg.context.close()


@pytest.fixture(scope="session")
def page_factory(browser):  # noqa: ANN001, ANN201
    """Make pages for module- or session-scoped fixtures (closed at the end of the session)."""
    pages = []

    def make():  # noqa: ANN202
        pages.append(_new_page(browser))
        return pages[-1]

    yield make
    for pg in pages:
        pg.context.close()


# --- Figures measured by the quality gates, printed at the end of the run ------------------------

MEASURES: list[str] = []


def pytest_terminal_summary(terminalreporter) -> None:  # noqa: ANN001 - pytest's reporter
    """Print what the gates counted (links checked, pages audited…) so CI logs show the figures."""
    if MEASURES:
        terminalreporter.section("mesures des contrôles de qualité")
        for line in MEASURES:
            terminalreporter.write_line(line)


def search(page, query: str):  # noqa: ANN001, ANN201 - a Playwright page; returns the results
    """Type ``query`` in Material's search once its index is loaded (typing earlier is lost)."""
    page.locator("input.md-search__input").click()
    page.wait_for_function("() => { const m = document.querySelector('.md-search-result__meta');"
                           " return m && !/Initialisation/.test(m.textContent); }", timeout=20000)
    # Material reads the query on key-up: type it as a reader would (fill() alone is not seen).
    page.locator("input.md-search__input").press_sequentially(query)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return results
