"""The browser interface under load (issue 14): on PostgreSQL with the 21-region database
(tests/scale.py), 20 signed-in people at once, each asking for their programme's overview
and "Mina uppgifter". The p50 and p95 latency of each page at most 1.5x the floor's: the
same application, one uvicorn worker each, with sign-in and access answered from memory
(tests/bench/web_floor.py), so that the floor renders the same template from the same
queries; measured in the same run, rounds alternating. Requests per second per worker are
reported."""

from __future__ import annotations

import email
import email.policy
import os
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from process.storage import schema
from process.storage.database import open_database
from tests import scale
from tests.bench.benchutil import report
from tests.support import HANG_GUARD, ROOT, postgres_schema_url
from tests.webserver import free_port, wait_for
from tests.websupport import csrf_of, link_and_code

pytestmark = [pytest.mark.bench, pytest.mark.postgres]

PEOPLE = 20
ROUNDS, PER_ROUND = 4, 10  # per person and round: 20 x 10 requests a round
TARGET = 1.5
PAGES = {"overview": "/p/{key}", "tasks": "/p/{key}/tasks"}


@contextmanager
def uvicorn(factory: str, env: dict[str, str]) -> Iterator[str]:
    """One uvicorn worker serving `factory` on a free loopback port, until the block ends."""
    port = free_port()
    env = {**env, "RSP_BASE_URL": f"http://127.0.0.1:{port}"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            factory,
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--log-level",
            "warning",
            "--no-access-log",
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    url = f"http://127.0.0.1:{port}"

    def answers() -> bool:
        if proc.poll() is not None:
            raise AssertionError(f"{factory} exited: {proc.stderr.read() if proc.stderr else ''}")
        try:
            return httpx.get(url + "/healthz", timeout=HANG_GUARD).status_code == 200
        except httpx.TransportError:
            return False

    try:
        wait_for(answers, f"{factory} answering /healthz")
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=HANG_GUARD)
        except subprocess.TimeoutExpired:  # hang guard
            proc.kill()


def sign_in(url: str, outbox: Path, address: str) -> httpx.Client:
    """A browser signed in by the mailed link, as a person does it."""
    client = httpx.Client(timeout=HANG_GUARD, follow_redirects=False)
    before = set(outbox.glob("*.eml"))
    page = client.get(url + "/sign-in")
    r = client.post(
        url + "/sign-in/email", data={"csrf": csrf_of(page.text), "email": address, "next": "/"}
    )
    assert r.status_code == 303, r.text
    new = wait_for(lambda: set(outbox.glob("*.eml")) - before, f"the sign-in mail to {address}")
    msg = email.message_from_bytes(next(iter(new)).read_bytes(), policy=email.policy.default)
    token, _code = link_and_code(msg)  # type: ignore[arg-type]
    page = client.get(url + "/sign-in/link", params={"token": token})
    r = client.post(url + "/sign-in/link", data={"csrf": csrf_of(page.text), "token": token})
    assert r.status_code == 303, r.text
    return client


def one_round(
    url: str, browsers: list[tuple[httpx.Client, str]], path: str
) -> tuple[list[float], float]:
    """Every browser asks for its page PER_ROUND times, all at once; (latencies, wall)."""
    latencies: list[float] = []
    lock = threading.Lock()
    failures: list[str] = []

    def browse(client: httpx.Client, key: str) -> None:
        mine = []
        for _ in range(PER_ROUND):
            start = time.perf_counter()
            r = client.get(url + path.format(key=key))
            mine.append(time.perf_counter() - start)
            if r.status_code != 200:
                failures.append(f"{path.format(key=key)}: {r.status_code}")
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=browse, args=b) for b in browsers]
    start = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures, failures[:3]
    return latencies, time.perf_counter() - start


def p(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


def test_pages_under_twenty_signed_in_people(tmp_path: Path) -> None:
    with postgres_schema_url() as db_url:
        db = open_database(db_url)
        try:
            schema.upgrade(db)
            scale.build(db)
            with db.engine.begin() as conn:
                conn.exec_driver_sql("ANALYZE")
        finally:
            db.dispose()
        outbox = tmp_path / "outbox"
        env = {k: v for k, v in os.environ.items() if not k.startswith("RSP_")}
        env.update(
            RSP_DATABASE_URL=db_url,
            RSP_NOW=scale.NOW.isoformat(),
            RSP_MAIL_TRANSPORT="file",
            RSP_OUTBOX_DIR=str(outbox),
            RSP_MAIL_FROM="Regionalt serviceprogram <rsp@region.example>",
        )
        slugs = [slug for slug, _region in scale.REGIONS][:PEOPLE]
        with (
            uvicorn("web.app:app_from_env", env) as subject,
            uvicorn("tests.bench.web_floor:app_from_env", env) as floor,
        ):
            browsers = [
                (sign_in(subject, outbox, f"{scale.lead(s)}@{s}.example"), scale.programme_key(s))
                for s in slugs
            ]
            for name, path in PAGES.items():
                one_round(subject, browsers, path)  # warm both
                one_round(floor, browsers, path)
                mine: list[float] = []
                bare: list[float] = []
                wall = 0.0
                for _ in range(ROUNDS):
                    lat, took = one_round(subject, browsers, path)
                    mine += lat
                    wall += took
                    bare += one_round(floor, browsers, path)[0]
                for q in (50, 95):
                    ratio = report(
                        f"web {name} p{q}, {PEOPLE} people (PostgreSQL, 21 regions)",
                        p(mine, q),
                        p(bare, q),
                        TARGET,
                        page=name,
                        quantile=q,
                    )
                    assert ratio <= TARGET, f"{name} p{q}: {ratio:.2f}x the floor"
                per_second = len(mine) / wall
                print(f"BENCH web {name}: {per_second:.0f} requests/s on one worker")
            for client, _key in browsers:
                client.close()
