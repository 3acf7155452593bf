"""`rsp demo --serve`: the replayed demo database served on this machine, with sign-in
links printed on the terminal; the process lead's and the municipal officer's pages of a
programme with three years of history (the officer, in both of the demo's programmes,
first chooses one), looked at in Chromium with axe-core's WCAG 2.1 A/AA
rules (zero violations) at desktop and phone widths."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from typing import Any

import pytest

from tests.support import HANG_GUARD, RSP
from tests.webserver import Checker, chromium, chromium_path, wait_for


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    chromium_path()
    workspace = tmp_path_factory.mktemp("demo") / "ws"
    proc = subprocess.Popen(
        [RSP, "demo", "--workspace", str(workspace), "--serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    found: dict[str, str] = {}
    try:
        assert proc.stdout is not None
        for line in proc.stdout:
            link = re.search(r"sign in as the (process lead|municipal officer) .*: (\S+)$", line)
            if link:
                found[link.group(1)] = link.group(2)
            served = re.search(r"(?:lyssnar på|listening on) (http://\S+?)/ ", line)
            if served:
                found["url"] = served.group(1)
                break
        assert {"url", "process lead", "municipal officer"} <= set(found), found
        yield found
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=HANG_GUARD)
        except subprocess.TimeoutExpired:  # hang guard
            proc.kill()


def signed_in_by_printed_link(browser: Any, link: str, programme: str | None = None) -> Any:
    """Sign in; a person of several programmes first chooses one (`programme`)."""
    page = browser.new_context().new_page()
    page.goto(link)
    page.get_by_role("button", name="Logga in").click()
    if programme:
        wait_for(lambda: page.locator("h1").inner_text() == "Dina program", "the programmes")
        page.get_by_role("link", name=programme).click()
    wait_for(lambda: page.locator("h1").inner_text() == "Översikt", "the overview")
    return page


def test_the_demo_in_the_browser(demo, tmp_path):
    checker = Checker(tmp_path / "screenshots")
    with chromium() as browser:
        lead = signed_in_by_printed_link(browser, demo["process lead"])
        assert "Genomförande" in lead.locator("dl.facts").inner_text()
        checker.check(lead, "demo-overview")
        for name, words in (
            ("Mina uppgifter", "Mina uppgifter"),
            ("Insatser", "Insatser"),
            ("Händelser", "Händelser"),
        ):
            lead.get_by_role("link", name=name, exact=True).click()
            assert lead.locator("h1").inner_text() == words
            checker.check(lead, f"demo-{name.lower().replace(' ', '-')}")
        assert "NEKAD:" in lead.content()  # the demo's refused attempts, in the history
        lead.goto(demo["url"] + "/p/rsp-2022-2030/measures/2024/1.B")  # the 2024 plan
        assert "Fyra ansökningar om stöd inkomna" in lead.content()
        checker.check(lead, "demo-measure")

        # Eva acts for Länsstyrelsen in both programmes of the demo: she chooses one
        eva = signed_in_by_printed_link(
            browser, demo["municipal officer"], "Regionalt serviceprogram 2022-2030"
        )
        eva.get_by_role("link", name="Mina uppgifter").click()
        eva.wait_for_url(re.compile(r".*/tasks$"))
        eva.wait_for_load_state()  # the whole page, not mid-navigation
        assert "Insatser där din organisation är ansvarig." in eva.content()
        used = browser.new_context().new_page()
        used.goto(demo["process lead"])  # a printed link is used once, too
        assert used.locator("h1").inner_text() == "Länken har redan använts"
