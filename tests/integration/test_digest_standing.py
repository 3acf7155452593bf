"""The process lead's digest lists the conditions that stand on every sweep (contact
persons without an e-mail address, reminders that cannot be sent and why), in Swedish or
English, in the text and the HTML; the steering group's digest does not; a condition that
is cleared is gone from the next digest. On a real SQLite file and PostgreSQL."""

from __future__ import annotations

from notifications.digest import data as digest
from notifications.digest import mail as digest_mail
from notifications.digest.render import render
from notifications.mail import outbox
from process.bodies import bodies
from process.core.clock import FixedClock
from process.programme import setup
from process.storage.database import Database
from tests.support import at, make_programme

NO_BOARD = {  # nobody holds the board role: its milestones cannot be reminded of
    "ordforande": ["steering_group"],
    "processledare": ["working_group"],
    "landsbygdsutvecklare": ["service_z"],
}


def build(db: Database, clock: FixedClock, lang: str = "sv", lead: bool = True) -> dict:
    with db.read() as s:
        return digest.build(s, None, clock.now(), lang, lead)


def standing_programme(db: Database, clock: FixedClock) -> None:
    """Anna Berg acts for Bergs kommun without an address; the board's secretary has none."""
    make_programme(db, clock, people=NO_BOARD)
    setup.add_person(db, clock, "it-admin", None, "anna", "Anna Berg", None, [])
    bodies.set_member(db, clock, "processledare", None, "berg", "anna")
    setup.add_person(db, clock, "it-admin", None, "sara", "Sara Sekreterare", None, ["board"])
    clock.set(at("2022-02-10", 7))


def test_the_lead_digest_lists_the_standing_conditions(any_db, clock):
    standing_programme(any_db, clock)
    data = build(any_db, clock)
    groups = {c["key"]: c for c in data["standing"]}
    assert groups["contacts"]["title"] == "Kontaktpersoner utan e-postadress"
    assert "Bergs kommun (Anna Berg)" in groups["contacts"]["entries"]
    assert (
        "Beslutande organ (Regionala utvecklingsnämnden): Sara Sekreterare"
        in groups["contacts"]["entries"]
    )
    assert groups["reminders"]["title"] == "Påminnelser som inte kan skickas"
    assert (
        "rsp-2022-2030: milstolpe start_decided: ingen som har rollen board har en e-postadress"
        in groups["reminders"]["entries"]
    )
    text, html = render(data, "text"), render(data, "html")
    for shown in (text, html):
        assert "Kvarstående problem med påminnelser och utskick" in shown
        assert "Kontaktpersoner utan e-postadress" in shown
        assert "Bergs kommun (Anna Berg)" in shown
        assert "ingen som har rollen board har en e-postadress" in shown
    assert "<li>Bergs kommun (Anna Berg)</li>" in html

    english = build(any_db, clock, "en")
    text_en = render(english, "text")
    assert "Contact persons without an e-mail address" in text_en
    assert "Reminders that cannot be sent" in text_en
    assert "no one holding board has an e-mail address" in text_en
    assert "Kontaktpersoner" not in text_en


def test_the_steering_groups_digest_does_not_show_them(any_db, clock):
    standing_programme(any_db, clock)
    data = build(any_db, clock, lead=False)
    assert "standing" not in data
    for fmt in ("text", "html", "md"):
        shown = render(data, fmt)
        assert "Kontaktpersoner utan e-postadress" not in shown
        assert "Anna Berg" not in shown


def test_a_cleared_condition_is_gone(any_db, clock):
    standing_programme(any_db, clock)
    bodies.set_member(any_db, clock, "processledare", None, "berg", "anna", remove=True)
    setup.edit_person(any_db, clock, "it-admin", None, "sara", None, "sara@x.example")
    data = build(any_db, clock)
    assert data["standing"] == []
    text = render(data, "text")
    assert "Kvarstående problem med påminnelser och utskick ==\nInga." in text
    assert "Anna Berg" not in text and "ingen som har rollen" not in text


def test_the_mailed_lead_copy_carries_them_in_text_and_html(any_db, clock):
    standing_programme(any_db, clock)
    lead = digest_mail.queue(any_db, clock, None, lead=True)
    assert lead.inserted == 1
    with any_db.read() as s:
        row = s.connection().execute(outbox.TABLE.select()).mappings().all()[-1]
    assert row["subject"] == "digest:rsp-2022-2030:lead"
    for body in (row["body_text"], row["body_html"]):
        assert "Bergs kommun (Anna Berg)" in body
        assert "ingen som har rollen board har en e-postadress" in body
    steering = digest_mail.queue(any_db, clock, None)
    assert steering.inserted == 1
    with any_db.read() as s:
        row = s.connection().execute(outbox.TABLE.select()).mappings().all()[-1]
    assert row["subject"] == "digest:rsp-2022-2030"
    assert "Anna Berg" not in row["body_text"] and "Anna Berg" not in row["body_html"]
