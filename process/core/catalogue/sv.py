"""rsp's words in Swedish, the default language: one text per key (see
`process.core.catalogue`; `en.py` holds the same keys in English)."""

WORDS: dict[str, str] = {
    # --- common --------------------------------------------------------------------------
    "common.programme": "Program",
    "common.stage": "Skede",
    "common.since": "sedan",
    "common.n_days": "{n} dagar",
    "common.milestones": "Milstolpar",
    "common.planned": "planerat",
    "common.n_days_late": "{n} dagar sent",
    "common.what_can_happen_next": "Möjliga nästa steg",
    "common.who": "vem",
    "common.decisions": "Beslut",
    "common.none": "inga",
    "common.history": "Händelser",
    "common.responsible_body": "Ansvarig aktör",
    "common.overview": "Översikt",
    "common.my_tasks": "Mina uppgifter",
    "common.measures": "Insatser",
    "common.error": "Fel",
    "common.sign_in": "Logga in",
    "common.enter_an_e_mail": "Skriv en e-postadress, till exempel namn@kommun.se.",
    "common.write_a_comment_saying": "Skriv en kommentar om vad som har hänt.",
    "common.milestone": "Milstolpe",
    "common.planned_heading": "Planerat",
    "common.actual": "Faktiskt",
    "common.none_sentence": "Inga.",
    "common.all_decisions": "Alla beslut",
    "common.recorded_what": "Registrerat: {what}.",
    "common.decision_reference": "Beslutsreferens",
    "common.comment": "Kommentar",
    "common.measure": "Insats",
    "common.state": "Läge",
    "common.dated_target": "Tidsmål",
    "common.date": "Datum",
    "common.action_plan": "Handlingsplan",
    "common.priority_area": "Prioriterat område",
    "common.goal": "Mål",
    "common.dated_targets": "Tidsmål",
    "common.show": "Visa",
    "common.sub_goal": "Delmål",
    "common.goals": "Mål",
    "common.responsible": "Ansvariga",
    "common.lead": "huvudansvarig",
    "common.financing": "Finansiering",
    "common.carried_over_from": "Överförd från",
    "common.carried_over_to": "Överförd till",
    "common.activities": "Aktiviteter",
    "common.notes": "Anteckningar",
    "common.follow_up": "Uppföljning",
    "common.when": "När",
    "common.who_heading": "Vem",
    "common.what": "Vad",
    "common.decision_ref": "Beslut {ref}",
    "common.outcome": "Utfall",
    "common.until": "Till och med",
    "common.minutes_approved": "Protokollet justerat",
    "common.minutes_announced": "Protokollet anslaget",
    "common.people": "Personer",
    "common.digest": "Lägesrapport",
    "common.next_step": "Nästa steg",
    "common.n_decisions": "{n} beslut",
    "common.in_force": "Gäller",
    "common.from": "Från",
    "common.no_delegated_decisions_in": "Inga delegationsbeslut under perioden.",
    "common.consultation_remiss": "Remiss",
    "common.open_the_remiss": "Öppna remissen",
    "common.status": "Läge",
    "common.body": "Remissinstans",
    "common.position": "Ställningstagande",
    "common.summary": "Sammanfattning",
    "common.no_answer": "Inget svar",
    "common.received": "Inkom",
    "common.close_the_remiss": "Avsluta remissen",
    "common.the_region_s_response": "Regionens kommentar",
    "common.login": "Användarnamn",
    "common.name": "Namn",
    "common.e_mail_address": "E-postadress",
    "common.save_the_correction": "Spara rättelsen",
    "common.the_correction_is_saved": "Rättelsen är sparad.",
    "common.outbox": "Utkorgen",
    "common.sent": "Skickas",
    "common.key": "Nyckel",
    "common.in_n_days": "om {n} dagar",
    "common.tomorrow": "i morgon",
    "common.today": "i dag",
    "common.send_sent_sent_retry": (
        "utskick: {sent} skickade, {retry} att försöka igen, {failed} misslyckade"
    ),
    "common.minutes_approved_lower": "protokollet justerat",
    "common.appealed": "överklagat",
    "common.compiled_day": "Sammanställd {day}",
    "common.contact": "Kontakt",
    "common.or": " eller ",
    "common.area": "område",
    "common.goal_lower": "mål",
    "common.yes": "ja",
    "common.year": "År",
    "common.title": "Titel",
    "common.id": "Id",
    "common.list_help": "{list}",
    # --- report --------------------------------------------------------------------------
    "report.after_now": "efter den dag som visas",
    "report.actual": "faktiskt",
    "report.on_plan": "enligt plan",
    "report.early": "{n} dagar tidigt",
    "report.overdue": "ej nått, {n} dagar efter plan",
    "report.upcoming": "kommande",
    "report.needs_decision": "kräver nämndbeslut",
    "report.blocked": "ännu inte möjligt",
    "report.refused": "NEKAD",
    "report.final": "(slutläge)",
    "report.recorded": "registrerad",
    "report.replay_note": "Övningsdatabas (rsp init --replay): tiderna är simulerade.",
    # --- outcome -------------------------------------------------------------------------
    "outcome.achieved": "Uppnått",
    "outcome.partly": "Delvis uppnått",
    "outcome.not": "Ej uppnått",
    # --- position ------------------------------------------------------------------------
    "position.agrees": "Tillstyrker",
    "position.comments": "Har synpunkter",
    "position.no_comments": "Inga synpunkter",
    # --- appeal --------------------------------------------------------------------------
    "appeal.upheld": "Fastställt",
    "appeal.overturned": "Upphävt",
    # --- role ----------------------------------------------------------------------------
    "role.admin": "Administratör",
    # --- vocab ---------------------------------------------------------------------------
    "vocab.unknown": "{what} {text!r} känns inte igen; giltiga värden: {accepted}",
    "vocab.ambiguous": "{what} {text!r} kan betyda flera: {accepted}; skriv nyckeln",
    # --- web -----------------------------------------------------------------------------
    "web.brand": "Regionalt serviceprogram",
    "web.skip": "Hoppa till innehållet",
    "web.nav.main": "Huvudmeny",
    "web.nav.programmes": "Alla program",
    "web.account": "Inloggad som {name}",
    "web.sign_out": "Logga ut",
    "web.lang.switch": "In English",
    "web.lang.switch_label": "Read this page in English",
    "web.footer": "rsp – uppföljning av regionala serviceprogram",
    "web.errors.title": "Det finns ett problem",
    "web.required": "obligatoriskt",
    "web.optional": "frivilligt",
    "web.back": "Tillbaka",
    "web.none": "Inga",
    "web.day": "1 dag",
    "web.sign_in.intro": (
        "Här följer du och arbetar med det regionala serviceprogrammet: processens skeden, "
        "handlingsplanens insatser och det du själv ska göra."
    ),
    "web.sign_in.oidc_heading": "Med ditt organisationskonto",
    "web.sign_in.oidc_button": "Logga in med {label}",
    "web.sign_in.oidc_default": "organisationskonto",
    "web.sign_in.email_heading": "Med en länk i e-post",
    "web.sign_in.email_label": "Din e-postadress",
    "web.sign_in.email_hint": (
        "Samma adress som är registrerad hos oss, till exempel namn@kommun.se."
    ),
    "web.sign_in.email_button": "Skicka inloggningslänk",
    "web.sign_in.too_many": "Du har försökt för många gånger. Vänta en kvart och försök igen.",
    "web.sign_in.signed_out": "Du är utloggad.",
    "web.sent.title": "Titta i din e-post",
    "web.sent.text": (
        "Om adressen finns registrerad hos oss har vi just skickat ett mejl till den med en "
        "inloggningslänk. Öppna länken i den här webbläsaren. Länken gäller i {minutes} minuter "
        "och kan bara användas en gång."
    ),
    "web.sent.code_heading": "Läser du mejlet på en annan enhet?",
    "web.sent.code_text": "Skriv då in den sexsiffriga koden från mejlet här.",
    "web.sent.code_label": "Kod från mejlet",
    "web.sent.code_button": "Logga in med koden",
    "web.sent.bad_code": (
        "Koden stämmer inte eller har gått ut. Kontrollera koden, eller be om en ny länk."
    ),
    "web.sent.again": "Fick du inget mejl? Be om en ny länk",
    "web.link.text": "Tryck på knappen för att logga in i den här webbläsaren.",
    "web.link.unknown.title": "Länken fungerar inte",
    "web.link.unknown.text": (
        "Länken är inte giltig. Kontrollera att du har fått med hela länken från mejlet, eller be "
        "om en ny länk."
    ),
    "web.link.used.title": "Länken har redan använts",
    "web.link.used.text": "En inloggningslänk kan bara användas en gång. Be om en ny länk.",
    "web.link.expired.title": "Länken har gått ut",
    "web.link.expired.text": "En inloggningslänk gäller i 15 minuter. Be om en ny länk.",
    "web.link.other_browser.title": "Öppna länken i rätt webbläsare",
    "web.link.other_browser.text": (
        "Länken gäller bara i den webbläsare där du bad om den. Öppna den där, eller skriv in "
        "koden från mejlet på sidan som väntar i den webbläsaren. Du kan också be om en ny länk "
        "här."
    ),
    "web.link.new": "Be om en ny länk",
    "web.mail.subject": "Din inloggningslänk till Regionalt serviceprogram",
    "web.mail.greeting": "Hej {name}!",
    "web.mail.asked": "Någon – förhoppningsvis du – bad om att få logga in med den här adressen.",
    "web.mail.open": "Öppna länken i samma webbläsare som du bad om den i:",
    "web.mail.code": (
        "Läser du mejlet på en annan enhet? Skriv då in den här koden i fönstret där du bad om "
        "länken:"
    ),
    "web.mail.valid": "Länken och koden gäller i {minutes} minuter och kan användas en gång.",
    "web.mail.ignore": "Bad du inte om att logga in kan du bortse från mejlet.",
    "web.oidc.unknown.title": "Du finns inte registrerad hos oss",
    "web.oidc.unknown.who": "Du loggade in som {shown}.",
    "web.oidc.unknown.text": (
        "Inloggningen lyckades, men ingen person med det kontot är registrerad i programmet. Be "
        "processledaren eller administratören att lägga till dig med samma e-postadress som ditt "
        "konto har."
    ),
    "web.oidc.unknown.back": "Tillbaka till inloggningen",
    "web.oidc.failed.title": "Inloggningen avbröts",
    "web.oidc.failed.text": (
        "Inloggningen via ditt organisationskonto gick inte att slutföra (den kan ha avbrutits "
        "eller tagit för lång tid). Försök igen från inloggningssidan."
    ),
    "web.oidc.unavailable.title": "Inloggningstjänsten svarar inte",
    "web.oidc.unavailable.text": (
        "Vi kan inte nå organisationens inloggningstjänst just nu. Försök igen om en stund, eller "
        "logga in med en länk i e-post."
    ),
    "web.role.responsible_body": "ansvarig aktör för insatsen",
    "web.role.admin": "administratör",
    "web.or_join": "{first} eller {last}",
    "web.guard.fired": "Först ska detta ha skett: {what}.",
    "web.guard.final": "Beslutet ({what}) har inte vunnit laga kraft än.",
    "web.guard.remiss": "Remisstiden har inte gått ut och alla remissinstanser har inte svarat.",
    "web.overview.final": "slutläge",
    "web.overview.since": "Sedan",
    "web.overview.now": "nuvarande skede",
    "web.overview.against_plan": "Mot planen",
    "web.overview.next": "Vad kan hända härnäst",
    "web.overview.leads_to": "Leder till: {to}.",
    "web.overview.who": "Får göras av: {who}.",
    "web.overview.needs_decision": "Kräver ett nämndbeslut.",
    "web.overview.not_yet": "Inte möjligt än:",
    "web.overview.own_service": (
        "Registreras tillsammans med remissen (remissidan kommer i nästa version; till dess med "
        "kommandot rsp remiss)."
    ),
    "web.overview.record": "Registrera",
    "web.overview.nothing_next": "Inget mer kan hända i processen.",
    "web.overview.pending": "Beslut som ännu inte vunnit laga kraft",
    "web.action.now": "Skede nu",
    "web.action.then": "Skede efteråt",
    "web.action.stays": "Oförändrat (händelsen registreras)",
    "web.action.who": "Får göras av",
    "web.action.not_possible": "Det här kan inte registreras i skedet {stage}.",
    "web.action.not_yours": "Det här får bara {who} registrera. Du har inte den rollen.",
    "web.action.decision_hint": (
        "Sammanträdesdatum, paragraf och diarienummer, till exempel 2023-05-23 § 89 RUN/536/2021."
    ),
    "web.action.decision_text": "Beslutets lydelse",
    "web.action.decision_text_hint": "Utan lydelse sparas kommentaren som beslutstext.",
    "web.action.comment_hint": "Vad har hänt? Kommentaren sparas i händelseloggen.",
    "web.action.confirm": "Bekräfta och registrera",
    "web.action.cancel": "Avbryt",
    "web.decision.problem": "Beslutsreferensen saknar {parts}.",
    "web.decision.missing.date": "sammanträdesdatum (ÅÅÅÅ-MM-DD)",
    "web.decision.missing.paragraph": "paragraf (§ och ett nummer)",
    "web.decision.missing.diary": "diarienummer (till exempel RUN/536/2021)",
    "web.decision.twice.date": "ett enda datum (det står flera)",
    "web.decision.twice.paragraph": "en enda paragraf (det står flera)",
    "web.decision.twice.diary": "ett enda diarienummer (det står flera)",
    "web.decision.missing.real_date": "ett datum som finns i kalendern",
    "web.decision.one_line": "Skriv beslutsreferensen på en kort rad.",
    "web.refused.permission_who": "Du har inte behörighet: det här får bara {who} göra.",
    "web.refused.permission": "Du har inte behörighet att göra det här.",
    "web.refused.conflict": (
        "Någon annan hann ändra samma sak just innan, så ingenting sparades. Läs sidan igen och "
        "försök på nytt."
    ),
    "web.refused.too_long": "Texten får vara högst 4 000 tecken.",
    "web.refused.decision_missing": (
        "Ange beslutsreferensen: sammanträdesdatum, paragraf och diarienummer."
    ),
    "web.refused.not_yet": "Det går inte än. {why}",
    "web.refused.not_now": "Det går inte i det här läget.",
    "web.refused.other": "Det gick inte att registrera.",
    "web.refused.detail": "Systemets förklaring (på engelska):",
    "web.measures.count": "{n} träffar",
    "web.measures.lead": "Huvudansvarig",
    "web.measures.next_date": "Nästa tidsmål",
    "web.filter.heading": "Urval",
    "web.filter.due.overdue": "passerade (försenade)",
    "web.filter.due.within": "inom {n} dagar eller försenade",
    "web.filter.all": "Alla",
    "web.filter.unknown": "Välj ett av alternativen i listan.",
    "web.filter.bad_date": "Skriv datumet som ÅÅÅÅ-MM-DD, till exempel 2023-05-23.",
    "web.measure.all": "Alla insatser",
    "web.measure.done.step": "Registrerat.",
    "web.measure.done.note": "Anteckningen är sparad.",
    "web.measure.since": "sedan {day}",
    "web.measure.actions": "Det du kan göra",
    "web.measure.no_actions": "Du kan inte ändra insatsen i det här läget.",
    "web.measure.others": "Andra kan:",
    "web.measure.note": "Skriv en anteckning",
    "web.measure.note_label": "Anteckning om hur arbetet går",
    "web.measure.note_button": "Spara anteckningen",
    "web.tasks.nothing": "Du har inget att göra just nu.",
    "web.tasks.process": "I processen",
    "web.tasks.no_process": "Inget steg i processen väntar på dig.",
    "web.tasks.measures": "Insatser med tidsmål inom {n} dagar eller försenade",
    "web.tasks.measures_all": "Alla insatser i programmet.",
    "web.tasks.measures_mine": "Insatser där din organisation är ansvarig.",
    "web.tasks.replies": "Remissvar att registrera",
    "web.tasks.replies_text": (
        "{a} av {n} remissinstanser har svarat; sista svarsdag {reply_by}. Väntar på:"
    ),
    "web.history.refused": "NEKAD:",
    "web.history.reason": "Skäl (på engelska):",
    "web.history.applied": "genomförda",
    "web.history.refused_only": "nekade försök",
    "web.history.kind": "Gäller",
    "web.history.since": "Från och med",
    "web.history.count": "{n} händelser.",
    "web.history.limited": "De {n} senaste visas.",
    "web.kind.process": "processen",
    "web.kind.measure": "insatser",
    "web.kind.remiss": "remissen",
    "web.kind.body": "ansvariga aktörer",
    "web.kind.person": "personer och roller",
    "web.kind.plan": "handlingsplaner",
    "web.kind.decision": "beslut",
    "web.kind.other": "övrigt",
    "web.action.programme.created": "Programmet skapat",
    "web.action.process.created": "Processen skapad",
    "web.action.definition.loaded": "Processbeskrivning inläst",
    "web.action.person.added": "Person registrerad",
    "web.action.person.add": "Registrera person",
    "web.action.role.granted": "Roll tilldelad",
    "web.action.role.grant": "Tilldela roll",
    "web.action.role.removed": "Roll borttagen",
    "web.action.body.added": "Ansvarig aktör tillagd",
    "web.action.body.updated": "Ansvarig aktör ändrad",
    "web.action.body.members": "Gruppens medlemmar ändrade",
    "web.action.body.person_added": "Person knuten till aktör",
    "web.action.body.person_removed": "Person borttagen från aktör",
    "web.action.plan.imported": "Handlingsplan inläst",
    "web.action.plan.rollover": "Överföring till nästa års plan",
    "web.action.measure.created": "Insats inläst",
    "web.action.measure.updated": "Insats ändrad",
    "web.action.plan.import": "Läsa in handlingsplan",
    "web.action.bodies.import": "Läsa in ansvariga aktörer",
    "web.action.body.add": "Lägga till ansvarig aktör",
    "web.action.body.member": "Knyta person till aktör",
    "web.action.delegation.create": "Delegera",
    "web.action.delegation.revoke": "Återkalla delegation",
    "web.action.measure.note": "Anteckning",
    "web.action.followup.recorded": "Uppföljning registrerad",
    "web.action.followup.record": "Registrera uppföljning",
    "web.action.remiss.opened": "Remissen öppnad",
    "web.action.remiss.closed": "Remissen avslutad",
    "web.action.remiss.reply": "Remissvar",
    "web.action.decision.appealed": "Beslutet överklagat",
    "web.action.decision.delegated": "Delegationsbeslut",
    "web.action.delegation.created": "Delegation",
    "web.action.delegation.revoked": "Delegation återkallad",
    "web.action.reminders.queued": "Påminnelser köade",
    "web.action.digest.queued": "Veckorapport köad",
    "web.action.mail.sent": "E-post skickad",
    "web.action.mail.failed": "E-post kunde inte skickas",
    "web.action.outbox.retry": "E-post skickas igen",
    "web.programmes.title": "Dina program",
    "web.programmes.none": (
        "Du har ännu ingen roll i något program och företräder ingen ansvarig aktör. Kontakta "
        "processledaren eller administratören så lägger de till dig."
    ),
    "web.error.not_found.title": "Sidan finns inte",
    "web.error.not_found.text": (
        "Sidan finns inte, eller så har du inte tillgång till den. Kontrollera adressen eller gå "
        "till startsidan."
    ),
    "web.error.csrf.title": "Formuläret kunde inte skickas",
    "web.error.csrf.text": (
        "Formuläret har gått ut eller kom inte från den här sidan, så ingenting ändrades. Ladda "
        "om sidan och försök igen."
    ),
    "web.error.method.title": "Det går inte att göra så här",
    "web.error.method.text": "Sidan tar inte emot den sortens förfrågan.",
    "web.error.bad.title": "Felaktig förfrågan",
    "web.error.bad.text": "Förfrågan gick inte att förstå. Gå tillbaka och försök igen.",
    "web.error.internal.title": "Något gick fel",
    "web.error.internal.text": (
        "Ett fel uppstod hos oss. Försök igen om en stund; kvarstår felet, kontakta IT-avdelningen."
    ),
    "web.error.home": "Till startsidan",
    "web.nav.remiss": "Remiss",
    "web.form.date_missing": "Ange ett datum.",
    "web.form.date_bad": (
        "”{value}” är inget datum. Skriv till exempel 2023-05-30, 30/5 2023 eller 30 maj 2023."
    ),
    "web.form.date_hint": "Till exempel 2023-05-30 eller 30/5 2023.",
    "web.form.saved": "Sparat.",
    "web.form.not_saved": "Inget sparades. Rätta det som står vid fälten och försök igen.",
    "web.form.text_missing": "Fyll i fältet.",
    "web.form.too_long": "Texten är för lång (högst 4 000 tecken).",
    "web.form.not_allowed": "Du har inte behörighet att göra detta.",
    "web.download": "Ladda ned",
    "web.print_view": "Utskriftsvänlig version",
    "web.decisions.intro": (
        "Nämndens beslut och hur långt de har kommit mot att vinna laga kraft: protokollet "
        "justeras, anslås, och beslutet vinner laga kraft tre veckor efter anslaget om det inte "
        "överklagas."
    ),
    "web.decisions.reference": "Beslut",
    "web.decisions.text": "Lydelse",
    "web.decisions.step": "Läge",
    "web.decisions.final": "Laga kraft",
    "web.decisions.final_on": "{day}",
    "web.decisions.expected": "väntas {day}",
    "web.decisions.none": "Inga beslut registrerade än.",
    "web.decisions.record": "Registrera ett beslut",
    "web.decisions.record_intro": "Ett nämndbeslut registreras med det processteg det avser:",
    "web.decisions.no_record": "Inget processteg som kräver ett nämndbeslut är möjligt just nu.",
    "web.decisions.delegations_link": "Delegationer och delegationsbeslut",
    "web.decision.body": "Beslutande organ",
    "web.decision.meeting": "Sammanträde",
    "web.decision.diary": "Diarienummer",
    "web.decision.appeal_last_day": "Sista dag att överklaga",
    "web.decision.appealed": "Överklagat",
    "web.decision.appealed_by": "{day} av {by}",
    "web.decision.outcome": "Överklagandets utgång",
    "web.decision.outcome.upheld": "Beslutet står fast",
    "web.decision.outcome.overturned": "Beslutet upphävt",
    "web.decision.not_yet": "Inte än",
    "web.decision.not_yours": (
        "Stegen registreras av den som beslutar för nämnden (nämndsekreteraren)."
    ),
    "web.decision.nothing_more": "Inga fler steg att registrera.",
    "web.decision.step.approve": "Protokollet har justerats",
    "web.decision.step.announce": "Protokollet har anslagits",
    "web.decision.step.announce_hint": (
        "Överklagandetiden, tre veckor, börjar dagen efter anslaget."
    ),
    "web.decision.step.appeal": "Beslutet har överklagats",
    "web.decision.step.appeal_by": "Vem överklagade",
    "web.decision.step.resolve": "Överklagandet är avgjort",
    "web.decision.step.outcome": "Utgång",
    "web.decision.history": "Händelser för beslutet",
    "web.decision.bad.before": "Datumet ligger före {day}.",
    "web.decision.bad.future": "Datumet ligger i framtiden.",
    "web.decision.bad.late_appeal": (
        "Överklagandetiden gick ut {day}; ett senare överklagande avvisas och hindrar inte att "
        "beslutet vinner laga kraft."
    ),
    "web.decision.bad.by": "Skriv vem som överklagade (en rad, högst 200 tecken).",
    "web.decision.bad.outcome": "Välj hur överklagandet avgjordes.",
    "web.decision.bad.step": "Steget går inte att registrera nu (beslutet är {step}).",
    "web.delegations.title": "Delegationer",
    "web.delegations.intro": (
        "Nämnden kan delegera en sorts beslut till en person eller en roll. Den som har "
        "delegationen fattar sådana beslut för nämndens räkning och de återrapporteras till "
        "nämnden."
    ),
    "web.delegations.kind": "Sorts beslut",
    "web.delegations.to": "Delegerad till",
    "web.delegations.by_decision": "Genom beslut",
    "web.delegations.used": "Använd",
    "web.delegations.revoked": "Återkallad {day}",
    "web.delegations.none": "Inga delegationer.",
    "web.delegations.role": "rollen {role}",
    "web.delegations.new": "Ny delegation",
    "web.delegations.kind_hint": "Till exempel action_plan (den årliga handlingsplanen).",
    "web.delegations.to_person": "Till person",
    "web.delegations.to_role": "Eller till roll",
    "web.delegations.choose": "– välj –",
    "web.delegations.decision_hint": (
        "Nämndens delegationsbeslut: datum, § och diarienummer, t.ex. 2023-05-23 § 89 RUN/536/2021."
    ),
    "web.delegations.wording": "Delegationens lydelse",
    "web.delegations.create": "Registrera delegationen",
    "web.delegations.revoke": "Återkalla",
    "web.delegations.revoke_note": "Beslut om återkallelse",
    "web.delegations.done.created": "Delegationen är registrerad.",
    "web.delegations.done.revoked": "Delegationen är återkallad.",
    "web.delegations.done.decided": "Delegationsbeslutet är registrerat.",
    "web.delegations.decide": "Registrera ett delegationsbeslut",
    "web.delegations.decide_ref_hint": (
        "Datum och diarienummer, § om det finns, t.ex. 2023-11-14 RUN/1187/2023."
    ),
    "web.delegations.decide_text": "Beslutet",
    "web.delegations.report": "Återrapportering till nämnden",
    "web.delegations.report_intro": (
        "Delegationsbesluten under en period, att återrapportera till nämnden."
    ),
    "web.delegations.decided_on": "Beslutsdag",
    "web.delegations.decided_by": "Fattat av",
    "web.delegations.under": "Med stöd av",
    "web.delegations.bad.kind": (
        "Skriv sortens namn med små bokstäver, siffror och _, t.ex. action_plan."
    ),
    "web.delegations.bad.to": "Välj en person eller en roll (en av dem).",
    "web.delegations.bad.already": "Den här sortens beslut är redan delegerad dit.",
    "web.delegations.bad.revoked": "Delegationen är redan återkallad.",
    "web.delegations.bad.not_covered": "Ingen gällande delegation av {kind} omfattar dig.",
    "web.delegations.bad.recorded": "Beslutet är redan registrerat.",
    "web.delegations.bad.before_delegation": "Beslutet är äldre än delegationen.",
    "web.delegations.bad.until": "Slutdagen ligger före startdagen.",
    "web.followup.title": "Uppföljning {year}",
    "web.followup.intro": (
        "Varje insats i årets handlingsplan följs upp mot sitt delmål: uppnått, delvis uppnått "
        "eller ej uppnått, med en kommentar. Fyll i det du vet och spara; rader du lämnar tomma "
        "kan du fylla i senare."
    ),
    "web.followup.no_plans": (
        "Programmet har ingen handlingsplan ännu. När en plan är inläst följs den upp här."
    ),
    "web.followup.years": "Handlingsplaner",
    "web.followup.form": "Utfall per insats",
    "web.followup.comment": "Kommentar mot delmålet",
    "web.followup.reason": "Skäl",
    "web.followup.reason_hint": "Bara om insatsen inte är genomförd men ändå uppnådd: varför.",
    "web.followup.state": "Läge: {state}",
    "web.followup.subgoal": "Delmål: {text}",
    "web.followup.recorded": "Registrerat av {who} {day}",
    "web.followup.save": "Spara uppföljningen",
    "web.followup.not_yours": "Uppföljningen registreras av arbetsgruppen. Du kan läsa rapporten.",
    "web.followup.done.saved": "Sparat: {n} insatser.",
    "web.followup.done.rollover": "{n} insatser fördes över till nästa års handlingsplan.",
    "web.followup.bad.outcome": "Välj ett utfall.",
    "web.followup.bad.comment": "Skriv vad som uppnåddes mot delmålet.",
    "web.followup.bad.reason": (
        "Insatsen är inte genomförd (läge: {state}). Skriv varför den ändå är uppnådd, eller välj "
        "delvis eller ej uppnått."
    ),
    "web.followup.report": "Rapporten",
    "web.followup.report_page": "Visa uppföljningsrapporten",
    "web.followup.xlsx": "Excel (.xlsx)",
    "web.followup.csv": "CSV för Excel",
    "web.followup.rollover": "Föra över till {year}",
    "web.followup.rollover_intro": (
        "Insatser som inte är avslutade förs över till {year} års handlingsplan, med tidsmålen "
        "flyttade ett år. Det här förs över:"
    ),
    "web.followup.rollover_none": "Inga oavslutade insatser att föra över.",
    "web.followup.rollover_button": "För över {n} insatser till {year}",
    "web.followup.counts": (
        "Uppföljda: {followed} av {total}. Uppnått {achieved}, delvis {partly}, ej uppnått {not_}."
    ),
    "web.followup.followed": "Uppföljda insatser",
    "web.followup.not_followed": "Ännu inte uppföljda",
    "web.followup.share": "Andel uppnådda av de uppföljda: {share}",
    "web.followup.area": "Område {n}: {title}",
    "web.remiss.none": "Ingen remiss har öppnats än.",
    "web.remiss.period": "Remisstid",
    "web.remiss.period_value": "{start} – {end}",
    "web.remiss.moved": "flyttat från {day}, som inte är en arbetsdag",
    "web.remiss.working_days": "Arbetsdagar",
    "web.remiss.lost": "Förlorade till helgdagar",
    "web.remiss.closed_on": "Avslutad {day}",
    "web.remiss.is_open": "Pågår",
    "web.remiss.counts": "{answered} av {n} har svarat ({late} efter svarsdatum).",
    "web.remiss.bodies": "Remissinstanser",
    "web.remiss.state.answered": "Besvarad {day}",
    "web.remiss.state.after": "(efter svarsdatum)",
    "web.remiss.state.overdue": "Sen: inget svar, svarsdatum {day}",
    "web.remiss.state.waiting": "Väntar på svar",
    "web.remiss.reply": "Registrera ett remissvar",
    "web.remiss.summary_hint": "Obligatorisk när instansen har synpunkter.",
    "web.remiss.reply_button": "Registrera svaret",
    "web.remiss.close_intro": (
        "Instanser som inte har svarat registreras som ”inget svar”, och sammanställningen blir "
        "slutlig."
    ),
    "web.remiss.compilation": "Remissammanställning",
    "web.remiss.compilation_page": "Visa remissammanställningen",
    "web.remiss.done.open": "Remissen är öppnad.",
    "web.remiss.done.reply": "Svaret är registrerat.",
    "web.remiss.done.close": "Remissen är avslutad.",
    "web.remiss.bad.received": "Datumet måste ligga mellan remissens öppningsdag och i dag.",
    "web.remiss.bad.position": "Välj ett ställningstagande.",
    "web.remiss.bad.summary": "Sammanfatta synpunkterna.",
    "web.remiss.bad.body": "Välj en remissinstans som inte har svarat än.",
    "web.remiss.bad.bodies": "Välj minst en remissinstans.",
    "web.remiss.bad.reply_by": "Svarsdatumet måste ligga efter dagens datum.",
    "web.remiss.open.intro": (
        "Välj remissinstanser. En grupp, till exempel kommunerna, står för var och en av sina "
        "medlemmar. Svarsdatumet blir tre månader efter i dag om du inte anger ett annat, och "
        "flyttas till nästa arbetsdag om det infaller på en helg eller helgdag."
    ),
    "web.remiss.open.groups": "Grupper",
    "web.remiss.open.single": "Enskilda remissinstanser",
    "web.remiss.open.reply_by": "Svarsdatum",
    "web.remiss.open.reply_by_hint": (
        "Till exempel 2023-02-27 eller 27/2 2023. Lämna tomt för tre månader."
    ),
    "web.remiss.open.preview": "Visa svarsdatum",
    "web.remiss.open.check": "Kontrollera innan du öppnar",
    "web.remiss.open.reply_by_is": "Svar senast {day}",
    "web.remiss.open.working": "{n} arbetsdagar från {start}.",
    "web.remiss.open.lost": "{n} arbetsdagar förloras till helgdagar:",
    "web.remiss.open.no_lost": "Inga arbetsdagar förloras till helgdagar.",
    "web.remiss.open.to": "Remissen går till {n} instanser:",
    "web.remiss.open.confirm": "Bekräfta och öppna remissen",
    "web.remiss.open.not_now": "Remissen kan inte öppnas i processens nuvarande skede.",
    "web.remiss.open.not_yours": "Remissen öppnas av {who}.",
    "web.remiss.compilation.missing": "Svarade inte",
    "web.people.intro": (
        "Alla som är registrerade och deras roller i programmet. En person tas aldrig bort "
        "(händelseloggen behåller dem) men kan inaktiveras: då kan de inte logga in eller göra "
        "något."
    ),
    "web.people.not_admin": "Personer registreras och ändras av programmets administratör.",
    "web.people.login_hint": "Små bokstäver, siffror och . _ @ -; ändras aldrig.",
    "web.people.email_hint": "Inloggningslänkar, påminnelser och lägesrapporter går hit.",
    "web.people.roles": "Roller",
    "web.people.state": "Status",
    "web.people.active": "Aktiv",
    "web.people.inactive": "Inaktiverad",
    "web.people.add": "Registrera en person",
    "web.people.add_button": "Registrera",
    "web.people.all": "Alla personer",
    "web.people.edit": "Rätta namn och e-postadress",
    "web.people.role": "Roll",
    "web.people.grant": "Ge en roll",
    "web.people.grant_button": "Ge rollen",
    "web.people.remove": "Ta bort",
    "web.people.deactivate": "Inaktivera",
    "web.people.deactivate_intro": (
        "Personen kan inte längre logga in eller göra något. Hen finns kvar i händelseloggen och "
        "kan aktiveras igen."
    ),
    "web.people.activate": "Aktivera igen",
    "web.people.no_roles": "Inga roller.",
    "web.people.done.added": "Personen är registrerad.",
    "web.people.done.grant": "Rollen är given.",
    "web.people.done.remove": "Rollen är borttagen.",
    "web.people.done.deactivate": "Personen är inaktiverad.",
    "web.people.done.activate": "Personen är aktiv igen.",
    "web.people.bad.login": "Använd små bokstäver, siffror och . _ @ - (högst 64 tecken).",
    "web.people.bad.taken": "Det användarnamnet finns redan.",
    "web.people.bad.email_taken": (
        "Adressen används redan av en annan person; en adress loggar in en person."
    ),
    "web.people.bad.name": "Skriv personens namn (en rad).",
    "web.people.bad.nothing": "Inget är ändrat.",
    "web.people.bad.yourself": "Du kan inte inaktivera dig själv.",
    "web.people.bad.last_admin": "Programmet måste ha minst en aktiv administratör.",
    "web.people.bad.role": "Välj en roll.",
    "web.people.bad.role_held": "Rollen är redan given (eller inte given).",
    "web.digest.intro": "Samma innehåll som veckorapporten i e-post, för den period du väljer.",
    "web.digest.lead": "Processledarens exemplar (nekade försök, misslyckade utskick)",
    "web.digest.area": "Område",
    "web.digest.bad.future": "Slutdagen ligger i framtiden.",
    "web.nav.reminder_rules": "Påminnelseregler",
    "web.nav.audit": "Granskningsspåret",
    "web.nav.bodies": "Organisationer",
    "web.admin.not_allowed": "Sidan visas för den som har behörighet till den: {who}.",
    "web.admin.who.administer": "programmets administratör",
    "web.admin.who.manage_plans": (
        "den som hanterar handlingsplaner och organisationer, och administratören"
    ),
    "web.outbox.intro": (
        "E-post som programmet skickar: påminnelser, lägesrapporter och andra utskick. "
        "Misslyckade utskick visas först; skicka dem igen när felet är åtgärdat, till exempel en "
        "felaktig adress."
    ),
    "web.outbox.counts": (
        "{failed} misslyckade, {pending} väntar, {sending} skickas, {sent} skickade"
    ),
    "web.outbox.none": "Utkorgen är tom.",
    "web.outbox.recipient": "Mottagare",
    "web.outbox.subject": "Ämne",
    "web.outbox.attempts": "Försök",
    "web.outbox.error": "Senaste fel",
    "web.outbox.times": "Tider",
    "web.outbox.created": "Lagd i kön {at}",
    "web.outbox.next": "Nästa försök {at}",
    "web.outbox.sent_at": "Skickad {at}",
    "web.outbox.action": "Åtgärd",
    "web.outbox.status.failed": "Misslyckad",
    "web.outbox.status.pending": "Väntar",
    "web.outbox.status.sending": "Skickas",
    "web.outbox.status.sent": "Skickad",
    "web.outbox.retry": "Skicka igen",
    "web.outbox.retry_all": "Skicka alla misslyckade igen ({n})",
    "web.outbox.done": "{n} utskick ligger i kön igen och skickas vid nästa körning.",
    "web.outbox.shown": "Visar de {n} första av {total}.",
    "web.outbox.bad.not_failed": (
        "Bara misslyckade utskick kan skickas igen; det här har redan ett annat läge."
    ),
    "web.rules.title": "Påminnelseregler i kraft",
    "web.rules.intro": (
        "Det här är reglerna som bestämmer vem som påminns om vad och när. De ändras med "
        "kommandot rsp remind rules set."
    ),
    "web.rules.own": "Programmets egna regler",
    "web.rules.bundled": "De medföljande reglerna",
    "web.rules.source": "Källa",
    "web.rules.send_at_value": (
        "kl. {time} på arbetsdagar (lördag, söndag och helgdag: nästa arbetsdag)"
    ),
    "web.rules.catch_up": "Missade påminnelser",
    "web.rules.catch_up_value": "skickas om de är högst {n} dagar gamla",
    "web.rules.kind.milestone": "Milstolpar i processen",
    "web.rules.kind.remiss": "Remissen",
    "web.rules.working_days.move_to_next": (
        "En tidsgräns på en lördag, söndag eller helgdag flyttas till nästa arbetsdag (lag "
        "1930:173) innan dagarna räknas."
    ),
    "web.rules.working_days.as_is": "Tidsgränsen räknas som den är.",
    "web.rules.rule": "Regel",
    "web.rules.before": "{n} dagar före tidsgränsen",
    "web.rules.on_day": "på dagen för tidsgränsen",
    "web.rules.overdue": "var {n}:e dag efter tidsgränsen, högst {times} gånger",
    "web.rules.overdue_unlimited": "var {n}:e dag efter tidsgränsen",
    "web.rules.cc": "Kopia till",
    "web.rules.applies": "Gäller nu",
    "web.rules.no_items": "Inget öppet just nu.",
    "web.rules.deadline": "Tidsgräns",
    "web.rules.none": "Inga regler för detta slag.",
    "web.rules.next": "Kommande påminnelser",
    "web.rules.next_intro": "Påminnelser fram till {until} om inget ändras under tiden.",
    "web.rules.next_none": "Inga påminnelser under perioden.",
    "web.rules.to": "Till",
    "web.rules.queued": "(redan i utkorgen)",
    "web.rules.problems": "Att åtgärda",
    "web.audit.title": "Granskningsspårets status",
    "web.audit.intro": (
        "Granskningsspåret är programmets logg över varje ändring och varje nekat försök. Det är "
        "en allmän handling och får bara gallras enligt beslut."
    ),
    "web.audit.rows": "Rader",
    "web.audit.chains": "Kedjor",
    "web.audit.key_set": "Spåret är förseglat med nyckel {key_id}.",
    "web.audit.key_here": "Servern har nyckeln och kontrollerar förseglingarna.",
    "web.audit.key_missing_here": (
        "Servern har inte nyckeln (RSP_AUDIT_KEY_FILE): förseglingarna kontrolleras inte."
    ),
    "web.audit.no_key": (
        "Ingen nyckel: den som kan skriva i databasen kan skriva om spåret utan att det märks. "
        "Skapa en nyckel (rsp audit keygen) och försegla (rsp audit seal)."
    ),
    "web.audit.checkpoint": "Senaste kontrollpunkt",
    "web.audit.no_checkpoint": "Ingen kontrollpunkt ännu (rsp audit checkpoint).",
    "web.audit.cp_made": "Gjord",
    "web.audit.cp_reason": "Anledning",
    "web.audit.cp_rows": "Omfattar rader",
    "web.audit.cp_head": "Huvudhash",
    "web.audit.cp_signed": "Signerad",
    "web.audit.cp_after": "Rader efter den",
    "web.audit.yes": "Ja",
    "web.audit.no": "Nej",
    "web.audit.last": "Senaste kontroll",
    "web.audit.never": "Spåret har inte kontrollerats härifrån ännu.",
    "web.audit.ok": "Spåret höll: {rows} rader kontrollerade {at} av {actor}.",
    "web.audit.broken": "Spåret är BRUTET: kontrollerat {at} av {actor}. Problemen:",
    "web.audit.seals_checked": "{n} förseglingar kontrollerade.",
    "web.audit.cp_held": "Spåret leder fortfarande till den senaste kontrollpunkten.",
    "web.audit.verify": "Kontrollera spåret nu",
    "web.audit.verify_hint": "Kontrollen läser hela spåret och kan ta en stund när det är stort.",
    "web.audit.done": "Kontrollen är klar.",
    "web.bodies.title": "Organisationer och kontaktpersoner",
    "web.bodies.intro": (
        "Organisationerna som ansvarar för insatser och svarar på remissen. Påminnelser går till "
        "organisationens adresser; kontaktpersonerna kan logga in och arbeta med organisationens "
        "insatser."
    ),
    "web.bodies.key": "Kortnamn",
    "web.bodies.key_hint": "Små bokstäver a–z, siffror, _ eller -, till exempel ostersunds-kommun.",
    "web.bodies.kind": "Slag",
    "web.bodies.emails": "E-postadresser",
    "web.bodies.emails_hint": (
        "En eller flera, åtskilda med komma, till exempel registrator@kommun.se."
    ),
    "web.bodies.members": "Kontaktpersoner",
    "web.bodies.group_of": "Grupp av",
    "web.bodies.add": "Lägg till en organisation",
    "web.bodies.add_button": "Lägg till",
    "web.bodies.edit": "Rätta namn och adresser",
    "web.bodies.all": "Alla organisationer",
    "web.bodies.none": "Inga ännu.",
    "web.bodies.choose": "Välj",
    "web.bodies.kind.authority": "Myndighet",
    "web.bodies.kind.region": "Region",
    "web.bodies.kind.municipality": "Kommun",
    "web.bodies.kind.university": "Lärosäte",
    "web.bodies.kind.business": "Näringsliv",
    "web.bodies.kind.agency": "Organ eller byrå",
    "web.bodies.kind.group": "Grupp",
    "web.bodies.contact_add": "Lägg till en kontaktperson",
    "web.bodies.contact_add_intro": (
        "Är personen redan registrerad räcker användarnamnet; annars registreras hen med namn och "
        "e-postadress."
    ),
    "web.bodies.login_hint": "Bokstäver, siffror och . _ @ -, till exempel anna.berg.",
    "web.bodies.contact_edit": "Rätta",
    "web.bodies.contact_remove": "Ta bort som kontaktperson",
    "web.bodies.no_contacts": "Inga kontaktpersoner.",
    "web.bodies.inactive": "(inaktiv)",
    "web.bodies.done.added": "Organisationen är tillagd.",
    "web.bodies.done.contact_added": "Kontaktpersonen är tillagd.",
    "web.bodies.done.contact_edit": "Kontaktpersonen är rättad.",
    "web.bodies.done.contact_remove": "Personen är inte längre kontaktperson.",
    "web.bodies.bad.key": "Använd små bokstäver a–z, siffror, _ eller - (högst 64 tecken).",
    "web.bodies.bad.key_taken": "Det finns redan en organisation med det kortnamnet.",
    "web.bodies.bad.name": "Skriv namnet på en rad, högst 200 tecken.",
    "web.bodies.bad.name_missing": "Skriv ett namn.",
    "web.bodies.bad.kind": "Välj ett slag.",
    "web.bodies.bad.emails_missing": (
        "Ange minst en e-postadress: påminnelserna går till organisationens adresser."
    ),
    "web.bodies.bad.email": (
        "»{value}» går inte att skicka till. Skriv en adress som namn@kommun.se, med bara a–z, "
        "siffror och . - _ (en domän med å, ä eller ö skrivs i sin xn---form)."
    ),
    "web.bodies.bad.email_missing": "Ange kontaktpersonens e-postadress.",
    "web.bodies.bad.email_taken": (
        "Adressen tillhör redan en annan person; en adress loggar in en person."
    ),
    "web.bodies.bad.login": "Använd bokstäver, siffror och . _ @ - (högst 64 tecken).",
    "web.bodies.bad.member": "Personen är redan kontaktperson för organisationen.",
    "web.bodies.bad.nothing": "Inget att ändra: uppgifterna är desamma som förut.",
    "web.bodies.bad.admin_only": (
        "Personen har roller i programmet; hennes eller hans adress rättas av administratören "
        "under Personer."
    ),
    "web.rules.until": "Visa påminnelser till och med",
    "web.rules.until_hint": "Ett datum, till exempel 2023-06-30.",
    "web.bodies.measures": "Ansvarar för insatserna",
    "web.rules.bad.until": "Välj en dag från i dag och högst {days} dagar framåt.",
    "web.plans.intro": (
        "Läs in årets handlingsplan från en Excel-arbetsbok (.xlsx) eller en YAML-fil. Hela filen "
        "kontrolleras först: finns något fel importeras ingenting, och varje fel visas med sin "
        "plats i filen. Rätta filen och ladda upp den igen."
    ),
    "web.plans.years": "Inlästa planer",
    "web.plans.no_years": "Ingen plan är inläst än.",
    "web.plans.template": "Mall att utgå från",
    "web.plans.template_xlsx": "Ladda ned mallen som Excel-arbetsbok (.xlsx)",
    "web.plans.template_yaml": "Ladda ned mallen som YAML-fil",
    "web.plans.template_hint": (
        "Mallen har bladen Plan, Områden, Mål och Åtgärder med en exempelrad i vart och ett, och "
        "ett blad med instruktioner."
    ),
    "web.plans.upload": "Läs in en plan",
    "web.plans.year": "Planens år",
    "web.plans.year_hint": "Till exempel 2026.",
    "web.plans.file": "Fil med planen",
    "web.plans.file_hint": "En Excel-arbetsbok (.xlsx) eller en YAML-fil (.yaml), högst 5 MB.",
    "web.plans.button": "Kontrollera och importera",
    "web.plans.not_manager": "Bara den som hanterar handlingsplaner kan läsa in en plan här.",
    "web.plans.problems": (
        "Inget importerades. Filen har {n} fel: rätta dem och ladda upp filen igen."
    ),
    "web.plans.problems_caption": "Fel i {name}",
    "web.plans.place": "Plats",
    "web.plans.bad.year": "Ange planens år med fyra siffror, till exempel 2026.",
    "web.plans.bad.file": "Välj en fil med planen (.xlsx eller .yaml).",
    "web.plans.bad.kind": (
        "Filen ska vara en Excel-arbetsbok (.xlsx) eller en YAML-fil (.yaml eller .yml)."
    ),
    "web.plans.bad.size": "Filen är för stor (högst 5 MB).",
    "web.plans.done.imported": (
        "Handlingsplanen för {year} är importerad: {created} nya åtgärder, {updated} ändrade."
    ),
    "web.plans.done.unchanged": "Handlingsplanen för {year} var redan inläst: inget ändrades.",
    "web.file.followup": "uppfoljning-{year}",
    "web.file.plan": "handlingsplan-{year}",
    "web.file.compilation": "remissammanstallning.xlsx",
    # --- serve ---------------------------------------------------------------------------
    "serve.workers": "rsp serve: {url}/ med {workers} arbetsprocesser på {db}",
    "serve.listening": "rsp serve: lyssnar på {url}/ (databas {db})",
    "serve.sign_in": "inloggning",
    "serve.mail": "utskick",
    # --- bodies --------------------------------------------------------------------------
    "bodies.problem.mapping": "måste vara en tabell (nyckel: värde), inte {what}",
    "bodies.problem.unknown_field": "okänt fält {name!r}; möjliga fält: {expected}",
    "bodies.problem.missing_field": "fältet '{name}' saknas",
    "bodies.problem.field": "fältet {name!r}: {problem}",
    "bodies.problem.not_list": "måste vara en lista, inte {what}",
    "bodies.problem.empty_list": "måste ha minst en rad",
    "bodies.problem.not_number": "måste vara ett positivt heltal, inte {what}",
    "bodies.problem.not_date": "{value!r} är inget datum (ÅÅÅÅ-MM-DD)",
    "bodies.problem.quote_it": (
        'måste vara text, inte {what}; skriv det inom citattecken: "{value}"'
    ),
    "bodies.problem.not_empty": "får inte vara tomt",
    "bodies.problem.not_text": "måste vara text, inte {what}",
    "bodies.problem.empty": "tomt",
    "bodies.problem.yes_no": "ett ja/nej-värde ({value})",
    "bodies.problem.a_number": "ett tal ({value})",
    "bodies.problem.a_list": "en lista",
    "bodies.problem.a_mapping": "en tabell",
    "bodies.problem.unknown": "{kind} {value!r} finns inte",
    "bodies.problem.did_you_mean": "; menade du {name!r}?",
    "bodies.problem.body": "aktören",
    "bodies.problem.goal": "målet",
    "bodies.problem.not_in_bodies": " (finns inte bland aktörerna)",
    "bodies.problem.goal_form": "<område>.<nummer>, t.ex. 1.1",
    "bodies.problem.measure_form": "<område>.<BOKSTAV>, t.ex. 2.B",
    "bodies.problem.id_form": "{ident!r} ska skrivas {form}",
    "bodies.problem.id_area": "{ident!r} ska börja med '{number}.' (område {number})",
    "bodies.problem.duplicate_id": "id {ident!r} finns redan (första gången på rad {first})",
    "bodies.problem.before_year": "{date} ligger före planens år {year}",
    "bodies.problem.after_year": "{date} ligger mer än ett år efter planens år {year}",
    "bodies.problem.plans_goals": " (planens mål: {goals})",
    "bodies.problem.listed_twice": "{body!r} står två gånger",
    "bodies.problem.year_asked": "planen gäller {plan_year}, inte {year} som angavs",
    "bodies.problem.starts_year": "{starts} ligger inte i planens år {plan_year}",
    "bodies.problem.duplicate_area": (
        "områdesnummer {number} finns redan (första gången på rad {first})"
    ),
    "bodies.place.file": "filen",
    "bodies.place.plan": "planen",
    "bodies.place.measure": "insats",
    "bodies.place.field": "fältet",
    "bodies.place.body": "aktör",
    # --- reminders -----------------------------------------------------------------------
    "reminders.problem.milestone_nobody": (
        "{programme}: milstolpe {state}: ingen som har rollen {roles} har en e-postadress"
    ),
    "reminders.problem.measure_no_body": (
        "insats {code} ({year}): ingen ansvarig aktör; ingen att påminna"
    ),
    "reminders.problem.measure_lead_no_email": (
        "insats {code} ({year}): den ledande aktören {body} har ingen e-postadress"
    ),
    "reminders.problem.remiss_no_email": "remiss {id}: {body} har ingen e-postadress",
    "reminders.problem.rules_broken": (
        "{programme}: dess påminnelseregler kan inte användas, så inga av dess påminnelser "
        "skickas: {error}"
    ),
    "reminders.problem.programme_failed": "program {id}: dess påminnelser misslyckades: {error}",
    "reminders.problem.mail_not_made": "{subject} till {address}: {error}",
    "reminders.problem.a_role": "någon roll",
    # --- digest --------------------------------------------------------------------------
    "digest.title": "Veckorapport",
    "digest.lead_title": "Veckorapport – processledarens exemplar",
    "digest.subject": "Veckorapport {programme}, vecka {week} ({end})",
    "digest.subject_lead": "Veckorapport (processledare) {programme}, vecka {week} ({end})",
    "digest.period": "Perioden {start} – {end}",
    "digest.compiled": "Sammanställd {at}",
    "digest.page": (
        "Sammanställningen i rsp, där du också kan välja en annan period (du loggar in med din "
        "e-postadress)"
    ),
    "digest.stage": "Läget",
    "digest.current_stage": "Nuvarande skede",
    "digest.since": "sedan {day}, {n} dagar",
    "digest.since_one": "sedan {day}, 1 dag",
    "digest.since_later": "från {day}, efter rapportens dag",
    "digest.final_stage": "slutläge",
    "digest.next_milestone": "Nästa milstolpe",
    "digest.planned_for": "planerad {day}",
    "digest.milestones": "Milstolpar: planerat och faktiskt",
    "digest.timeline": "Tidslinje",
    "digest.legend_on_plan": "nått enligt plan",
    "digest.legend_early": "nått tidigt",
    "digest.legend_late": "nått sent",
    "digest.legend_overdue": "ej nått, efter plan",
    "digest.legend_today": "i dag ({day})",
    "digest.beyond": "utanför bilden",
    "digest.earlier": "Före {day}: {n} milstolpar, {how}.",
    "digest.count_on_plan": "{n} enligt plan",
    "digest.count_early": "{n} tidigt",
    "digest.count_late": "{n} sent",
    "digest.count_overdue": "{n} ej nådda",
    "digest.decisions": "Beslut under perioden",
    "digest.pending": "Beslut som ännu inte vunnit laga kraft",
    "digest.expected_final": "väntas vinna laga kraft {day}",
    "digest.delegated": "delegationsbeslut, {who}",
    "digest.measures": "Insatser per prioriterat område",
    "digest.plan_of": "Handlingsplan {year}",
    "digest.area": "Område {n}",
    "digest.total": "Totalt",
    "digest.no_plans": "Ingen handlingsplan ännu.",
    "digest.overdue": "Försenade insatser",
    "digest.due_soon": "Insatser som ska vara klara inom {n} dagar",
    "digest.due": "Klart senast",
    "digest.target": "Tidsmål",
    "digest.one_day_late": "1 dag sent",
    "digest.more": "… och {n} till: se insatserna i rsp.",
    "digest.remiss_open": "Remissen är öppen; svar senast {day}.",
    "digest.received": "Svar som kommit in ({n})",
    "digest.missing": "Svar som saknas ({n})",
    "digest.late_reply": "sent inkommet",
    "digest.refused": "Nekade försök under perioden",
    "digest.failed": "Misslyckade utskick",
    "digest.standing": "Kvarstående problem med påminnelser och utskick",
    "digest.checkpoint": "Kontrollpunkt för granskningsloggen",
    "digest.checkpoint_note": (
        "Spara detta mejl. Med kontrollpunkten nedan kan granskningsloggen senare kontrolleras: "
        "den visar att loggen inte har ändrats i efterhand."
    ),
    "digest.replay": "Övningsdatabas: tiderna är simulerade.",
    "digest.attempts": "{n} försök",
    "digest.queued_line": (
        "veckorapport {programme} ({copy}, {day}): {recipients} mottagare, {inserted} köade, "
        "{existing} redan i utkorgen"
    ),
    "digest.footer": (
        "Automatisk veckorapport från rsp. Svara inte på detta meddelande; hör av dig till "
        "processledaren om något inte stämmer."
    ),
    # --- digest_position -----------------------------------------------------------------
    "digest_position.agrees": "tillstyrker",
    "digest_position.comments": "har synpunkter",
    "digest_position.no_comments": "inga synpunkter",
    "digest_position.no_answer": "inget svar",
    # --- digest_step ---------------------------------------------------------------------
    "digest_step.decided": "beslutat, protokollet ej justerat",
    "digest_step.announced": "protokollet anslaget, överklagandetid löper",
    # --- daemon --------------------------------------------------------------------------
    "daemon.running": (
        "rsp scheduler: igång (pid {pid}, var {minutes} min, {db}); stoppa med SIGTERM"
    ),
    "daemon.stopped": "rsp scheduler: stoppad",
    "daemon.standby": (
        "rsp scheduler: reserv — {why}; den här tar över inom {seconds} s efter att den stannat"
    ),
    "daemon.taking_over": "rsp scheduler: tar över (pid {pid})",
    "daemon.held_file": "en schemaläggare körs redan på {db} (pid {pid}; låsfil {path})",
    "daemon.held_pg": "en schemaläggare körs redan på {db} (den håller databasens lås)",
    "daemon.stop_it": "{why}; stoppa den först",
    "daemon.database": "databasen: {error}",
    "daemon.transport": "transport: {how}",
    "daemon.sweep": (
        "genomgång: {items} tidsgränser, {due} påminnelse(r) att skicka ({mails} mejl), "
        "{inserted} köade, {existing} redan i utkorgen"
    ),
    "daemon.sweep_broken": "genomgång: inget köat (en mall är trasig, se felet)",
    "daemon.taken_over": ", {n} övertagna",
    "daemon.weekly": "veckorapport: '{cron}' (svensk tid)",
    "daemon.daily": "kontrollpunkt för granskningsloggen: varje dag 06:30 (svensk tid)",
    # --- finality ------------------------------------------------------------------------
    "finality.step.decided": "beslutat",
    "finality.step.announced": "protokollet anslaget",
    "finality.step.final": "laga kraft",
    "finality.step.overturned": "upphävt",
    # --- delegation ----------------------------------------------------------------------
    "delegation.kind.action_plan": "Årlig handlingsplan",
    # --- followup ------------------------------------------------------------------------
    "followup.title": "Uppföljning av handlingsplan {year}",
    "followup.goal_elsewhere": "mål i område {n}, som handlingsplanen anger för insatsen",
    "followup.no_goal": "Utan angivet mål",
    "followup.share": "Andel uppnådda av de uppföljda",
    "followup.not_followed": "Ännu inte uppföljda ({n})",
    "followup.not_followed_intro": (
        "Räknas inte i andelarna ovan; de följs upp innan rapporten är klar."
    ),
    "followup.counts": (
        "uppnått {achieved}, delvis {partly}, ej uppnått {not_}, ej uppföljda {missing}"
    ),
    "followup.no_measures": "Inga insatser detta år",
    "followup.see_above": "redovisas under mål {goal}",
    "followup.also_one": "Även insats {codes} bidrar till målet; den redovisas under mål {goal}.",
    "followup.also_many": (
        "Även insatserna {codes} bidrar till målet; de redovisas under mål {goal}."
    ),
    "followup.summary": "Hela planen",
    "followup.area_title": "Områdets namn",
    "followup.recorded_by": "Registrerad av",
    "followup.recorded_at": "Registrerad",
    "followup.share_of": "{achieved} av {total} ({pct} %)",
    # --- compilation ---------------------------------------------------------------------
    "compilation.title": "Remissammanställning",
    "compilation.period": "Remisstid {start} – {end}",
    "compilation.summary": (
        "Remissen skickades till {n} remissinstanser. {answered} svarade ({late} efter "
        "svarsdatum), {missing} svarade inte."
    ),
    "compilation.open": "Remissen är ännu inte avslutad: sammanställningen är preliminär.",
    "compilation.late": "efter svarsdatum",
    "compilation.answers": "Inkomna svar",
    "compilation.none_answered": "Inga svar har kommit in.",
    "compilation.missing_closed": "Remissinstanser som inte svarade",
    "compilation.missing_open": "Remissinstanser som ännu inte svarat",
    "compilation.nobody": "Alla remissinstanser har svarat.",
    # --- remiss_text ---------------------------------------------------------------------
    "remiss_text.opened": "Remissen öppnades {day} ({who}); svar senast {reply_by}",
    "remiss_text.moved": " (flyttat från {asked}, som inte är en arbetsdag, enligt lag 1930:173)",
    "remiss_text.closed": "Avslutad {day}",
    "remiss_text.left": "{n} dagar kvar till svarsdatum",
    "remiss_text.passed": "svarsdatum har passerat",
    "remiss_text.period": (
        "Remisstiden: {days} dagar, {work} arbetsdagar; helgdagar som faller bort: {lost}"
    ),
    "remiss_text.answers": "Svar: {a} av {n} ({late} sent)",
    "remiss_text.late": "sent",
    "remiss_text.line_open": (
        "Remiss: {a} av {n} har svarat ({late} sent); svar senast {reply_by} ({work} arbetsdagar, "
        "{lost} förlorade till helgdagar)"
    ),
    "remiss_text.line_closed": (
        "Remiss avslutad {day}: {a} av {n} svarade ({late} sent), inget svar från {missing}"
    ),
    "remiss_text.delegated_to": "till",
    "remiss_text.role": "rollen",
    "remiss_text.revoked": "återkallad {day}",
    "remiss_text.active": "gäller",
    "remiss_text.report": "Delegationsbeslut att anmäla till {board}, {since} – {until}",
    "remiss_text.under": "enligt delegation #{id} ({ref})",
    "remiss_text.final_on": "laga kraft {day}",
    "remiss_text.expected": "laga kraft väntas {day}",
    "remiss_text.appeal_until": "överklagandetiden går ut {day}",
    # --- measure_text --------------------------------------------------------------------
    "measure_text.passed": "passerat",
    "measure_text.blocked": "kräver",
    "measure_text.no_rows": "Inga insatser matchar.",
    "measure_text.members": "Medlemmar",
    "measure_text.groups": "Ingår i",
    "measure_text.emails": "E-post",
    # --- workbook ------------------------------------------------------------------------
    "workbook.not_zip": (
        "är ingen Excel-arbetsbok (.xlsx); spara filen som Excel-arbetsbok och försök igen"
    ),
    "workbook.other_format": (
        "är inte .xlsx eller YAML; spara den som Excel-arbetsbok (.xlsx) och försök igen"
    ),
    "workbook.too_big": "är för stor ({n} byte; högst {most})",
    "workbook.unreadable": "kan inte läsas som Excel-arbetsbok ({why})",
    "workbook.no_sheet": "bladet {sheet} saknas (bladen: {have})",
    "workbook.empty_sheet": "bladet är tomt",
    "workbook.no_rows": "bladet har inga rader under rubrikerna",
    "workbook.many_rows": "bladet har {n} rader; högst {most}",
    "workbook.many_columns": "bladet har {n} kolumner; högst {most}",
    "workbook.plan_rows": "bladet Plan ska ha en rad under rubrikerna, inte {n}",
    "workbook.merged": "sammanfogade celler; dela upp dem",
    "workbook.formula": "cellen har en formel ({text}); skriv värdet i stället",
    "workbook.bad_heading": "rubriken {text!r} är okänd; väntade: {known}",
    "workbook.twice_heading": "rubriken {text!r} finns redan i kolumn {first}",
    "workbook.no_heading": "kolumnen {text!r} saknas i rubrikraden",
    "workbook.no_column_heading": "värde i en kolumn utan rubrik",
    "workbook.missing": "{column} saknas",
    "workbook.not_number": "{column} ska vara ett heltal, inte {text!r}",
    "workbook.not_date": "{column}: {text!r} är inget datum (ÅÅÅÅ-MM-DD)",
    "workbook.deadline": "{column}: {text!r} ska vara ett datum ÅÅÅÅ-MM-DD och en text",
    "workbook.goal_id": "id {text!r} ska vara område.nummer, t.ex. 1.1",
    "workbook.measure_id": "id {text!r} ska vara område.BOKSTAV, t.ex. 2.B",
    "workbook.no_area": "område {n} finns inte i bladet {sheet}; kända: {known}",
    "workbook.twice": "{what} {text!r} finns redan på {first}",
    "workbook.area_no_goals": "område {n} har inga mål i bladet {sheet}",
    "workbook.unknown_body": "{column}: {text!r} finns inte; kända aktörer: {known}",
    "workbook.body_twice": "{column}: {text!r} står två gånger",
    "workbook.unknown_goal": "mål {text!r} finns inte i bladet {sheet}; kända: {known}",
    "workbook.wrong_year": "planen gäller {year}, inte {asked} som angavs",
    "workbook.date_year": "{column}: {text} ligger inte i planens år {year} eller året efter",
    "workbook.starts_year": "{column}: {text} ligger inte i planens år {year}",
    "workbook.what.measure": "åtgärd",
    # --- cli -----------------------------------------------------------------------------
    "cli.config.file": "fil",
    "cli.config.env": "miljövariabel",
    "cli.config.default": "standard",
    "cli.config.no_file": (
        "Ingen inställningsfil (--config, RSP_CONFIG eller /etc/rsp/rsp.toml): bara "
        "miljövariabler och standardvärden."
    ),
    "cli.config.file_is": "Inställningsfil: {path}",
    "cli.config.setting": "inställning",
    "cli.config.value": "värde",
    "cli.config.source": "källa",
    "cli.config.ok": "Inga problem.",
    "cli.config.problems": "{n} problem:",
    "cli.config.set": "satt",
    "cli.config.unset": "INTE satt",
    "cli.database.backed_up": "{db}: säkerhetskopia i {file} ({pages} sidor)",
    "cli.database.dumped": "{db}: säkerhetskopia i {file} med:\n  {command}",
    "cli.database.restored": "{file} återställd i {db} (schema {revision})",
    "cli.database.pg_restored": "{file} återställd i {db} med:\n  {command}",
    "cli.database.upgrade": "Schemat är äldre än den här versionens: kör 'rsp db upgrade'.",
    # --- config --------------------------------------------------------------------------
    "config.problem.not_toml": "inte giltig TOML: {error}",
    "config.problem.unreadable": "kan inte läsas: {error}",
    "config.secret_ref": "en inställning *_file eller *_env",
    "config.default.rsp_database_url": "./rsp.db (SQLite)",
    "config.default.rsp_programme": "det enda programmet",
    "config.default.rsp_audit_key_file": "ingen (spåret är inte förseglat)",
    "config.default.rsp_mail_transport": "smtp om smtp.host är satt, annars file",
    "config.default.rsp_outbox_dir": "outbox bredvid en SQLite-databas",
    "config.default.rsp_smtp_port": "587 (465 med tls = ssl)",
    "config.default.rsp_smtp_tls": "starttls (ssl på port 465)",
    "config.default.rsp_smtp_cafile": "systemets CA-certifikat",
    "config.default.rsp_base_url": "adressen i anropet",
    "config.default.rsp_web_secret_file": "en hemlighet som sparas i databasen",
    "config.default.rsp_oidc_issuer": "ingen (ingen inloggning med OpenID Connect)",
    "config.default.rsp_reminder_rules": "varje programs egna",
    "config.default.rsp_template_dir": "de medföljande mallarna",
    "config.problem.secret": (
        "{name}: en hemlighet skrivs aldrig i inställningsfilen; ange i stället var den finns: "
        "{how} (en fil som bara rsp:s användare kan läsa, eller NAMNET på en miljövariabel)"
    ),
    "config.problem.no_section": (
        "{name}: varje inställning hör till en [sektion], t.ex. [database] url"
    ),
    "config.problem.unknown_in": "{name}: ingen sådan inställning (i [{section}]: {known})",
    "config.problem.unknown_section": "{name}: ingen sådan inställning (sektioner: {sections})",
    "config.problem.one_value": "{name}: ange ett värde (text, tal eller true/false)",
    "config.problem.url_password": (
        "database.url: innehåller ett lösenord; skriv adressen utan det och ange "
        "database.password_file eller database.password_env"
    ),
    "config.problem.refused": "inställningsfilen kan inte användas (inget gjordes):",
    "config.problem.see_check": (
        "('rsp config check' visar varje inställning och var den kommer ifrån)"
    ),
    # --- reminder_mail -------------------------------------------------------------------
    "reminder_mail.link.measure": (
        "Insatsen i rsp, där du kan markera den som påbörjad, rapportera hur det går och markera "
        "den som klar"
    ),
    "reminder_mail.link.milestone": "Läget i processen i rsp",
    "reminder_mail.link.sign_in": "Du loggar in med din e-postadress.",
    "reminder_mail.measure": "Insatsen",
    "reminder_mail.milestone": "Milstolpen",
    "reminder_mail.done.measure": "klar",
    "reminder_mail.done.milestone": "nådd",
    "reminder_mail.remiss": "Remissen",
    "reminder_mail.done.remiss": "besvarad",
    "reminder_mail.days_ago": "för {n} dagar sedan",
    "reminder_mail.yesterday": "i går",
    "reminder_mail.subject": "Påminnelse: {title} – senast {date} ({when})",
    "reminder_mail.subject_late": "Försenad: {title} – skulle vara klar {date} ({when})",
    "reminder_mail.moved": "{date} (flyttad från {orig}, {why}, enligt lag (1930:173))",
    "reminder_mail.weekend": "helgdag",
    "reminder_mail.hello": "Hej {name}!",
    "reminder_mail.hello_nobody": "Hej!",
    "reminder_mail.to_organisation": "Till {name}",
    # --- calendar ------------------------------------------------------------------------
    "calendar.reached": "Nått",
    "calendar.deadline": "Sista dag",
    # --- remiss_items --------------------------------------------------------------------
    "remiss_items.title": "{programme} (remissutgåva)",
    "remiss_items.body": "Remissinstans",
    "remiss_items.sent": "Remissen skickades",
    "remiss_items.questions": "Frågor och svar till",
    # --- standing ------------------------------------------------------------------------
    "standing.contacts": "Kontaktpersoner utan e-postadress",
    "standing.reminders": "Påminnelser som inte kan skickas",
    # --- measure_items -------------------------------------------------------------------
    "measure_items.moved": "Sista dag enligt lag (1930:173)",
    # --- milestones ----------------------------------------------------------------------
    "milestones.stage": "Planerat datum",
    "milestones.by": "Görs av",
    # --- scheduler_status ----------------------------------------------------------------
    "scheduler_status.running": "Schemaläggaren: körs (pid {pid}), senaste varv {round}",
    "scheduler_status.stopped": "Schemaläggaren: körs INTE på den här databasen",
    "scheduler_status.last_queued": "Senaste svep som köade e-post: {at}",
    "scheduler_status.last_sent": "Senast skickat: {at}",
    "scheduler_status.queue": (
        "Kö: {queue} väntar (äldsta sedan {oldest}); {failed} misslyckade, {sent} skickade"
    ),
    "scheduler_status.checkpoint": "Senaste kontrollpunkt: {at} ({reason})",
    "scheduler_status.never": "aldrig",
    "scheduler_status.none": "—",
    # --- cli -----------------------------------------------------------------------------
    "cli.reminders.note": "obs",
    # --- date ----------------------------------------------------------------------------
    "date.month.1": "januari",
    "date.month.2": "februari",
    "date.month.3": "mars",
    "date.month.4": "april",
    "date.month.5": "maj",
    "date.month.6": "juni",
    "date.month.7": "juli",
    "date.month.8": "augusti",
    "date.month.9": "september",
    "date.month.10": "oktober",
    "date.month.11": "november",
    "date.month.12": "december",
    "date.month_short.1": "jan",
    "date.month_short.2": "feb",
    "date.month_short.3": "mar",
    "date.month_short.4": "apr",
    "date.month_short.5": "maj",
    "date.month_short.6": "jun",
    "date.month_short.7": "jul",
    "date.month_short.8": "aug",
    "date.month_short.9": "sep",
    "date.month_short.10": "okt",
    "date.month_short.11": "nov",
    "date.month_short.12": "dec",
    "date.weekday.1": "måndag",
    "date.weekday.2": "tisdag",
    "date.weekday.3": "onsdag",
    "date.weekday.4": "torsdag",
    "date.weekday.5": "fredag",
    "date.weekday.6": "lördag",
    "date.weekday.7": "söndag",
    # --- plan ----------------------------------------------------------------------------
    "plan.instructions.1": "Handlingsplan för rsp – så fyller du i arbetsboken",
    "plan.instructions.2": (
        "Bladen Plan, Områden, Mål och Åtgärder är planen. Rad 1 är rubriker: ändra dem inte."
    ),
    "plan.instructions.3": (
        "Plan har en rad. Områden, Mål och Åtgärder har en rad per område, mål och åtgärd."
    ),
    "plan.instructions.4": (
        "Ett måls och en åtgärds område är talet före punkten i dess id (1.1, 2.B)."
    ),
    "plan.instructions.5": "Skriv värden, inte formler, och sammanfoga inga celler.",
    "plan.instructions.6": (
        "Importera: rsp plan import FIL.xlsx --year ÅÅÅÅ, eller på sidan Handlingsplan."
    ),
    "plan.instructions.7": (
        "Allt kontrolleras först; vid fel importeras inget och varje fel visas med blad, rad och "
        "kolumn (t.ex. Åtgärder!F3)."
    ),
    "plan.instructions.8": (
        "Att importera samma plan igen ändrar inget; en ändrad plan uppdaterar åtgärderna."
    ),
    "plan.help_keys": "Nyckel ur aktörsfilen (rsp bodies list); flera: komma eller en per rad.",
    "plan.help_list": "En per rad i cellen (Alt+Enter).",
    "plan.sheet.plan": "Plan",
    "plan.help.plan.year": "Planens år, t.ex. 2026.",
    "plan.help.plan.title": "Planens namn.",
    "plan.column.plan.issuer": "Utfärdare",
    "plan.help.plan.issuer": "Aktören som ger ut planen. {keys}",
    "plan.column.plan.starts": "Gäller från",
    "plan.help.plan.starts": "Datum ÅÅÅÅ-MM-DD inom planens år.",
    "plan.help.plan.followup": "Hur och när planen följs upp (frivilligt).",
    "plan.sheet.areas": "Områden",
    "plan.column.areas.number": "Nummer",
    "plan.help.areas.number": "Det prioriterade områdets nummer: 1, 2, …",
    "plan.help.areas.title": "Områdets namn.",
    "plan.column.areas.description": "Beskrivning",
    "plan.help.areas.description": "Frivillig löptext.",
    "plan.column.areas.examples": "Exempel på insatser",
    "plan.help.areas.examples": "Frivilligt. {list}",
    "plan.help.goals.id": "Område.nummer, t.ex. 1.1 (området före punkten).",
    "plan.help.goals.title": "Målet i ord.",
    "plan.sheet.measures": "Åtgärder",
    "plan.help.measures.id": "Område.BOKSTAV, t.ex. 2.B.",
    "plan.help.measures.title": "Den planerade insatsen.",
    "plan.help.measures.subgoal": "Det mätbara delmålet.",
    "plan.help.measures.goals": "Id ur bladet Mål; flera: komma eller en per rad.",
    "plan.help.measures.responsible": "Huvudansvarig först. {keys}",
    "plan.column.measures.deadlines": "Tidsmål",
    "plan.help.measures.deadlines": (
        "ÅÅÅÅ-MM-DD och text, t.ex. ”2026-12-31 Insatsen genomförd”. {list}"
    ),
    "plan.template_yaml": """\
# Handlingsplan {year} – mall för rsp. Importera: rsp plan import FIL.yaml --year {year}
# Allt kontrolleras först: vid fel importeras inget och varje fel visas med rad och fält.
# Aktörer (issuer, responsible) är nycklar ur aktörsfilen: rsp bodies list.
plan:
  year: {year}                      # planens år
  title: Handlingsplan {year} för regionalt serviceprogram
  issuer: lansstyrelsen             # aktören som ger ut planen
  starts: {year}-01-01              # gäller från (ÅÅÅÅ-MM-DD, inom året)
  followup: "Uppföljning i januari {next} till nämnden och Tillväxtverket."  # frivilligt

areas:                              # prioriterade områden
  - number: 1
    title: "Dagligvaror och drivmedel"
    description: "Frivillig löptext om området."
    examples: ["Investeringsstöd till butiker."]  # frivilligt
    goals:                          # mål enligt programmet: område.nummer
      - {{id: "1.1", title: "Strategiska butiker finns kvar."}}
    measures:                       # årets planerade insatser: område.BOKSTAV
      - id: "1.A"
        title: "Kartlägga strategiska butiker"
        subgoal: "Aktuell karta över servicepunkterna"   # det mätbara delmålet
        goals: ["1.1"]
        activities: ["Inventera butikerna tillsammans med kommunerna."]
        responsible: [lansstyrelsen, kommunerna]       # huvudansvarig först
        financing: ["1:1 anslaget"]
        deadlines:                  # i planens år eller året efter
          - {{date: {year}-12-31, text: "Kartan klar"}}
""",
    # --- remiss --------------------------------------------------------------------------
    "remiss.position.none": "Inte besvarad ännu",
    # --- followup_outcome ----------------------------------------------------------------
    "followup_outcome.none": "Ej uppföljd",
    # --- yaml: problems reading a YAML file -----------------------------------------------
    "yaml.syntax": "filen följer inte YAML-formatet här (YAML säger: {problem})",
    "yaml.character": "tecknet U+{code} får inte förekomma i YAML",
    "yaml.invalid": "filen är inte giltig YAML ({error})",
    "yaml.not_utf8": "är inte text i UTF-8 (byte {byte})",
    "yaml.too_deep": "nästlad i mer än {depth} nivåer",
    "yaml.plain_key": "en nyckel måste vara ett vanligt ord",
    "yaml.duplicate_key": "nyckeln {name} finns två gånger",
    "yaml.duplicate_noted": (
        "nyckeln {name} finns två gånger (den första, på rad {line}, är den som läses)"
    ),
}
