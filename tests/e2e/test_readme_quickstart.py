"""The README's promises about its shell blocks (issue 16, point 5).

Marker convention: a ```sh (or ```bash) block of README.md is *runnable* when the line
right before its opening fence is an HTML comment starting with `<!-- runnable` (invisible
on GitHub), e.g.

    <!-- runnable: tests/e2e/test_readme_quickstart.py runs this block -->
    ```sh
    ...
    ```

Every runnable block, in README order, is run as one bash script (`set -euo pipefail`)
through the real `rsp`, in a fresh temporary folder (so `./rsp.db` is a new database),
without any RSP_* variable of the caller. The quick start's set-up lines need what a
fresh checkout has: `make install` is satisfied by the test's own installation (a `make`
that knows only `install`), and `. .venv/bin/activate` finds a `.venv/bin/activate` in
the folder that puts this rsp on PATH. Any failing command fails the test, with its
output.

Every other shell block must at least paste safely: no `a|b` alternatives or `[--opt]`
optional parts on a command line (they belong in comments), no unquoted `<placeholder>`
(a shell redirection) — pasting `--position agrees|comments` once recorded a reply
before the shell failed.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.support import HANG_GUARD, ROOT

README = ROOT / "README.md"
FENCE = re.compile(r"^```(sh|bash)\s*$")


def shell_blocks() -> list[tuple[int, bool, str]]:
    """(line number, runnable?, text) of each ```sh/```bash block of the README."""
    lines = README.read_text(encoding="utf-8").splitlines()
    out, i = [], 0
    while i < len(lines):
        if FENCE.match(lines[i]):
            runnable = i > 0 and lines[i - 1].strip().startswith("<!-- runnable")
            j = i + 1
            while not lines[j].startswith("```"):
                j += 1
            out.append((i + 1, runnable, "\n".join(lines[i + 1 : j])))
            i = j
        i += 1
    return out


def test_the_quick_start_runs_as_written(tmp_path):
    blocks = [text for _line, runnable, text in shell_blocks() if runnable]
    assert blocks, "no README block is marked <!-- runnable -->"
    bin_dir = Path(sys.executable).parent
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "activate").write_text(
        f'export PATH="{bin_dir}:$PATH"\n', encoding="utf-8"
    )
    prelude = (
        "set -euo pipefail\n"
        'make() { if [ "$*" = install ]; then return 0; fi; '
        'echo "make $*: not available in the README test" >&2; return 1; }\n'
    )
    script = prelude + "\n".join(blocks) + "\n"
    env = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
    env["PATH"] = "/usr/bin:/bin"  # rsp only through the README's own activate line
    env["USER"] = env["LOGNAME"] = "it-admin"
    r = subprocess.run(
        ["bash", "-c", script],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=HANG_GUARD,
    )
    assert r.returncode == 0, f"README quick start failed:\n{r.stdout}\n{r.stderr}"
    assert "Traceback" not in r.stderr and "Error" not in r.stderr, r.stderr
    assert (tmp_path / "rsp.db").is_file()
    assert "decide_start: offer_received → start_decided" in r.stdout
    assert "Skede" in r.stdout  # the final `rsp status`, in Swedish


def _command_part(line: str) -> str:
    """The line without its comment and without quoted text."""
    out, quote = [], None
    for i, ch in enumerate(line):
        if quote:
            if ch == quote:
                quote = None
            continue
        if ch in "'\"":
            quote = ch
            continue
        if ch == "#" and (i == 0 or line[i - 1].isspace()):
            break
        out.append(ch)
    return "".join(out)


def test_every_shell_block_pastes_safely():
    problems = []
    for start, _runnable, text in shell_blocks():
        for offset, line in enumerate(text.splitlines(), start=1):
            code = _command_part(line)
            where = f"README.md:{start + offset}: {line.strip()}"
            if re.search(r"[^\s|]\|[^\s|]", code) or re.search(r"\|\s*-", code):
                problems.append(f"{where}  (a|b alternatives: one example, the rest in a comment)")
            if re.search(r"\[-", code):
                problems.append(f"{where}  ([--optional] part: put it in a comment)")
            if code.lstrip().startswith("*"):
                problems.append(f"{where}  (a crontab line: put it in a comment)")
            if re.search(r"<[\w(][^>]*>", code):
                problems.append(f"{where}  (<placeholder> unquoted: a shell redirection)")
    assert not problems, "\n".join(problems)
