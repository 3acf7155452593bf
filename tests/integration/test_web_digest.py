"""The digest in the browser: the weekly mail's content for any period, the process lead's
copy for those who receive it; a date the page cannot read is said beside its field."""

from __future__ import annotations

import pytest

from process.core.decision_refs import parse_decision_ref
from process.workflow import engine
from tests.integration.test_web_pages import signed_in
from tests.support import clock_at, make_programme
from tests.websupport import make_web

P = "/p/rsp-2022-2030"


@pytest.fixture
def web(sqlite_db, tmp_path):
    clock = clock_at("2022-02-22")
    make_programme(sqlite_db, clock)
    engine.advance(
        sqlite_db,
        clock,
        "sekreterare",
        None,
        "decide_start",
        comment="Styrgrupp utsedd",
        decision=parse_decision_ref("2022-02-22 § 17 RUN/536/2021"),
    )
    return make_web(sqlite_db, clock, tmp_path)


def test_the_digest_for_any_period(web):
    chair = signed_in(web, "ordforande")
    page = chair.get(f"{P}/digest")
    assert page.status_code == 200
    assert "Veckorapport: " in page.text and "Perioden 2022-02-15 – 2022-02-22" in page.text
    assert "2022-02-22 § 17, RUN/536/2021" in page.text
    assert "Processledarens exemplar" not in page.text  # not the chair's to read
    page = chair.get(f"{P}/digest", params={"since": "2022-01-01", "until": "2022-02-01"})
    assert "Perioden 2022-01-01 – 2022-02-01" in page.text
    assert "2022-02-22 § 17, RUN/536/2021" not in page.text.split("Beslut som ännu")[0]
    bad = chair.get(f"{P}/digest", params={"since": "förra veckan"})
    assert bad.status_code == 400 and 'id="since-error"' in bad.text
    assert (
        chair.get(f"{P}/digest", params={"since": "2022-03-01", "until": "2022-02-01"}).status_code
        == 400
    )


def test_the_lead_reads_her_copy(web):
    lead = signed_in(web, "processledare")
    page = lead.get(f"{P}/digest", params={"lead": "1"})
    assert "Veckorapport – processledarens exemplar" in page.text
    assert "Nekade försök under perioden" in page.text
