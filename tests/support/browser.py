"""The browser for the browser tests and the benchmark."""

from __future__ import annotations

import os
import shutil
from contextlib import contextmanager
from urllib.parse import urlsplit

# Chromium without its background connections: this machine's network is closed, and a test must see only the site's requests.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def find_chromium() -> str | None:
    """$ATLAS_CHROMIUM, else Debian's chromium, else a Chrome already on the machine (GitHub's runners have one)."""
    candidates = [
        os.environ.get("ATLAS_CHROMIUM"),
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
        shutil.which("google-chrome-stable"),
    ]
    return next((path for path in candidates if path and os.path.exists(path)), None)


def serious_violations(page) -> list[str]:
    """What axe finds serious or critical in the page as a reader sees it: after two frames, since
    Material's script sets its sidebars' height on an animation frame (once, in a full test run,
    axe found a sidebar scrollable without focusable content before that)."""
    from axe_playwright_python.sync_playwright import Axe

    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    violations = Axe().run(page).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
        for v in violations
        if v["impact"] in ("serious", "critical")
    ]


@contextmanager
def offline_page(browser, base_url: str):
    """A fresh page of a new context whose requests to any host but the test server are refused:
    (the page, the addresses it asked for elsewhere), for the caller to judge."""
    context = browser.new_context(base_url=base_url)
    outside: list[str] = []

    def route(request_route):
        if urlsplit(request_route.request.url).hostname == "127.0.0.1":
            request_route.continue_()
        else:
            outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    page = context.new_page()
    page.set_default_timeout(10_000)
    try:
        yield page, outside
    finally:
        context.close()
