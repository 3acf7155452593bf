"""End-to-end helpers for the browser interface: the real `rsp serve` as a subprocess on a
real database, Playwright driving Debian's Chromium (no browser download), axe-core's WCAG
2.1 A/AA rules on every page, screenshots at 1280 and 390 px kept with RSP_SCREENSHOTS.

Waiting is on conditions (the server printing its address and answering /healthz, a mail
arriving), each under a generous hang guard named as such, never on a fixed sleep."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support import HANG_GUARD, RSP

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
WCAG = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}
WIDTHS = (("desktop", 1280, 900), ("phone", 390, 844))
SCREENSHOTS = os.environ.get("RSP_SCREENSHOTS")


def chromium_path() -> str:
    """Debian's Chromium, or skip (fail with CI=true, where .ci/run installs it)."""
    found = (
        os.environ.get("RSP_CHROMIUM")
        or shutil.which("chromium")
        or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    )
    if found:
        return found
    message = (
        "Chromium is not installed, so the pages are not tried in a browser; install "
        "Debian's package: apt-get install chromium (or set RSP_CHROMIUM)"
    )
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("CI requires Chromium (.ci/run installs it): " + message)
    pytest.skip(message)


def wait_for(condition: Callable[[], Any], what: str, guard: float = HANG_GUARD) -> Any:
    """Poll `condition` until it returns something true; fail naming `what` after the
    hang guard."""
    deadline = time.monotonic() + guard
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"hang guard: {what} did not happen in {guard:.0f} s")
        time.sleep(0.05)


@dataclass
class Server:
    """A running `rsp serve`: its address and its output so far."""

    url: str
    process: subprocess.Popen[str]
    lines: list[str]


@contextmanager
def rsp_serve(db: Path, now: str, env: dict[str, str], port: int = 0) -> Iterator[Server]:
    """`rsp --now NOW serve --db DB --port PORT` (0: any free one), until the block ends;
    waits until it answers."""
    full_env = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
    full_env.update(env)
    proc = subprocess.Popen(
        [RSP, "--now", now, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=full_env,
    )
    lines: list[str] = []
    try:
        url = None
        assert proc.stdout is not None
        for line in proc.stdout:  # ends if the server exits
            lines.append(line)
            found = re.search(r"(?:lyssnar på|listening on) (http://\S+?)/ ", line)
            if found:
                url = found.group(1)
                break
        assert url, "rsp serve did not start:\n" + "".join(lines)
        wait_for(lambda: _answers(url), "rsp serve answering /healthz")
        yield Server(url, proc, lines)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=HANG_GUARD)
        except subprocess.TimeoutExpired:  # hang guard
            proc.kill()


def free_port() -> int:
    """A port nothing listens on now (for a server whose address must be known before it
    starts, e.g. to register it with an OpenID provider)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        return httpx.get(url + "/healthz", timeout=HANG_GUARD).text == "ok"
    except httpx.HTTPError:
        return False


class PatientBrowser:
    """Chromium whose every window waits for the page as long as the hang guard allows
    (Playwright's own default, 30 s, is a wall-clock limit a busy machine can exceed)."""

    def __init__(self, browser: Any) -> None:
        self.browser = browser

    def new_context(self, **options: Any) -> Any:
        """A new window with its own cookies."""
        context = self.browser.new_context(**options)
        context.set_default_timeout(HANG_GUARD * 1000)
        context.set_default_navigation_timeout(HANG_GUARD * 1000)
        return context


@contextmanager
def chromium() -> Iterator[PatientBrowser]:
    """Playwright's Chromium: Debian's binary, no download."""
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    binary = chromium_path()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=binary, args=CHROMIUM_ARGS, timeout=HANG_GUARD * 1000
        )
        try:
            yield PatientBrowser(browser)
        finally:
            browser.close()


class Checker:
    """Runs axe-core on pages and keeps screenshots of them (at both widths)."""

    def __init__(self, folder: Path) -> None:
        from axe_playwright_python.sync_playwright import Axe

        self.axe = Axe()
        self.folder = Path(SCREENSHOTS) if SCREENSHOTS else folder
        self.folder.mkdir(parents=True, exist_ok=True)
        self.checked: list[str] = []

    def check(self, page: Any, name: str) -> None:
        """Zero WCAG 2.1 A/AA violations on the page as it is, at desktop and phone widths,
        with a screenshot of each; no page wider than the phone."""
        size = page.viewport_size
        for width_name, width, height in WIDTHS:
            page.set_viewport_size({"width": width, "height": height})
            results = self.axe.run(page, options=WCAG)
            assert results.violations_count == 0, (
                f"{name} ({width_name}): axe-core WCAG 2.1 A/AA violations:\n"
                + results.generate_report()
            )
            wide = page.evaluate("document.documentElement.scrollWidth")
            assert wide <= width, f"{name} ({width_name}): {wide} px wide, wider than {width}"
            page.screenshot(path=str(self.folder / f"{name}-{width_name}.png"), full_page=True)
        page.set_viewport_size(size)
        self.checked.append(name)
