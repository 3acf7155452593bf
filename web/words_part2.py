"""The words of the pages of part 2 (decisions, follow-up, remiss, administration, digest),
in Swedish (the default) and English; merged into `web.words.WORDS`."""

from __future__ import annotations

MORE: dict[str, dict[str, str]] = {
    # --- navigation and forms ---------------------------------------------------------------
    "nav.decisions": {"sv": "Beslut", "en": "Decisions"},
    "nav.followup": {"sv": "Uppföljning", "en": "Follow-up"},
    "nav.remiss": {"sv": "Remiss", "en": "Consultation"},
    "nav.people": {"sv": "Personer", "en": "People"},
    "nav.digest": {"sv": "Lägesrapport", "en": "Digest"},
    "form.date_missing": {"sv": "Ange ett datum.", "en": "Enter a date."},
    "form.date_bad": {
        "sv": "”{value}” är inget datum. Skriv till exempel 2023-05-30, 30/5 2023 eller "
        "30 maj 2023.",
        "en": "“{value}” is not a date. Write for example 2023-05-30, 30/5 2023 or 30 May 2023.",
    },
    "form.date_hint": {
        "sv": "Till exempel 2023-05-30 eller 30/5 2023.",
        "en": "For example 2023-05-30 or 30/5 2023.",
    },
    "form.saved": {"sv": "Sparat.", "en": "Saved."},
    "form.not_saved": {
        "sv": "Inget sparades. Rätta det som står vid fälten och försök igen.",
        "en": "Nothing was saved. Correct what is said beside the fields and try again.",
    },
    "form.text_missing": {"sv": "Fyll i fältet.", "en": "Fill in the field."},
    "form.too_long": {
        "sv": "Texten är för lång (högst 4 000 tecken).",
        "en": "The text is too long (at most 4,000 characters).",
    },
    "form.not_allowed": {
        "sv": "Du har inte behörighet att göra detta.",
        "en": "You are not allowed to do this.",
    },
    "download": {"sv": "Ladda ned", "en": "Download"},
    "print_view": {"sv": "Utskriftsvänlig version", "en": "Printable version"},
    # --- decisions ----------------------------------------------------------------------------
    "decisions.title": {"sv": "Beslut", "en": "Decisions"},
    "decisions.intro": {
        "sv": "Nämndens beslut och hur långt de har kommit mot att vinna laga kraft: "
        "protokollet justeras, anslås, och beslutet vinner laga kraft tre veckor efter "
        "anslaget om det inte överklagas.",
        "en": "The board's decisions and how far each has come towards being final: the "
        "minutes are approved, announced, and the decision is final three weeks after the "
        "announcement unless appealed.",
    },
    "decisions.reference": {"sv": "Beslut", "en": "Decision"},
    "decisions.text": {"sv": "Lydelse", "en": "Wording"},
    "decisions.step": {"sv": "Läge", "en": "Step"},
    "decisions.final": {"sv": "Laga kraft", "en": "Final"},
    "decisions.final_on": {"sv": "{day}", "en": "{day}"},
    "decisions.expected": {"sv": "väntas {day}", "en": "expected {day}"},
    "decisions.none": {"sv": "Inga beslut registrerade än.", "en": "No decisions recorded yet."},
    "decisions.record": {"sv": "Registrera ett beslut", "en": "Record a decision"},
    "decisions.record_intro": {
        "sv": "Ett nämndbeslut registreras med det processteg det avser:",
        "en": "A board decision is recorded with the process step it concerns:",
    },
    "decisions.no_record": {
        "sv": "Inget processteg som kräver ett nämndbeslut är möjligt just nu.",
        "en": "No process step needing a board decision is possible now.",
    },
    "decisions.delegations_link": {
        "sv": "Delegationer och delegationsbeslut",
        "en": "Delegations and delegated decisions",
    },
    "decision.title": {"sv": "Beslut {ref}", "en": "Decision {ref}"},
    "decision.body": {"sv": "Beslutande organ", "en": "Decided by"},
    "decision.meeting": {"sv": "Sammanträde", "en": "Meeting"},
    "decision.diary": {"sv": "Diarienummer", "en": "Diary number"},
    "decision.minutes_approved": {"sv": "Protokollet justerat", "en": "Minutes approved"},
    "decision.announced": {"sv": "Protokollet anslaget", "en": "Minutes announced"},
    "decision.appeal_last_day": {"sv": "Sista dag att överklaga", "en": "Last day to appeal"},
    "decision.appealed": {"sv": "Överklagat", "en": "Appealed"},
    "decision.appealed_by": {"sv": "{day} av {by}", "en": "{day} by {by}"},
    "decision.outcome": {"sv": "Överklagandets utgång", "en": "The appeal's outcome"},
    "decision.outcome.upheld": {"sv": "Beslutet står fast", "en": "Upheld"},
    "decision.outcome.overturned": {"sv": "Beslutet upphävt", "en": "Overturned"},
    "decision.not_yet": {"sv": "Inte än", "en": "Not yet"},
    "decision.all": {"sv": "Alla beslut", "en": "All decisions"},
    "decision.next": {"sv": "Nästa steg", "en": "Next step"},
    "decision.not_yours": {
        "sv": "Stegen registreras av den som beslutar för nämnden (nämndsekreteraren).",
        "en": "The steps are recorded by whoever decides for the board (the secretary).",
    },
    "decision.nothing_more": {
        "sv": "Inga fler steg att registrera.",
        "en": "No more steps to record.",
    },
    "decision.date": {"sv": "Datum", "en": "Date"},
    "decision.step.approve": {"sv": "Protokollet har justerats", "en": "The minutes were approved"},
    "decision.step.announce": {
        "sv": "Protokollet har anslagits",
        "en": "The minutes were announced",
    },
    "decision.step.announce_hint": {
        "sv": "Överklagandetiden, tre veckor, börjar dagen efter anslaget.",
        "en": "The three-week appeal period starts the day after the announcement.",
    },
    "decision.step.appeal": {"sv": "Beslutet har överklagats", "en": "The decision was appealed"},
    "decision.step.appeal_by": {"sv": "Vem överklagade", "en": "Who appealed"},
    "decision.step.resolve": {"sv": "Överklagandet är avgjort", "en": "The appeal was decided"},
    "decision.step.outcome": {"sv": "Utgång", "en": "Outcome"},
    "decision.done": {"sv": "Registrerat: {what}.", "en": "Recorded: {what}."},
    "decision.history": {"sv": "Händelser för beslutet", "en": "The decision's history"},
    "decision.bad.before": {
        "sv": "Datumet ligger före {day}.",
        "en": "The date lies before {day}.",
    },
    "decision.bad.future": {
        "sv": "Datumet ligger i framtiden.",
        "en": "The date lies in the future.",
    },
    "decision.bad.late_appeal": {
        "sv": "Överklagandetiden gick ut {day}; ett senare överklagande avvisas och hindrar "
        "inte att beslutet vinner laga kraft.",
        "en": "The appeal period ended on {day}; a later appeal is dismissed and does not stop "
        "the decision from becoming final.",
    },
    "decision.bad.by": {
        "sv": "Skriv vem som överklagade (en rad, högst 200 tecken).",
        "en": "Write who appealed (one line, at most 200 characters).",
    },
    "decision.bad.outcome": {
        "sv": "Välj hur överklagandet avgjordes.",
        "en": "Choose how the appeal was decided.",
    },
    "decision.bad.step": {
        "sv": "Steget går inte att registrera nu (beslutet är {step}).",
        "en": "The step cannot be recorded now (the decision is {step}).",
    },
    # --- delegations ------------------------------------------------------------------------
    "delegations.title": {"sv": "Delegationer", "en": "Delegations"},
    "delegations.intro": {
        "sv": "Nämnden kan delegera en sorts beslut till en person eller en roll. Den som har "
        "delegationen fattar sådana beslut för nämndens räkning och de återrapporteras till "
        "nämnden.",
        "en": "The board may delegate a kind of decision to a person or a role. The delegate "
        "takes such decisions on the board's behalf and they are reported back to the board.",
    },
    "delegations.kind": {"sv": "Sorts beslut", "en": "Kind of decision"},
    "delegations.to": {"sv": "Delegerad till", "en": "Delegated to"},
    "delegations.by_decision": {"sv": "Genom beslut", "en": "By decision"},
    "delegations.used": {"sv": "Använd", "en": "Used"},
    "delegations.used_n": {"sv": "{n} beslut", "en": "{n} decisions"},
    "delegations.state": {"sv": "Gäller", "en": "In force"},
    "delegations.active": {"sv": "Gäller", "en": "In force"},
    "delegations.revoked": {"sv": "Återkallad {day}", "en": "Revoked {day}"},
    "delegations.none": {"sv": "Inga delegationer.", "en": "No delegations."},
    "delegations.role": {"sv": "rollen {role}", "en": "the role {role}"},
    "delegations.new": {"sv": "Ny delegation", "en": "New delegation"},
    "delegations.kind_hint": {
        "sv": "Till exempel action_plan (den årliga handlingsplanen).",
        "en": "For example action_plan (the yearly action plan).",
    },
    "delegations.to_person": {"sv": "Till person", "en": "To a person"},
    "delegations.to_role": {"sv": "Eller till roll", "en": "Or to a role"},
    "delegations.choose": {"sv": "– välj –", "en": "– choose –"},
    "delegations.decision_hint": {
        "sv": "Nämndens delegationsbeslut: datum, § och diarienummer, t.ex. 2023-05-23 § 89 "
        "RUN/536/2021.",
        "en": "The board's delegation decision: date, § and diary number, e.g. 2023-05-23 "
        "§ 89 RUN/536/2021.",
    },
    "delegations.wording": {"sv": "Delegationens lydelse", "en": "The delegation's wording"},
    "delegations.create": {"sv": "Registrera delegationen", "en": "Record the delegation"},
    "delegations.revoke": {"sv": "Återkalla", "en": "Revoke"},
    "delegations.revoke_note": {"sv": "Beslut om återkallelse", "en": "Revocation decision"},
    "delegations.done.created": {
        "sv": "Delegationen är registrerad.",
        "en": "The delegation is recorded.",
    },
    "delegations.done.revoked": {
        "sv": "Delegationen är återkallad.",
        "en": "The delegation is revoked.",
    },
    "delegations.done.decided": {
        "sv": "Delegationsbeslutet är registrerat.",
        "en": "The delegated decision is recorded.",
    },
    "delegations.decide": {
        "sv": "Registrera ett delegationsbeslut",
        "en": "Record a delegated decision",
    },
    "delegations.decide_ref_hint": {
        "sv": "Datum och diarienummer, § om det finns, t.ex. 2023-11-14 RUN/1187/2023.",
        "en": "Date and diary number, § if any, e.g. 2023-11-14 RUN/1187/2023.",
    },
    "delegations.decide_ref": {"sv": "Beslutsreferens", "en": "Decision reference"},
    "delegations.decide_text": {"sv": "Beslutet", "en": "The decision"},
    "delegations.report": {
        "sv": "Återrapportering till nämnden",
        "en": "Reporting back to the board",
    },
    "delegations.report_intro": {
        "sv": "Delegationsbesluten under en period, att återrapportera till nämnden.",
        "en": "The delegated decisions of a period, to report back to the board.",
    },
    "delegations.since": {"sv": "Från", "en": "From"},
    "delegations.until": {"sv": "Till och med", "en": "Until"},
    "delegations.show": {"sv": "Visa", "en": "Show"},
    "delegations.decided_on": {"sv": "Beslutsdag", "en": "Decided on"},
    "delegations.decided_by": {"sv": "Fattat av", "en": "Decided by"},
    "delegations.under": {"sv": "Med stöd av", "en": "Under"},
    "delegations.no_report": {
        "sv": "Inga delegationsbeslut under perioden.",
        "en": "No delegated decisions in the period.",
    },
    "delegations.bad.kind": {
        "sv": "Skriv sortens namn med små bokstäver, siffror och _, t.ex. action_plan.",
        "en": "Write the kind with lower-case letters, digits and _, e.g. action_plan.",
    },
    "delegations.bad.to": {
        "sv": "Välj en person eller en roll (en av dem).",
        "en": "Choose a person or a role (one of them).",
    },
    "delegations.bad.already": {
        "sv": "Den här sortens beslut är redan delegerad dit.",
        "en": "This kind of decision is delegated there already.",
    },
    "delegations.bad.revoked": {
        "sv": "Delegationen är redan återkallad.",
        "en": "The delegation is revoked already.",
    },
    "delegations.bad.not_covered": {
        "sv": "Ingen gällande delegation av {kind} omfattar dig.",
        "en": "No delegation of {kind} in force covers you.",
    },
    "delegations.bad.recorded": {
        "sv": "Beslutet är redan registrerat.",
        "en": "The decision is recorded already.",
    },
    "delegations.bad.before_delegation": {
        "sv": "Beslutet är äldre än delegationen.",
        "en": "The decision is older than the delegation.",
    },
    "delegations.bad.until": {
        "sv": "Slutdagen ligger före startdagen.",
        "en": "The end lies before the start.",
    },
    # --- the year-end follow-up ----------------------------------------------------------
    "followup.title": {"sv": "Uppföljning {year}", "en": "Follow-up {year}"},
    "followup.intro": {
        "sv": "Varje insats i årets handlingsplan följs upp mot sitt delmål: uppnått, delvis "
        "uppnått eller ej uppnått, med en kommentar. Fyll i det du vet och spara; rader du "
        "lämnar tomma kan du fylla i senare.",
        "en": "Each measure of the year's action plan is followed up against its sub-goal: "
        "achieved, partly or not achieved, with a comment. Fill in what you know and save; "
        "rows left empty can be filled in later.",
    },
    "followup.no_plans": {
        "sv": "Programmet har ingen handlingsplan ännu. När en plan är inläst följs den upp här.",
        "en": "The programme has no action plan yet. Once a plan is imported it is followed "
        "up here.",
    },
    "followup.years": {"sv": "Handlingsplaner", "en": "Action plans"},
    "followup.form": {"sv": "Utfall per insats", "en": "Outcome per measure"},
    "followup.outcome": {"sv": "Utfall", "en": "Outcome"},
    "followup.comment": {"sv": "Kommentar mot delmålet", "en": "Comment against the sub-goal"},
    "followup.reason": {"sv": "Skäl", "en": "Reason"},
    "followup.reason_hint": {
        "sv": "Bara om insatsen inte är genomförd men ändå uppnådd: varför.",
        "en": "Only when the measure is not done but achieved anyway: why.",
    },
    "followup.state": {"sv": "Läge: {state}", "en": "State: {state}"},
    "followup.subgoal": {"sv": "Delmål: {text}", "en": "Sub-goal: {text}"},
    "followup.recorded": {"sv": "Registrerat av {who} {day}", "en": "Recorded by {who} on {day}"},
    "followup.save": {"sv": "Spara uppföljningen", "en": "Save the follow-up"},
    "followup.not_yours": {
        "sv": "Uppföljningen registreras av arbetsgruppen. Du kan läsa rapporten.",
        "en": "The follow-up is recorded by the working group. You can read the report.",
    },
    "followup.done.saved": {"sv": "Sparat: {n} insatser.", "en": "Saved: {n} measures."},
    "followup.done.rollover": {
        "sv": "{n} insatser fördes över till nästa års handlingsplan.",
        "en": "{n} measures were carried over into next year's plan.",
    },
    "followup.bad.outcome": {"sv": "Välj ett utfall.", "en": "Choose an outcome."},
    "followup.bad.comment": {
        "sv": "Skriv vad som uppnåddes mot delmålet.",
        "en": "Write what was achieved against the sub-goal.",
    },
    "followup.bad.reason": {
        "sv": "Insatsen är inte genomförd (läge: {state}). Skriv varför den ändå är uppnådd, "
        "eller välj delvis eller ej uppnått.",
        "en": "The measure is not done (state: {state}). Write why it is achieved anyway, or "
        "choose partly or not achieved.",
    },
    "followup.report": {"sv": "Rapporten", "en": "The report"},
    "followup.report_page": {"sv": "Visa uppföljningsrapporten", "en": "Show the follow-up report"},
    "followup.xlsx": {"sv": "Excel (.xlsx)", "en": "Excel (.xlsx)"},
    "followup.csv": {"sv": "CSV för Excel", "en": "CSV for Excel"},
    "followup.rollover": {"sv": "Föra över till {year}", "en": "Carry over into {year}"},
    "followup.rollover_intro": {
        "sv": "Insatser som inte är avslutade förs över till {year} års handlingsplan, med "
        "tidsmålen flyttade ett år. Det här förs över:",
        "en": "Measures that are not finished are carried over into the plan of {year}, "
        "their dated targets moved a year. This will be carried over:",
    },
    "followup.rollover_none": {
        "sv": "Inga oavslutade insatser att föra över.",
        "en": "No unfinished measures to carry over.",
    },
    "followup.rollover_button": {
        "sv": "För över {n} insatser till {year}",
        "en": "Carry {n} measures over into {year}",
    },
    "followup.counts": {
        "sv": "Uppföljda: {followed} av {total}. Uppnått {achieved}, delvis {partly}, ej "
        "uppnått {not_}.",
        "en": "Followed up: {followed} of {total}. Achieved {achieved}, partly {partly}, not "
        "achieved {not_}.",
    },
    "followup.followed": {"sv": "Uppföljda insatser", "en": "Measures followed up"},
    "followup.not_followed": {"sv": "Ännu inte uppföljda", "en": "Not followed up yet"},
    "followup.share": {
        "sv": "Andel uppnådda av de uppföljda: {share}",
        "en": "Share achieved of those followed up: {share}",
    },
    "followup.measure": {"sv": "Insats", "en": "Measure"},
    "followup.area": {"sv": "Område {n}: {title}", "en": "Area {n}: {title}"},
    # --- the remiss -------------------------------------------------------------------------
    "remiss.title": {"sv": "Remiss", "en": "Consultation (remiss)"},
    "remiss.none": {"sv": "Ingen remiss har öppnats än.", "en": "No remiss has been opened yet."},
    "remiss.open_link": {"sv": "Öppna remissen", "en": "Open the remiss"},
    "remiss.period": {"sv": "Remisstid", "en": "Consultation period"},
    "remiss.period_value": {"sv": "{start} – {end}", "en": "{start} – {end}"},
    "remiss.moved": {
        "sv": "flyttat från {day}, som inte är en arbetsdag",
        "en": "moved from {day}, not a working day",
    },
    "remiss.working_days": {"sv": "Arbetsdagar", "en": "Working days"},
    "remiss.lost": {"sv": "Förlorade till helgdagar", "en": "Lost to holidays"},
    "remiss.closed_on": {"sv": "Avslutad {day}", "en": "Closed on {day}"},
    "remiss.is_open": {"sv": "Pågår", "en": "Open"},
    "remiss.status": {"sv": "Läge", "en": "Status"},
    "remiss.counts": {
        "sv": "{answered} av {n} har svarat ({late} efter svarsdatum).",
        "en": "{answered} of {n} have answered ({late} after the reply date).",
    },
    "remiss.bodies": {"sv": "Remissinstanser", "en": "Consulted bodies"},
    "remiss.body": {"sv": "Remissinstans", "en": "Body"},
    "remiss.position": {"sv": "Ställningstagande", "en": "Position"},
    "remiss.summary": {"sv": "Sammanfattning", "en": "Summary"},
    "remiss.state.answered": {"sv": "Besvarad {day}", "en": "Answered {day}"},
    "remiss.state.after": {"sv": "(efter svarsdatum)", "en": "(after the reply date)"},
    "remiss.state.no_answer": {"sv": "Inget svar", "en": "No answer"},
    "remiss.state.overdue": {
        "sv": "Sen: inget svar, svarsdatum {day}",
        "en": "Late: no answer, reply date {day}",
    },
    "remiss.state.waiting": {"sv": "Väntar på svar", "en": "Waiting for a reply"},
    "remiss.reply": {"sv": "Registrera ett remissvar", "en": "Record a reply"},
    "remiss.received": {"sv": "Inkom", "en": "Received"},
    "remiss.summary_hint": {
        "sv": "Obligatorisk när instansen har synpunkter.",
        "en": "Required when the body has comments.",
    },
    "remiss.reply_button": {"sv": "Registrera svaret", "en": "Record the reply"},
    "remiss.close": {"sv": "Avsluta remissen", "en": "Close the remiss"},
    "remiss.close_intro": {
        "sv": "Instanser som inte har svarat registreras som ”inget svar”, och "
        "sammanställningen blir slutlig.",
        "en": "Bodies that have not answered are recorded as “no answer”, and the compilation "
        "becomes final.",
    },
    "remiss.close_button": {"sv": "Avsluta remissen", "en": "Close the remiss"},
    "remiss.compilation": {"sv": "Remissammanställning", "en": "Compilation"},
    "remiss.compilation_page": {"sv": "Visa remissammanställningen", "en": "Show the compilation"},
    "remiss.done.open": {"sv": "Remissen är öppnad.", "en": "The remiss is open."},
    "remiss.done.reply": {"sv": "Svaret är registrerat.", "en": "The reply is recorded."},
    "remiss.done.close": {"sv": "Remissen är avslutad.", "en": "The remiss is closed."},
    "remiss.bad.received": {
        "sv": "Datumet måste ligga mellan remissens öppningsdag och i dag.",
        "en": "The date must lie between the opening day and today.",
    },
    "remiss.bad.position": {"sv": "Välj ett ställningstagande.", "en": "Choose a position."},
    "remiss.bad.summary": {
        "sv": "Sammanfatta synpunkterna.",
        "en": "Summarise the comments.",
    },
    "remiss.bad.body": {
        "sv": "Välj en remissinstans som inte har svarat än.",
        "en": "Choose a consulted body that has not answered yet.",
    },
    "remiss.bad.bodies": {"sv": "Välj minst en remissinstans.", "en": "Choose at least one body."},
    "remiss.bad.reply_by": {
        "sv": "Svarsdatumet måste ligga efter dagens datum.",
        "en": "The reply date must lie after today.",
    },
    "remiss.open.title": {"sv": "Öppna remissen", "en": "Open the remiss"},
    "remiss.open.intro": {
        "sv": "Välj remissinstanser. En grupp, till exempel kommunerna, står för var och en "
        "av sina medlemmar. Svarsdatumet blir tre månader efter i dag om du inte anger ett "
        "annat, och flyttas till nästa arbetsdag om det infaller på en helg eller helgdag.",
        "en": "Choose the bodies to consult. A group, such as the municipalities, stands for "
        "each of its members. The reply date is three months from today unless you give "
        "another, moved to the next working day if it falls on a weekend or holiday.",
    },
    "remiss.open.groups": {"sv": "Grupper", "en": "Groups"},
    "remiss.open.single": {"sv": "Enskilda remissinstanser", "en": "Single bodies"},
    "remiss.open.reply_by": {"sv": "Svarsdatum", "en": "Reply date"},
    "remiss.open.reply_by_hint": {
        "sv": "Till exempel 2023-02-27 eller 27/2 2023. Lämna tomt för tre månader.",
        "en": "For example 2023-02-27 or 27/2 2023. Leave empty for three months.",
    },
    "remiss.open.comment": {"sv": "Kommentar", "en": "Comment"},
    "remiss.open.preview": {"sv": "Visa svarsdatum", "en": "Show the reply date"},
    "remiss.open.check": {"sv": "Kontrollera innan du öppnar", "en": "Check before opening"},
    "remiss.open.reply_by_is": {"sv": "Svar senast {day}", "en": "Reply by {day}"},
    "remiss.open.working": {
        "sv": "{n} arbetsdagar från {start}.",
        "en": "{n} working days from {start}.",
    },
    "remiss.open.lost": {
        "sv": "{n} arbetsdagar förloras till helgdagar:",
        "en": "{n} working days are lost to holidays:",
    },
    "remiss.open.no_lost": {
        "sv": "Inga arbetsdagar förloras till helgdagar.",
        "en": "No working days are lost to holidays.",
    },
    "remiss.open.to": {
        "sv": "Remissen går till {n} instanser:",
        "en": "The remiss goes to {n} bodies:",
    },
    "remiss.open.confirm": {"sv": "Bekräfta och öppna remissen", "en": "Confirm and open"},
    "remiss.open.not_now": {
        "sv": "Remissen kan inte öppnas i processens nuvarande skede.",
        "en": "The remiss cannot be opened at the process's current stage.",
    },
    "remiss.open.not_yours": {
        "sv": "Remissen öppnas av {who}.",
        "en": "The remiss is opened by {who}.",
    },
    "remiss.compilation.response": {"sv": "Regionens kommentar", "en": "The region's response"},
    "remiss.compilation.missing": {"sv": "Svarade inte", "en": "Did not answer"},
    # --- people -----------------------------------------------------------------------------
    "people.title": {"sv": "Personer", "en": "People"},
    "people.intro": {
        "sv": "Alla som är registrerade och deras roller i programmet. En person tas aldrig "
        "bort (händelseloggen behåller dem) men kan inaktiveras: då kan de inte logga in "
        "eller göra något.",
        "en": "Everyone registered and their roles in the programme. A person is never "
        "deleted (the trail keeps them) but can be deactivated: they then cannot sign in nor "
        "act.",
    },
    "people.not_admin": {
        "sv": "Personer registreras och ändras av programmets administratör.",
        "en": "People are registered and changed by the programme's administrator.",
    },
    "people.login": {"sv": "Användarnamn", "en": "Login"},
    "people.login_hint": {
        "sv": "Små bokstäver, siffror och . _ @ -; ändras aldrig.",
        "en": "Lower-case letters, digits and . _ @ -; never changes.",
    },
    "people.name": {"sv": "Namn", "en": "Name"},
    "people.email": {"sv": "E-postadress", "en": "E-mail address"},
    "people.email_hint": {
        "sv": "Inloggningslänkar, påminnelser och lägesrapporter går hit.",
        "en": "Sign-in links, reminders and digests go here.",
    },
    "people.roles": {"sv": "Roller", "en": "Roles"},
    "people.state": {"sv": "Status", "en": "Status"},
    "people.active": {"sv": "Aktiv", "en": "Active"},
    "people.inactive": {"sv": "Inaktiverad", "en": "Deactivated"},
    "people.add": {"sv": "Registrera en person", "en": "Register a person"},
    "people.add_button": {"sv": "Registrera", "en": "Register"},
    "people.all": {"sv": "Alla personer", "en": "All people"},
    "people.edit": {"sv": "Rätta namn och e-postadress", "en": "Correct name and address"},
    "people.edit_button": {"sv": "Spara rättelsen", "en": "Save the correction"},
    "people.role": {"sv": "Roll", "en": "Role"},
    "people.grant": {"sv": "Ge en roll", "en": "Grant a role"},
    "people.grant_button": {"sv": "Ge rollen", "en": "Grant the role"},
    "people.remove": {"sv": "Ta bort", "en": "Remove"},
    "people.deactivate": {"sv": "Inaktivera", "en": "Deactivate"},
    "people.deactivate_intro": {
        "sv": "Personen kan inte längre logga in eller göra något. Hen finns kvar i "
        "händelseloggen och kan aktiveras igen.",
        "en": "The person can no longer sign in nor act. They stay in the trail and can be "
        "activated again.",
    },
    "people.activate": {"sv": "Aktivera igen", "en": "Activate again"},
    "people.no_roles": {"sv": "Inga roller.", "en": "No roles."},
    "people.done.added": {"sv": "Personen är registrerad.", "en": "The person is registered."},
    "people.done.edit": {"sv": "Rättelsen är sparad.", "en": "The correction is saved."},
    "people.done.grant": {"sv": "Rollen är given.", "en": "The role is granted."},
    "people.done.remove": {"sv": "Rollen är borttagen.", "en": "The role is removed."},
    "people.done.deactivate": {
        "sv": "Personen är inaktiverad.",
        "en": "The person is deactivated.",
    },
    "people.done.activate": {"sv": "Personen är aktiv igen.", "en": "The person is active again."},
    "people.bad.login": {
        "sv": "Använd små bokstäver, siffror och . _ @ - (högst 64 tecken).",
        "en": "Use lower-case letters, digits and . _ @ - (at most 64 characters).",
    },
    "people.bad.taken": {"sv": "Det användarnamnet finns redan.", "en": "That login exists."},
    "people.bad.email": {
        "sv": "Skriv en e-postadress, till exempel namn@kommun.se.",
        "en": "Enter an e-mail address, for example name@municipality.se.",
    },
    "people.bad.email_taken": {
        "sv": "Adressen används redan av en annan person; en adress loggar in en person.",
        "en": "Another person has this address; one address signs in one person.",
    },
    "people.bad.name": {
        "sv": "Skriv personens namn (en rad).",
        "en": "Write the person's name (one line).",
    },
    "people.bad.nothing": {"sv": "Inget är ändrat.", "en": "Nothing is changed."},
    "people.bad.yourself": {
        "sv": "Du kan inte inaktivera dig själv.",
        "en": "You cannot deactivate yourself.",
    },
    "people.bad.last_admin": {
        "sv": "Programmet måste ha minst en aktiv administratör.",
        "en": "The programme needs at least one active administrator.",
    },
    "people.bad.role": {"sv": "Välj en roll.", "en": "Choose a role."},
    "people.bad.role_held": {
        "sv": "Rollen är redan given (eller inte given).",
        "en": "The role is held already (or not held).",
    },
    # --- the digest ------------------------------------------------------------------------
    "digest.title": {"sv": "Lägesrapport", "en": "Digest"},
    "digest.intro": {
        "sv": "Samma innehåll som veckorapporten i e-post, för den period du väljer.",
        "en": "The same content as the weekly digest by e-mail, for the period you choose.",
    },
    "digest.since": {"sv": "Från", "en": "From"},
    "digest.until": {"sv": "Till och med", "en": "Until"},
    "digest.lead": {
        "sv": "Processledarens exemplar (nekade försök, misslyckade utskick)",
        "en": "The process lead's copy (refused attempts, failed mails)",
    },
    "digest.show": {"sv": "Visa", "en": "Show"},
    "digest.milestone": {"sv": "Milstolpe", "en": "Milestone"},
    "digest.note": {"sv": "Läge", "en": "Status"},
    "digest.area": {"sv": "Område", "en": "Area"},
    "digest.bad.future": {
        "sv": "Slutdagen ligger i framtiden.",
        "en": "The end lies in the future.",
    },
}
