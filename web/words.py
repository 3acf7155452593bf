"""Every word the pages and the sign-in mail say, in Swedish (the default) and English."""

from __future__ import annotations

from process.core.words import phrase
from web.words_admin import ADMIN_WORDS
from web.words_part2 import MORE
from web.words_plans import PLANS

LANGS = ("sv", "en")

WORDS: dict[str, dict[str, str]] = {
    # --- the layout -----------------------------------------------------------------------
    "brand": {"sv": "Regionalt serviceprogram", "en": "Regional service programme"},
    "skip": {"sv": "Hoppa till innehållet", "en": "Skip to content"},
    "nav.main": {"sv": "Huvudmeny", "en": "Main menu"},
    "nav.overview": {"sv": "Översikt", "en": "Overview"},
    "nav.tasks": {"sv": "Mina uppgifter", "en": "My tasks"},
    "nav.measures": {"sv": "Insatser", "en": "Measures"},
    "nav.history": {"sv": "Händelser", "en": "History"},
    "nav.programmes": {"sv": "Alla program", "en": "All programmes"},
    "account": {"sv": "Inloggad som {name}", "en": "Signed in as {name}"},
    "sign_out": {"sv": "Logga ut", "en": "Sign out"},
    "lang.switch": {"sv": "In English", "en": "På svenska"},
    "lang.switch_label": {"sv": "Read this page in English", "en": "Läs sidan på svenska"},
    "footer": {
        "sv": "rsp – uppföljning av regionala serviceprogram",
        "en": "rsp – following up regional service programmes",
    },
    "errors.title": {"sv": "Det finns ett problem", "en": "There is a problem"},
    "errors.prefix": {"sv": "Fel", "en": "Error"},
    "required": {"sv": "obligatoriskt", "en": "required"},
    "optional": {"sv": "frivilligt", "en": "optional"},
    "back": {"sv": "Tillbaka", "en": "Back"},
    "none": {"sv": "Inga", "en": "None"},
    "days": {"sv": "{n} dagar", "en": "{n} days"},
    "day": {"sv": "1 dag", "en": "1 day"},
    # --- sign-in --------------------------------------------------------------------------
    "sign_in.title": {"sv": "Logga in", "en": "Sign in"},
    "sign_in.intro": {
        "sv": "Här följer du och arbetar med det regionala serviceprogrammet: processens "
        "skeden, handlingsplanens insatser och det du själv ska göra.",
        "en": "Here you follow and work on the regional service programme: the stages of "
        "the process, the measures of the action plan and what you yourself are to do.",
    },
    "sign_in.oidc_heading": {
        "sv": "Med ditt organisationskonto",
        "en": "With your organisation's account",
    },
    "sign_in.oidc_button": {"sv": "Logga in med {label}", "en": "Sign in with {label}"},
    "sign_in.oidc_default": {"sv": "organisationskonto", "en": "organisation account"},
    "sign_in.email_heading": {"sv": "Med en länk i e-post", "en": "With a link by e-mail"},
    "sign_in.email_label": {"sv": "Din e-postadress", "en": "Your e-mail address"},
    "sign_in.email_hint": {
        "sv": "Samma adress som är registrerad hos oss, till exempel namn@kommun.se.",
        "en": "The address registered with us, for example name@municipality.se.",
    },
    "sign_in.email_button": {"sv": "Skicka inloggningslänk", "en": "Send sign-in link"},
    "sign_in.bad_address": {
        "sv": "Skriv en e-postadress, till exempel namn@kommun.se.",
        "en": "Enter an e-mail address, for example name@municipality.se.",
    },
    "sign_in.too_many": {
        "sv": "Du har försökt för många gånger. Vänta en kvart och försök igen.",
        "en": "You have tried too many times. Wait a quarter of an hour and try again.",
    },
    "sign_in.signed_out": {"sv": "Du är utloggad.", "en": "You are signed out."},
    "sent.title": {"sv": "Titta i din e-post", "en": "Check your e-mail"},
    "sent.text": {
        "sv": "Om adressen finns registrerad hos oss har vi just skickat ett mejl till den "
        "med en inloggningslänk. Öppna länken i den här webbläsaren. Länken gäller i "
        "{minutes} minuter och kan bara användas en gång.",
        "en": "If the address is registered with us, we have just sent it a mail with a "
        "sign-in link. Open the link in this browser. The link is valid for {minutes} "
        "minutes and can be used once.",
    },
    "sent.code_heading": {
        "sv": "Läser du mejlet på en annan enhet?",
        "en": "Reading the mail on another device?",
    },
    "sent.code_text": {
        "sv": "Skriv då in den sexsiffriga koden från mejlet här.",
        "en": "Then type the six-digit code from the mail here.",
    },
    "sent.code_label": {"sv": "Kod från mejlet", "en": "Code from the mail"},
    "sent.code_button": {"sv": "Logga in med koden", "en": "Sign in with the code"},
    "sent.bad_code": {
        "sv": "Koden stämmer inte eller har gått ut. Kontrollera koden, eller be om en ny länk.",
        "en": "The code is wrong or has expired. Check the code, or ask for a new link.",
    },
    "sent.again": {
        "sv": "Fick du inget mejl? Be om en ny länk",
        "en": "No mail? Ask for a new link",
    },
    "link.title": {"sv": "Logga in", "en": "Sign in"},
    "link.text": {
        "sv": "Tryck på knappen för att logga in i den här webbläsaren.",
        "en": "Press the button to sign in in this browser.",
    },
    "link.button": {"sv": "Logga in", "en": "Sign in"},
    "link.unknown.title": {"sv": "Länken fungerar inte", "en": "The link does not work"},
    "link.unknown.text": {
        "sv": "Länken är inte giltig. Kontrollera att du har fått med hela länken från "
        "mejlet, eller be om en ny länk.",
        "en": "The link is not valid. Check that you have the whole link from the mail, or "
        "ask for a new link.",
    },
    "link.used.title": {"sv": "Länken har redan använts", "en": "The link has been used"},
    "link.used.text": {
        "sv": "En inloggningslänk kan bara användas en gång. Be om en ny länk.",
        "en": "A sign-in link can be used only once. Ask for a new link.",
    },
    "link.expired.title": {"sv": "Länken har gått ut", "en": "The link has expired"},
    "link.expired.text": {
        "sv": "En inloggningslänk gäller i 15 minuter. Be om en ny länk.",
        "en": "A sign-in link is valid for 15 minutes. Ask for a new link.",
    },
    "link.other_browser.title": {
        "sv": "Öppna länken i rätt webbläsare",
        "en": "Open the link in the right browser",
    },
    "link.other_browser.text": {
        "sv": "Länken gäller bara i den webbläsare där du bad om den. Öppna den där, eller "
        "skriv in koden från mejlet på sidan som väntar i den webbläsaren. Du kan "
        "också be om en ny länk här.",
        "en": "The link works only in the browser where you asked for it. Open it there, or "
        "type the code from the mail into the page waiting in that browser. You can "
        "also ask for a new link here.",
    },
    "link.new": {"sv": "Be om en ny länk", "en": "Ask for a new link"},
    "mail.subject": {
        "sv": "Din inloggningslänk till Regionalt serviceprogram",
        "en": "Your sign-in link to the regional service programme",
    },
    "mail.greeting": {"sv": "Hej {name}!", "en": "Hello {name},"},
    "mail.asked": {
        "sv": "Någon – förhoppningsvis du – bad om att få logga in med den här adressen.",
        "en": "Someone – hopefully you – asked to sign in with this address.",
    },
    "mail.open": {
        "sv": "Öppna länken i samma webbläsare som du bad om den i:",
        "en": "Open the link in the same browser you asked for it in:",
    },
    "mail.button": {"sv": "Logga in", "en": "Sign in"},
    "mail.code": {
        "sv": "Läser du mejlet på en annan enhet? Skriv då in den här koden i fönstret där "
        "du bad om länken:",
        "en": "Reading this on another device? Then type this code into the window where "
        "you asked for the link:",
    },
    "mail.valid": {
        "sv": "Länken och koden gäller i {minutes} minuter och kan användas en gång.",
        "en": "The link and the code are valid for {minutes} minutes and can be used once.",
    },
    "mail.ignore": {
        "sv": "Bad du inte om att logga in kan du bortse från mejlet.",
        "en": "If you did not ask to sign in, you can ignore this mail.",
    },
    "oidc.unknown.title": {
        "sv": "Du finns inte registrerad hos oss",
        "en": "You are not registered with us",
    },
    "oidc.unknown.who": {"sv": "Du loggade in som {shown}.", "en": "You signed in as {shown}."},
    "oidc.unknown.text": {
        "sv": "Inloggningen lyckades, men ingen person med det kontot är registrerad i "
        "programmet. Be processledaren eller administratören att lägga till dig med "
        "samma e-postadress som ditt konto har.",
        "en": "Signing in worked, but nobody with that account is registered in the "
        "programme. Ask the process lead or the administrator to add you with the "
        "e-mail address of your account.",
    },
    "oidc.unknown.back": {"sv": "Tillbaka till inloggningen", "en": "Back to signing in"},
    "oidc.failed.title": {"sv": "Inloggningen avbröts", "en": "Signing in was interrupted"},
    "oidc.failed.text": {
        "sv": "Inloggningen via ditt organisationskonto gick inte att slutföra (den kan ha "
        "avbrutits eller tagit för lång tid). Försök igen från inloggningssidan.",
        "en": "Signing in with your organisation's account could not be completed (it may "
        "have been cancelled or taken too long). Try again from the sign-in page.",
    },
    "oidc.unavailable.title": {
        "sv": "Inloggningstjänsten svarar inte",
        "en": "The sign-in service does not answer",
    },
    "oidc.unavailable.text": {
        "sv": "Vi kan inte nå organisationens inloggningstjänst just nu. Försök igen om en "
        "stund, eller logga in med en länk i e-post.",
        "en": "We cannot reach the organisation's sign-in service right now. Try again in a "
        "while, or sign in with a link by e-mail.",
    },
    # --- workflow words ---------------------------------------------------------------------
    "role.responsible_body": {
        "sv": "ansvarig aktör för insatsen",
        "en": "a responsible body of the measure",
    },
    "role.admin": {"sv": "administratör", "en": "administrator"},
    "or_join": {"sv": "{first} eller {last}", "en": "{first} or {last}"},
    "guard.comment": {
        "sv": "Skriv en kommentar om vad som har hänt.",
        "en": "Write a comment saying what happened.",
    },
    "guard.fired": {
        "sv": "Först ska detta ha skett: {what}.",
        "en": "This must have happened first: {what}.",
    },
    "guard.final": {
        "sv": "Beslutet ({what}) har inte vunnit laga kraft än.",
        "en": "The decision ({what}) is not final yet.",
    },
    "guard.remiss": {
        "sv": "Remisstiden har inte gått ut och alla remissinstanser har inte svarat.",
        "en": "The remiss period has not ended and not every consulted body has answered.",
    },
    # --- the overview -----------------------------------------------------------------------
    "overview.title": {"sv": "Översikt", "en": "Overview"},
    "overview.programme": {"sv": "Program", "en": "Programme"},
    "overview.stage": {"sv": "Skede", "en": "Stage"},
    "overview.final": {"sv": "slutläge", "en": "final"},
    "overview.since": {"sv": "Sedan", "en": "Since"},
    "overview.milestones": {"sv": "Milstolpar", "en": "Milestones"},
    "overview.now": {"sv": "nuvarande skede", "en": "current stage"},
    "overview.milestone": {"sv": "Milstolpe", "en": "Milestone"},
    "overview.planned": {"sv": "Planerat", "en": "Planned"},
    "overview.actual": {"sv": "Faktiskt", "en": "Actual"},
    "overview.against_plan": {"sv": "Mot planen", "en": "Against the plan"},
    "overview.next": {"sv": "Vad kan hända härnäst", "en": "What can happen next"},
    "overview.leads_to": {"sv": "Leder till: {to}.", "en": "Leads to: {to}."},
    "overview.who": {"sv": "Får göras av: {who}.", "en": "Done by: {who}."},
    "overview.needs_decision": {"sv": "Kräver ett nämndbeslut.", "en": "Needs a board decision."},
    "overview.not_yet": {"sv": "Inte möjligt än:", "en": "Not possible yet:"},
    "overview.own_service": {
        "sv": "Registreras tillsammans med remissen (remissidan kommer i nästa version; "
        "till dess med kommandot rsp remiss).",
        "en": "Recorded together with the remiss (the remiss page comes in the next "
        "version; until then with the command rsp remiss).",
    },
    "overview.record": {"sv": "Registrera", "en": "Record"},
    "overview.nothing_next": {
        "sv": "Inget mer kan hända i processen.",
        "en": "Nothing more can happen in the process.",
    },
    "overview.pending": {
        "sv": "Beslut som ännu inte vunnit laga kraft",
        "en": "Decisions not final yet",
    },
    "overview.no_pending": {"sv": "Inga.", "en": "None."},
    "overview.decisions": {"sv": "Alla beslut", "en": "All decisions"},
    "done.recorded": {"sv": "Registrerat: {what}.", "en": "Recorded: {what}."},
    # --- a process action ----------------------------------------------------------------------
    "action.now": {"sv": "Skede nu", "en": "Stage now"},
    "action.then": {"sv": "Skede efteråt", "en": "Stage afterwards"},
    "action.stays": {
        "sv": "Oförändrat (händelsen registreras)",
        "en": "Unchanged (the event is recorded)",
    },
    "action.who": {"sv": "Får göras av", "en": "Done by"},
    "action.not_possible": {
        "sv": "Det här kan inte registreras i skedet {stage}.",
        "en": "This cannot be recorded in the stage {stage}.",
    },
    "action.not_yours": {
        "sv": "Det här får bara {who} registrera. Du har inte den rollen.",
        "en": "Only {who} may record this. You do not hold that role.",
    },
    "action.decision": {"sv": "Beslutsreferens", "en": "Decision reference"},
    "action.decision_hint": {
        "sv": "Sammanträdesdatum, paragraf och diarienummer, till exempel "
        "2023-05-23 § 89 RUN/536/2021.",
        "en": "Meeting date, paragraph and diary number, for example 2023-05-23 § 89 RUN/536/2021.",
    },
    "action.decision_text": {"sv": "Beslutets lydelse", "en": "The decision's wording"},
    "action.decision_text_hint": {
        "sv": "Utan lydelse sparas kommentaren som beslutstext.",
        "en": "Without a wording, the comment is kept as its text.",
    },
    "action.comment": {"sv": "Kommentar", "en": "Comment"},
    "action.comment_hint": {
        "sv": "Vad har hänt? Kommentaren sparas i händelseloggen.",
        "en": "What happened? The comment is kept in the history.",
    },
    "action.confirm": {"sv": "Bekräfta och registrera", "en": "Confirm and record"},
    "action.cancel": {"sv": "Avbryt", "en": "Cancel"},
    "decision.problem": {
        "sv": "Beslutsreferensen saknar {parts}.",
        "en": "The decision reference lacks {parts}.",
    },
    "decision.missing.date": {
        "sv": "sammanträdesdatum (ÅÅÅÅ-MM-DD)",
        "en": "the meeting date (YYYY-MM-DD)",
    },
    "decision.missing.paragraph": {
        "sv": "paragraf (§ och ett nummer)",
        "en": "the paragraph (§ and a number)",
    },
    "decision.missing.diary": {
        "sv": "diarienummer (till exempel RUN/536/2021)",
        "en": "the diary number (for example RUN/536/2021)",
    },
    "decision.twice.date": {
        "sv": "ett enda datum (det står flera)",
        "en": "a single date (there are several)",
    },
    "decision.twice.paragraph": {
        "sv": "en enda paragraf (det står flera)",
        "en": "a single paragraph (there are several)",
    },
    "decision.twice.diary": {
        "sv": "ett enda diarienummer (det står flera)",
        "en": "a single diary number (there are several)",
    },
    "decision.missing.real_date": {
        "sv": "ett datum som finns i kalendern",
        "en": "a date that exists in the calendar",
    },
    "decision.one_line": {
        "sv": "Skriv beslutsreferensen på en kort rad.",
        "en": "Write the decision reference on one short line.",
    },
    # --- refusals -------------------------------------------------------------------------
    "refused.permission_who": {
        "sv": "Du har inte behörighet: det här får bara {who} göra.",
        "en": "You may not do this: only {who} may.",
    },
    "refused.permission": {
        "sv": "Du har inte behörighet att göra det här.",
        "en": "You may not do this.",
    },
    "refused.conflict": {
        "sv": "Någon annan hann ändra samma sak just innan, så ingenting sparades. Läs "
        "sidan igen och försök på nytt.",
        "en": "Someone else changed the same thing just before, so nothing was saved. Read "
        "the page again and try once more.",
    },
    "refused.comment": {
        "sv": "Skriv en kommentar om vad som har hänt.",
        "en": "Write a comment saying what happened.",
    },
    "refused.too_long": {
        "sv": "Texten får vara högst 4 000 tecken.",
        "en": "The text may be at most 4,000 characters.",
    },
    "refused.decision_missing": {
        "sv": "Ange beslutsreferensen: sammanträdesdatum, paragraf och diarienummer.",
        "en": "Give the decision reference: meeting date, paragraph and diary number.",
    },
    "refused.not_yet": {"sv": "Det går inte än. {why}", "en": "Not possible yet. {why}"},
    "refused.not_now": {
        "sv": "Det går inte i det här läget.",
        "en": "That is not possible in this state.",
    },
    "refused.other": {"sv": "Det gick inte att registrera.", "en": "It could not be recorded."},
    "refused.detail": {
        "sv": "Systemets förklaring (på engelska):",
        "en": "The system's explanation:",
    },
    # --- measures -------------------------------------------------------------------------
    "measures.title": {"sv": "Insatser", "en": "Measures"},
    "measures.count": {"sv": "{n} träffar", "en": "{n} results"},
    "measures.measure": {"sv": "Insats", "en": "Measure"},
    "measures.state": {"sv": "Läge", "en": "State"},
    "measures.lead": {"sv": "Huvudansvarig", "en": "Lead body"},
    "measures.target": {"sv": "Tidsmål", "en": "Dated target"},
    "measures.next_date": {"sv": "Nästa tidsmål", "en": "Next dated target"},
    "measures.date": {"sv": "Datum", "en": "Date"},
    "filter.heading": {"sv": "Urval", "en": "Filters"},
    "filter.year": {"sv": "Handlingsplan", "en": "Action plan"},
    "filter.area": {"sv": "Prioriterat område", "en": "Priority area"},
    "filter.goal": {"sv": "Mål", "en": "Goal"},
    "filter.state": {"sv": "Läge", "en": "State"},
    "filter.body": {"sv": "Ansvarig aktör", "en": "Responsible body"},
    "filter.due": {"sv": "Tidsmål", "en": "Dated targets"},
    "filter.due.overdue": {"sv": "passerade (försenade)", "en": "passed (overdue)"},
    "filter.due.within": {
        "sv": "inom {n} dagar eller försenade",
        "en": "within {n} days or overdue",
    },
    "filter.all": {"sv": "Alla", "en": "All"},
    "filter.apply": {"sv": "Visa", "en": "Show"},
    "filter.unknown": {
        "sv": "Välj ett av alternativen i listan.",
        "en": "Choose one of the options in the list.",
    },
    "filter.bad_date": {
        "sv": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2023-05-23.",
        "en": "Write the date as YYYY-MM-DD, for example 2023-05-23.",
    },
    "measure.all": {"sv": "Alla insatser", "en": "All measures"},
    "measure.done.step": {"sv": "Registrerat.", "en": "Recorded."},
    "measure.done.note": {"sv": "Anteckningen är sparad.", "en": "The note is saved."},
    "measure.state": {"sv": "Läge", "en": "State"},
    "measure.since": {"sv": "sedan {day}", "en": "since {day}"},
    "measure.plan": {"sv": "Handlingsplan", "en": "Action plan"},
    "measure.area": {"sv": "Prioriterat område", "en": "Priority area"},
    "measure.subgoal": {"sv": "Delmål", "en": "Sub-goal"},
    "measure.goals": {"sv": "Mål", "en": "Goals"},
    "measure.responsible": {"sv": "Ansvariga", "en": "Responsible"},
    "measure.lead": {"sv": "huvudansvarig", "en": "lead"},
    "measure.financing": {"sv": "Finansiering", "en": "Financing"},
    "measure.carried_from": {"sv": "Överförd från", "en": "Carried over from"},
    "measure.carried_to": {"sv": "Överförd till", "en": "Carried over to"},
    "measure.activities": {"sv": "Aktiviteter", "en": "Activities"},
    "measure.deadlines": {"sv": "Tidsmål", "en": "Dated targets"},
    "measure.actions": {"sv": "Det du kan göra", "en": "What you can do"},
    "measure.no_actions": {
        "sv": "Du kan inte ändra insatsen i det här läget.",
        "en": "You cannot change the measure in this state.",
    },
    "measure.others": {"sv": "Andra kan:", "en": "Others can:"},
    "measure.note": {"sv": "Skriv en anteckning", "en": "Write a note"},
    "measure.note_label": {
        "sv": "Anteckning om hur arbetet går",
        "en": "A note on how the work is going",
    },
    "measure.note_button": {"sv": "Spara anteckningen", "en": "Save the note"},
    "measure.notes": {"sv": "Anteckningar", "en": "Notes"},
    "measure.followup": {"sv": "Uppföljning", "en": "Follow-up"},
    "measure.history": {"sv": "Händelser", "en": "History"},
    # --- my tasks ---------------------------------------------------------------------------
    "tasks.title": {"sv": "Mina uppgifter", "en": "My tasks"},
    "tasks.nothing": {
        "sv": "Du har inget att göra just nu.",
        "en": "You have nothing to do right now.",
    },
    "tasks.process": {"sv": "I processen", "en": "In the process"},
    "tasks.no_process": {
        "sv": "Inget steg i processen väntar på dig.",
        "en": "No step of the process waits for you.",
    },
    "tasks.measures": {
        "sv": "Insatser med tidsmål inom {n} dagar eller försenade",
        "en": "Measures with a dated target within {n} days or overdue",
    },
    "tasks.measures_all": {
        "sv": "Alla insatser i programmet.",
        "en": "Every measure of the programme.",
    },
    "tasks.measures_mine": {
        "sv": "Insatser där din organisation är ansvarig.",
        "en": "Measures your organisation is responsible for.",
    },
    "tasks.no_measures": {"sv": "Inga.", "en": "None."},
    "tasks.replies": {"sv": "Remissvar att registrera", "en": "Remiss replies to record"},
    "tasks.replies_text": {
        "sv": "{a} av {n} remissinstanser har svarat; sista svarsdag {reply_by}. Väntar på:",
        "en": "{a} of {n} consulted bodies have answered; replies due {reply_by}. Waiting for:",
    },
    # --- history -----------------------------------------------------------------------------
    "history.title": {"sv": "Händelser", "en": "History"},
    "history.when": {"sv": "När", "en": "When"},
    "history.who": {"sv": "Vem", "en": "Who"},
    "history.what": {"sv": "Vad", "en": "What"},
    "history.note": {"sv": "Kommentar", "en": "Comment"},
    "history.refused": {"sv": "NEKAD:", "en": "REFUSED:"},
    "history.decision": {"sv": "Beslut {ref}", "en": "Decision {ref}"},
    "history.reason": {"sv": "Skäl (på engelska):", "en": "Reason:"},
    "history.outcome": {"sv": "Utfall", "en": "Outcome"},
    "history.applied": {"sv": "genomförda", "en": "carried out"},
    "history.refused_only": {"sv": "nekade försök", "en": "refused attempts"},
    "history.kind": {"sv": "Gäller", "en": "Concerns"},
    "history.since": {"sv": "Från och med", "en": "From"},
    "history.until": {"sv": "Till och med", "en": "Until"},
    "history.count": {"sv": "{n} händelser.", "en": "{n} events."},
    "history.limited": {"sv": "De {n} senaste visas.", "en": "The latest {n} are shown."},
    "kind.process": {"sv": "processen", "en": "the process"},
    "kind.measure": {"sv": "insatser", "en": "measures"},
    "kind.remiss": {"sv": "remissen", "en": "the remiss"},
    "kind.body": {"sv": "ansvariga aktörer", "en": "responsible bodies"},
    "kind.person": {"sv": "personer och roller", "en": "people and roles"},
    "kind.plan": {"sv": "handlingsplaner", "en": "action plans"},
    "kind.decision": {"sv": "beslut", "en": "decisions"},
    "kind.other": {"sv": "övrigt", "en": "other"},
    "action.programme.created": {"sv": "Programmet skapat", "en": "Programme created"},
    "action.process.created": {"sv": "Processen skapad", "en": "Process created"},
    "action.definition.loaded": {
        "sv": "Processbeskrivning inläst",
        "en": "Workflow definition loaded",
    },
    "action.person.added": {"sv": "Person registrerad", "en": "Person registered"},
    "action.person.add": {"sv": "Registrera person", "en": "Register a person"},
    "action.role.granted": {"sv": "Roll tilldelad", "en": "Role granted"},
    "action.role.grant": {"sv": "Tilldela roll", "en": "Grant a role"},
    "action.role.removed": {"sv": "Roll borttagen", "en": "Role removed"},
    "action.body.added": {"sv": "Ansvarig aktör tillagd", "en": "Responsible body added"},
    "action.body.updated": {"sv": "Ansvarig aktör ändrad", "en": "Responsible body changed"},
    "action.body.members": {"sv": "Gruppens medlemmar ändrade", "en": "Group members changed"},
    "action.body.person_added": {
        "sv": "Person knuten till aktör",
        "en": "Person attached to a body",
    },
    "action.body.person_removed": {
        "sv": "Person borttagen från aktör",
        "en": "Person detached from a body",
    },
    "action.plan.imported": {"sv": "Handlingsplan inläst", "en": "Action plan imported"},
    "action.plan.rollover": {
        "sv": "Överföring till nästa års plan",
        "en": "Carried over to next year's plan",
    },
    "action.measure.created": {"sv": "Insats inläst", "en": "Measure imported"},
    "action.measure.updated": {"sv": "Insats ändrad", "en": "Measure changed"},
    "action.plan.import": {"sv": "Läsa in handlingsplan", "en": "Import an action plan"},
    "action.bodies.import": {"sv": "Läsa in ansvariga aktörer", "en": "Import bodies"},
    "action.body.add": {"sv": "Lägga till ansvarig aktör", "en": "Add a body"},
    "action.body.member": {"sv": "Knyta person till aktör", "en": "Attach a person to a body"},
    "action.delegation.create": {"sv": "Delegera", "en": "Delegate"},
    "action.delegation.revoke": {"sv": "Återkalla delegation", "en": "Revoke a delegation"},
    "action.measure.note": {"sv": "Anteckning", "en": "Note"},
    "action.followup.recorded": {"sv": "Uppföljning registrerad", "en": "Follow-up recorded"},
    "action.followup.record": {"sv": "Registrera uppföljning", "en": "Record a follow-up"},
    "action.remiss.opened": {"sv": "Remissen öppnad", "en": "Remiss opened"},
    "action.remiss.closed": {"sv": "Remissen avslutad", "en": "Remiss closed"},
    "action.remiss.reply": {"sv": "Remissvar", "en": "Remiss reply"},
    "action.decision.minutes_approved": {"sv": "Protokollet justerat", "en": "Minutes approved"},
    "action.decision.announced": {"sv": "Protokollet anslaget", "en": "Minutes announced"},
    "action.decision.appealed": {"sv": "Beslutet överklagat", "en": "Decision appealed"},
    "action.decision.delegated": {"sv": "Delegationsbeslut", "en": "Delegated decision"},
    "action.delegation.created": {"sv": "Delegation", "en": "Delegation"},
    "action.delegation.revoked": {"sv": "Delegation återkallad", "en": "Delegation revoked"},
    "action.reminders.queued": {"sv": "Påminnelser köade", "en": "Reminders queued"},
    "action.digest.queued": {"sv": "Veckorapport köad", "en": "Digest queued"},
    "action.mail.sent": {"sv": "E-post skickad", "en": "Mail sent"},
    "action.mail.failed": {"sv": "E-post kunde inte skickas", "en": "Mail could not be sent"},
    "action.outbox.retry": {"sv": "E-post skickas igen", "en": "Mail retried"},
    # --- the start page -------------------------------------------------------------------
    "programmes.title": {"sv": "Dina program", "en": "Your programmes"},
    "programmes.none": {
        "sv": "Du har ännu ingen roll i något program och företräder ingen ansvarig aktör. "
        "Kontakta processledaren eller administratören så lägger de till dig.",
        "en": "You have no role in any programme yet and act for no responsible body. "
        "Ask the process lead or the administrator to add you.",
    },
    # --- errors ---------------------------------------------------------------------------
    "error.not_found.title": {"sv": "Sidan finns inte", "en": "Page not found"},
    "error.not_found.text": {
        "sv": "Sidan finns inte, eller så har du inte tillgång till den. Kontrollera "
        "adressen eller gå till startsidan.",
        "en": "The page does not exist, or you do not have access to it. Check the address "
        "or go to the start page.",
    },
    "error.csrf.title": {"sv": "Formuläret kunde inte skickas", "en": "The form could not be sent"},
    "error.csrf.text": {
        "sv": "Formuläret har gått ut eller kom inte från den här sidan, så ingenting "
        "ändrades. Ladda om sidan och försök igen.",
        "en": "The form has expired or did not come from this page, so nothing was "
        "changed. Reload the page and try again.",
    },
    "error.method.title": {
        "sv": "Det går inte att göra så här",
        "en": "That cannot be done this way",
    },
    "error.method.text": {
        "sv": "Sidan tar inte emot den sortens förfrågan.",
        "en": "The page does not accept that kind of request.",
    },
    "error.bad.title": {"sv": "Felaktig förfrågan", "en": "Bad request"},
    "error.bad.text": {
        "sv": "Förfrågan gick inte att förstå. Gå tillbaka och försök igen.",
        "en": "The request could not be understood. Go back and try again.",
    },
    "error.internal.title": {"sv": "Något gick fel", "en": "Something went wrong"},
    "error.internal.text": {
        "sv": "Ett fel uppstod hos oss. Försök igen om en stund; kvarstår felet, kontakta "
        "IT-avdelningen.",
        "en": "An error occurred on our side. Try again in a while; if it persists, contact "
        "the IT department.",
    },
    "error.home": {"sv": "Till startsidan", "en": "To the start page"},
}


WORDS.update(MORE)
WORDS.update(ADMIN_WORDS)
WORDS.update(PLANS)


def t(key: str, lang: str, **values: object) -> str:
    """A word or phrase of the pages in the language (Swedish when it has none in that one)."""
    return phrase(WORDS, key, lang if lang in LANGS else "sv", **values)
