"""The HTML digest of the demo programme, looked at in a real browser: Debian's headless
Chromium renders the file `rsp demo` writes (as of the adoption, 23 May 2023) to PNG
screenshots at desktop and phone widths; the page logs nothing to the console, has
every section, fits the phone's width, and draws the timeline's markers.

Console messages: Chromium started with `--enable-logging=stderr --v=0` writes every
console message (errors included) as an `INFO:CONSOLE` line on stderr; the digest has no
script, so any such line is a failure. A page with a console.error checks that this
still holds for the Chromium installed. Layout is read by a small probe script in a page
that shows the digest in a frame of the wanted width (the digest itself stays
script-free), whose findings `--dump-dom` prints. No DevTools protocol needed.

Without Chromium the test is skipped (install it: `apt-get install chromium`); in CI
(CI=true) it fails instead, because `.ci/run` installs it.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import struct
import subprocess
import tempfile
from pathlib import Path

import pytest

from process.demo.timetable import DIGEST
from tests.support import HANG_GUARD, run_rsp

FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
    "--enable-logging=stderr",
    "--v=0",
)
DESKTOP, PHONE = (1280, 2000), (390, 2000)
SECTIONS = (
    "header",
    "stage",
    "milestones",
    "timeline",
    "decisions",
    "pending",
    "measures",
    "overdue",
    "due-soon",
)
SCREENSHOTS = os.environ.get("RSP_SCREENSHOTS")  # a folder to keep the PNGs in, if set
PROBE = """<!DOCTYPE html><html><body style="margin:0">
<iframe id="page" width="%(width)d" height="%(height)d" style="border:0" srcdoc="%(page)s"></iframe>
<script>window.addEventListener('load', function () {
  var doc = document.getElementById('page').contentDocument, win = doc.defaultView;
  var d = doc.documentElement, r = {scrollWidth: d.scrollWidth,
    innerWidth: win.innerWidth, sections: {}, markers: []};
  %(sections)s.forEach(function (id) { var e = doc.getElementById(id);
    r.sections[id] = e ? Math.round(e.getBoundingClientRect().height) : -1; });
  doc.querySelectorAll('tr.milestone').forEach(function (tr) {
    var lanes = tr.nextElementSibling.querySelectorAll('td[data-kind="planned"]');
    var actual = tr.nextElementSibling.nextElementSibling.querySelectorAll(
      'td[data-kind^="actual_"]');
    [].slice.call(lanes).concat([].slice.call(actual)).forEach(function (td) {
      var b = td.getBoundingClientRect();
      r.markers.push([tr.getAttribute('data-state'), td.getAttribute('data-kind'),
        b.width, b.height, win.getComputedStyle(td).backgroundColor]); }); });
  document.body.setAttribute('data-probe', JSON.stringify(r));
});</script></body></html>"""


def chromium() -> str:
    """The Chromium binary, or skip (fail in CI) with what to do."""
    found = (
        os.environ.get("RSP_CHROMIUM")
        or shutil.which("chromium")
        or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    )
    if found:
        return found
    message = (
        "Chromium is not installed, so the digest is not looked at in a browser; "
        "install Debian's package: apt-get install chromium (or set RSP_CHROMIUM)"
    )
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail("CI requires Chromium (.ci/run installs it): " + message)
    pytest.skip(message)


def run_chromium(
    binary: str, page: Path, *args: str, size: tuple[int, int] = DESKTOP
) -> subprocess.CompletedProcess[str]:
    """One headless run on a fresh profile (a new --user-data-dir each time)."""
    with tempfile.TemporaryDirectory(prefix="rsp-chromium-") as profile:
        proc = subprocess.run(
            [
                binary,
                *FLAGS,
                f"--user-data-dir={profile}",
                f"--window-size={size[0]},{size[1]}",
                *args,
                page.as_uri(),
            ],
            capture_output=True,
            text=True,
            timeout=HANG_GUARD,
        )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def console_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR", f"{path} is no PNG"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def probe(binary: str, page: Path, tmp_path: Path, size: tuple[int, int]) -> dict:
    """Layout facts of the page shown in a frame of `size` (a headless window is at least
    500 px wide, a frame can be a phone's width), read by a script beside the frame."""
    copy = tmp_path / f"probe-{size[0]}.html"
    copy.write_text(
        PROBE
        % {
            "width": size[0],
            "height": size[1],
            "page": html.escape(page.read_text(encoding="utf-8")),
            "sections": json.dumps(SECTIONS),
        },
        encoding="utf-8",
    )
    dom = run_chromium(binary, copy, "--dump-dom").stdout
    found = re.search(r'data-probe="([^"]*)"', dom)
    assert found, "the probe did not run"
    return json.loads(html.unescape(found.group(1)))


@pytest.fixture(scope="module")
def demo_digest(tmp_path_factory: pytest.TempPathFactory) -> Path:
    workspace = tmp_path_factory.mktemp("demo") / "ws"
    r = run_rsp("demo", "--workspace", str(workspace), db="unused", user=None)
    assert r.returncode == 0, r.stderr[-2000:]
    path = workspace / DIGEST
    assert f"The steering group's digest as of the adoption (2023-05-23): {path}" in r.stdout
    return path


def test_the_console_check_catches_errors(tmp_path):
    binary = chromium()
    bad = tmp_path / "bad.html"
    bad.write_text(
        "<!DOCTYPE html><p>x</p><script>console.error('trasigt');</script>", encoding="utf-8"
    )
    assert any(
        "trasigt" in line for line in console_lines(run_chromium(binary, bad, "--dump-dom").stderr)
    )


def test_the_demo_digest_in_chromium(demo_digest, tmp_path):
    binary = chromium()
    page = demo_digest.read_text(encoding="utf-8")
    assert "<script" not in page.lower()
    for external in ("src=", "href=", "url(", "@import", "http://", "https://"):
        assert external not in page, f"the digest refers to something outside it: {external}"
    dom = run_chromium(binary, demo_digest, "--dump-dom")
    assert console_lines(dom.stderr) == []
    for section in SECTIONS:
        assert f'id="{section}"' in dom.stdout
    for text in (
        "Veckorapport: Regionalt serviceprogram 2022-2030",
        "Fastställt av nämnden",
        "23 dagar sent",
        "8 dagar tidigt",
        "enligt plan",
        "2023-05-23 § 89",
        "Beslut som ännu inte vunnit laga kraft",
        "Insatser per prioriterat område",
        # the 2014 plan belongs to the earlier programme: on the adoption day the
        # new one has no plan yet, so nothing is overdue (not 17 plans of 2014)
        "Ingen handlingsplan ännu.",
        "Försenade insatser (0)",
        # the picture shows the last half year; the milestones before it in a line
        "Före 21 november 2022: 3 milstolpar, 3 enligt plan.",
    ):
        assert text in dom.stdout, text
    shots = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    shots.mkdir(parents=True, exist_ok=True)
    for name, size in (("desktop", DESKTOP), ("phone", PHONE)):
        png = shots / f"digest-{name}.png"
        shot = run_chromium(binary, demo_digest, f"--screenshot={png}", size=size)
        assert console_lines(shot.stderr) == []
        assert png_size(png) == size and png.stat().st_size > 20_000
        found = probe(binary, demo_digest, tmp_path, size)
        assert found["scrollWidth"] <= found["innerWidth"] == size[0], found
        assert all(h > 0 for h in found["sections"].values()), found["sections"]
        markers = found["markers"]
        assert len(markers) >= 10  # each drawn milestone's planned marker (6), reached (4)
        assert all(width >= 4 and height >= 5 for _s, _k, width, height, _c in markers), markers
        assert ["adopted", "actual_late", "rgb(197, 34, 31)"] in [
            [s, k, c] for s, k, _w, _h, c in markers
        ]
        print(f"\n  {name}: {png} ({size[0]}x{size[1]}); page {found['scrollWidth']} px wide")
