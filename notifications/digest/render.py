"""The digest as HTML (autoescaped, self-contained, inline styles for mail clients, table
bars for the pictures), plain text or Markdown (neither escaped), from Jinja2 templates
in `notifications/templates/` (or RSP_TEMPLATE_DIR, sandboxed: `process.templating`).
Swedish by default, English on request.
"""

from __future__ import annotations

from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from notifications.digest.words import position_word, w
from process.core.catalogue import section
from process.core.words import label
from process.reports import templating

if TYPE_CHECKING:
    import jinja2

TEMPLATES = templating.bundled_folder(Path(__file__).resolve().parent.parent / "templates")
FORMATS = ("html", "text", "md")
_FILES = {"html": "digest.html", "text": "digest.txt", "md": "digest.md"}

# Colours of the picture's cells (kinds from notifications.timeline) and of measure states.
COLOURS = {
    "empty": "#e8ecf0",
    "today": "#3c4043",
    "planned": "#80868b",
    "span_late": "#f6b8b0",
    "span_early": "#b6d4f7",
    "span_overdue": "#fbd48a",
    "actual": "#188038",
    "actual_on_plan": "#188038",
    "actual_late": "#c5221f",
    "actual_early": "#1967d2",
    "actual_overdue": "#e37400",
}
STATE_COLOURS = {
    "planned": "#9aa0a6",
    "ongoing": "#1a73e8",
    "postponed": "#f29900",
    "done": "#34a853",
    "followed_up": "#0d652d",
    "cancelled": "#d93025",
    "carried_over": "#a142f4",
}
_PALETTE = ("#12b5cb", "#e52592", "#795548", "#5f6368", "#fa7b17", "#7cb342")
NOTE_COLOURS = {
    "on_plan": "#188038",
    "early": "#1967d2",
    "late": "#c5221f",
    "overdue": "#b06000",
    "upcoming": "#5f6368",
    "unplanned": "#5f6368",
}
STEP_WORDS = section("digest_step")


def state_colour(state: str) -> str:
    """The colour of a measure state (a stable fallback for states rsp does not know)."""
    if state in STATE_COLOURS:
        return STATE_COLOURS[state]
    return _PALETTE[sum(map(ord, state)) % len(_PALETTE)]


def colour(kind: str) -> str:
    """The colour of a picture cell: a timeline kind, or 'state:<measure state>'."""
    if kind.startswith("state:"):
        return state_colour(kind[6:])
    return COLOURS.get(kind, COLOURS["empty"])


def step_text(step: str, lang: str) -> str:
    """Where a decision stands on its way to being final, in words."""
    entry = STEP_WORDS.get(step)
    return label(entry, lang) if entry else step


@lru_cache(maxsize=4)
def _environment(_override: str | None) -> jinja2.Environment:
    env = templating.sandbox(templating.search_path(TEMPLATES))
    env.globals.update(colour=colour, note_colours=NOTE_COLOURS, state_colour=state_colour)
    return env


def render(data: dict[str, Any], fmt: str = "html") -> str:
    """The digest in a format: html, text or md (RSP_TEMPLATE_DIR's template if there)."""
    if fmt not in FORMATS:
        raise ValueError(f"format {fmt!r}: use one of {', '.join(FORMATS)}")
    lang = data["lang"]
    template = templating.load(_environment(templating.override_key()), _FILES[fmt])
    return templating.render(
        template,
        {  # partials: a user template's worker gets them
            "checkpoint": None,
            "replay": False,
            "page": "",  # data built before these existed
            **data,
            "w": partial(w, lang=lang),
            "step": partial(step_text, lang=lang),
            "position": partial(position_word, lang=lang),
        },
    )
