"""The words of the action-plan page (import a plan from YAML or .xlsx, the template), in
Swedish (the default) and English; merged into `web.words.WORDS`."""

from __future__ import annotations

PLANS: dict[str, dict[str, str]] = {
    "nav.plans": {"sv": "Handlingsplan", "en": "Action plan"},
    "plans.title": {"sv": "Handlingsplan", "en": "Action plan"},
    "plans.intro": {
        "sv": "Läs in årets handlingsplan från en Excel-arbetsbok (.xlsx) eller en YAML-fil. "
        "Hela filen kontrolleras först: finns något fel importeras ingenting, och varje fel "
        "visas med sin plats i filen. Rätta filen och ladda upp den igen.",
        "en": "Read the year's action plan from an Excel workbook (.xlsx) or a YAML file. The "
        "whole file is checked first: with any error nothing is imported, and each error is "
        "shown with its place in the file. Correct the file and upload it again.",
    },
    "plans.years": {"sv": "Inlästa planer", "en": "Plans read in"},
    "plans.no_years": {"sv": "Ingen plan är inläst än.", "en": "No plan has been read in yet."},
    "plans.template": {"sv": "Mall att utgå från", "en": "A template to start from"},
    "plans.template_xlsx": {
        "sv": "Ladda ned mallen som Excel-arbetsbok (.xlsx)",
        "en": "Download the template as an Excel workbook (.xlsx)",
    },
    "plans.template_yaml": {
        "sv": "Ladda ned mallen som YAML-fil",
        "en": "Download the template as a YAML file",
    },
    "plans.template_hint": {
        "sv": "Mallen har bladen Plan, Områden, Mål och Åtgärder med en exempelrad i vart "
        "och ett, och ett blad med instruktioner.",
        "en": "The template has the sheets Plan, Areas, Goals and Measures with an example row "
        "in each, and a sheet of instructions.",
    },
    "plans.upload": {"sv": "Läs in en plan", "en": "Read in a plan"},
    "plans.year": {"sv": "Planens år", "en": "The plan's year"},
    "plans.year_hint": {"sv": "Till exempel 2026.", "en": "For example 2026."},
    "plans.file": {"sv": "Fil med planen", "en": "File with the plan"},
    "plans.file_hint": {
        "sv": "En Excel-arbetsbok (.xlsx) eller en YAML-fil (.yaml), högst 5 MB.",
        "en": "An Excel workbook (.xlsx) or a YAML file (.yaml), at most 5 MB.",
    },
    "plans.button": {"sv": "Kontrollera och importera", "en": "Check and import"},
    "plans.not_manager": {
        "sv": "Bara den som hanterar handlingsplaner kan läsa in en plan här.",
        "en": "Only those who manage action plans can read in a plan here.",
    },
    "plans.problems": {
        "sv": "Inget importerades. Filen har {n} fel: rätta dem och ladda upp filen igen.",
        "en": "Nothing was imported. The file has {n} errors: correct them and upload it again.",
    },
    "plans.problems_caption": {"sv": "Fel i {name}", "en": "Errors in {name}"},
    "plans.place": {"sv": "Plats", "en": "Place"},
    "plans.problem": {"sv": "Fel", "en": "Error"},
    "plans.bad.year": {
        "sv": "Ange planens år med fyra siffror, till exempel 2026.",
        "en": "Enter the plan's year in four digits, for example 2026.",
    },
    "plans.bad.file": {
        "sv": "Välj en fil med planen (.xlsx eller .yaml).",
        "en": "Choose a file with the plan (.xlsx or .yaml).",
    },
    "plans.bad.kind": {
        "sv": "Filen ska vara en Excel-arbetsbok (.xlsx) eller en YAML-fil (.yaml eller .yml).",
        "en": "The file must be an Excel workbook (.xlsx) or a YAML file (.yaml or .yml).",
    },
    "plans.bad.size": {
        "sv": "Filen är för stor (högst 5 MB).",
        "en": "The file is too big (at most 5 MB).",
    },
    "plans.done.imported": {
        "sv": "Handlingsplanen för {year} är importerad: {created} nya åtgärder, {updated} "
        "ändrade.",
        "en": "The action plan for {year} is imported: {created} new measures, {updated} changed.",
    },
    "plans.done.unchanged": {
        "sv": "Handlingsplanen för {year} var redan inläst: inget ändrades.",
        "en": "The action plan for {year} was read in already: nothing changed.",
    },
}
