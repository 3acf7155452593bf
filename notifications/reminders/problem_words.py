"""What a sweep could not do, in the words a person reads: Swedish by default, English on
request (the daemon's warnings, the notes of `rsp remind run-once`, the process lead's
digest)."""

from __future__ import annotations

from collections.abc import Sequence

from process.core.words import phrase

PROBLEMS: dict[str, dict[str, str]] = {
    "milestone_nobody": {
        "sv": "{programme}: milstolpe {state}: ingen som har rollen {roles} har en e-postadress",
        "en": "{programme}: milestone {state}: no one holding {roles} has an e-mail address",
    },
    "measure_no_body": {
        "sv": "insats {code} ({year}): ingen ansvarig aktör; ingen att påminna",
        "en": "measure {code} ({year}): no responsible body; nobody to remind",
    },
    "measure_lead_no_email": {
        "sv": "insats {code} ({year}): den ledande aktören {body} har ingen e-postadress",
        "en": "measure {code} ({year}): the lead body {body} has no e-mail address",
    },
    "remiss_no_email": {
        "sv": "remiss {id}: {body} har ingen e-postadress",
        "en": "remiss {id}: {body} has no e-mail address",
    },
    "rules_broken": {
        "sv": "{programme}: dess påminnelseregler kan inte användas, så inga av dess "
        "påminnelser skickas: {error}",
        "en": "{programme}: its reminder rules cannot be used, so none of its "
        "reminders are sent: {error}",
    },
    "programme_failed": {
        "sv": "program {id}: dess påminnelser misslyckades: {error}",
        "en": "programme {id}: its reminders failed: {error}",
    },
    "mail_not_made": {
        "sv": "{subject} till {address}: {error}",
        "en": "{subject} to {address}: {error}",
    },
    "or": {"sv": " eller ", "en": " or "},
    "a_role": {"sv": "någon roll", "en": "a role"},
}


def problem(key: str, lang: str, **values: object) -> str:
    """One problem's text in the wanted language."""
    return phrase(PROBLEMS, key, lang, **values)


def roles_text(roles: Sequence[str], lang: str) -> str:
    """'board or working_group' ('board eller working_group'); 'a role' when none."""
    return problem("or", lang).join(roles) or problem("a_role", lang)
