"""The words of the administration pages (the outbox, the reminder rules in force, the
audit status, bodies and their contact people), in Swedish and English."""

from __future__ import annotations

ADMIN_WORDS: dict[str, dict[str, str]] = {
    "nav.outbox": {"sv": "Utkorgen", "en": "Outbox"},
    "nav.reminder_rules": {"sv": "Påminnelseregler", "en": "Reminder rules"},
    "nav.audit": {"sv": "Granskningsspåret", "en": "Audit trail"},
    "nav.bodies": {"sv": "Organisationer", "en": "Bodies"},
    "admin.not_allowed": {
        "sv": "Sidan visas för den som har behörighet till den: {who}.",
        "en": "The page is shown to those allowed to see it: {who}.",
    },
    "admin.who.administer": {"sv": "programmets administratör", "en": "the administrator"},
    "admin.who.manage_plans": {
        "sv": "den som hanterar handlingsplaner och organisationer, och administratören",
        "en": "those who manage plans and bodies, and the administrator",
    },
    # --- the outbox -------------------------------------------------------------------------
    "outbox.title": {"sv": "Utkorgen", "en": "Outbox"},
    "outbox.intro": {
        "sv": "E-post som programmet skickar: påminnelser, lägesrapporter och andra utskick. "
        "Misslyckade utskick visas först; skicka dem igen när felet är åtgärdat, till "
        "exempel en felaktig adress.",
        "en": "Mail the programme sends: reminders, digests and other mailings. Failed "
        "ones come first; send them again once the problem is fixed, for example a wrong "
        "address.",
    },
    "outbox.counts": {
        "sv": "{failed} misslyckade, {pending} väntar, {sending} skickas, {sent} skickade",
        "en": "{failed} failed, {pending} waiting, {sending} being sent, {sent} sent",
    },
    "outbox.none": {"sv": "Utkorgen är tom.", "en": "The outbox is empty."},
    "outbox.recipient": {"sv": "Mottagare", "en": "Recipient"},
    "outbox.subject": {"sv": "Ämne", "en": "Subject"},
    "outbox.status": {"sv": "Läge", "en": "Status"},
    "outbox.attempts": {"sv": "Försök", "en": "Attempts"},
    "outbox.error": {"sv": "Senaste fel", "en": "Last error"},
    "outbox.times": {"sv": "Tider", "en": "Times"},
    "outbox.created": {"sv": "Lagd i kön {at}", "en": "Queued {at}"},
    "outbox.next": {"sv": "Nästa försök {at}", "en": "Next attempt {at}"},
    "outbox.sent_at": {"sv": "Skickad {at}", "en": "Sent {at}"},
    "outbox.action": {"sv": "Åtgärd", "en": "Action"},
    "outbox.status.failed": {"sv": "Misslyckad", "en": "Failed"},
    "outbox.status.pending": {"sv": "Väntar", "en": "Waiting"},
    "outbox.status.sending": {"sv": "Skickas", "en": "Being sent"},
    "outbox.status.sent": {"sv": "Skickad", "en": "Sent"},
    "outbox.retry": {"sv": "Skicka igen", "en": "Send again"},
    "outbox.retry_all": {
        "sv": "Skicka alla misslyckade igen ({n})",
        "en": "Send every failed mail again ({n})",
    },
    "outbox.done": {
        "sv": "{n} utskick ligger i kön igen och skickas vid nästa körning.",
        "en": "{n} mail(s) are back in the queue and go out at the next run.",
    },
    "outbox.shown": {
        "sv": "Visar de {n} första av {total}.",
        "en": "Showing the first {n} of {total}.",
    },
    "outbox.bad.not_failed": {
        "sv": "Bara misslyckade utskick kan skickas igen; det här har redan ett annat läge.",
        "en": "Only failed mails can be sent again; this one is in another state already.",
    },
    # --- the reminder rules in force --------------------------------------------------------
    "rules.title": {"sv": "Påminnelseregler i kraft", "en": "Reminder rules in force"},
    "rules.intro": {
        "sv": "Det här är reglerna som bestämmer vem som påminns om vad och när. De ändras med "
        "kommandot rsp remind rules set.",
        "en": "These rules decide who is reminded of what, and when. They are changed with "
        "the command rsp remind rules set.",
    },
    "rules.own": {"sv": "Programmets egna regler", "en": "The programme's own rules"},
    "rules.bundled": {"sv": "De medföljande reglerna", "en": "The bundled rules"},
    "rules.source": {"sv": "Källa", "en": "Source"},
    "rules.send_at": {"sv": "Skickas", "en": "Sent"},
    "rules.send_at_value": {
        "sv": "kl. {time} på arbetsdagar (lördag, söndag och helgdag: nästa arbetsdag)",
        "en": "at {time} on working days (Saturday, Sunday, holiday: the next working day)",
    },
    "rules.catch_up": {"sv": "Missade påminnelser", "en": "Missed reminders"},
    "rules.catch_up_value": {
        "sv": "skickas om de är högst {n} dagar gamla",
        "en": "are sent if at most {n} days old",
    },
    "rules.kind.measure": {"sv": "Insatser", "en": "Measures"},
    "rules.kind.milestone": {"sv": "Milstolpar i processen", "en": "Milestones of the process"},
    "rules.kind.remiss": {"sv": "Remissen", "en": "The remiss"},
    "rules.working_days.move_to_next": {
        "sv": "En tidsgräns på en lördag, söndag eller helgdag flyttas till nästa arbetsdag "
        "(lag 1930:173) innan dagarna räknas.",
        "en": "A deadline on a Saturday, Sunday or holiday moves to the next working day "
        "(lag 1930:173) before the days are counted.",
    },
    "rules.working_days.as_is": {
        "sv": "Tidsgränsen räknas som den är.",
        "en": "The deadline counts as it is.",
    },
    "rules.rule": {"sv": "Regel", "en": "Rule"},
    "rules.when": {"sv": "När", "en": "When"},
    "rules.before": {"sv": "{n} dagar före tidsgränsen", "en": "{n} days before the deadline"},
    "rules.on_day": {"sv": "på dagen för tidsgränsen", "en": "on the day of the deadline"},
    "rules.overdue": {
        "sv": "var {n}:e dag efter tidsgränsen, högst {times} gånger",
        "en": "every {n} days after the deadline, at most {times} times",
    },
    "rules.overdue_unlimited": {
        "sv": "var {n}:e dag efter tidsgränsen",
        "en": "every {n} days after the deadline",
    },
    "rules.cc": {"sv": "Kopia till", "en": "Copied to"},
    "rules.applies": {"sv": "Gäller nu", "en": "Applies now to"},
    "rules.no_items": {"sv": "Inget öppet just nu.", "en": "Nothing open just now."},
    "rules.item": {"sv": "Vad", "en": "What"},
    "rules.deadline": {"sv": "Tidsgräns", "en": "Deadline"},
    "rules.none": {
        "sv": "Inga regler för detta slag.",
        "en": "No rules for this kind.",
    },
    "rules.next": {"sv": "Kommande påminnelser", "en": "Coming reminders"},
    "rules.next_intro": {
        "sv": "Påminnelser fram till {until} om inget ändras under tiden.",
        "en": "Reminders until {until} if nothing changes meanwhile.",
    },
    "rules.next_none": {
        "sv": "Inga påminnelser under perioden.",
        "en": "No reminders in the period.",
    },
    "rules.send": {"sv": "Skickas", "en": "Sent"},
    "rules.to": {"sv": "Till", "en": "To"},
    "rules.queued": {"sv": "(redan i utkorgen)", "en": "(already in the outbox)"},
    "rules.problems": {"sv": "Att åtgärda", "en": "To fix"},
    # --- the audit status ------------------------------------------------------------------
    "audit.title": {"sv": "Granskningsspårets status", "en": "The audit trail's status"},
    "audit.intro": {
        "sv": "Granskningsspåret är programmets logg över varje ändring och varje nekat "
        "försök. Det är en allmän handling och får bara gallras enligt beslut.",
        "en": "The audit trail records every change and every refused attempt. It is a "
        "public record and may only be disposed of under a disposal decision.",
    },
    "audit.rows": {"sv": "Rader", "en": "Rows"},
    "audit.chains": {"sv": "Kedjor", "en": "Chains"},
    "audit.key": {"sv": "Nyckel", "en": "Key"},
    "audit.key_set": {
        "sv": "Spåret är förseglat med nyckel {key_id}.",
        "en": "The trail is sealed with key {key_id}.",
    },
    "audit.key_here": {
        "sv": "Servern har nyckeln och kontrollerar förseglingarna.",
        "en": "The server holds the key and checks the seals.",
    },
    "audit.key_missing_here": {
        "sv": "Servern har inte nyckeln (RSP_AUDIT_KEY_FILE): förseglingarna kontrolleras inte.",
        "en": "The server does not hold the key (RSP_AUDIT_KEY_FILE): the seals are not checked.",
    },
    "audit.no_key": {
        "sv": "Ingen nyckel: den som kan skriva i databasen kan skriva om spåret utan att "
        "det märks. Skapa en nyckel (rsp audit keygen) och försegla (rsp audit seal).",
        "en": "No key: whoever can write to the database could rewrite the trail "
        "undetected. Make a key (rsp audit keygen) and seal it (rsp audit seal).",
    },
    "audit.checkpoint": {"sv": "Senaste kontrollpunkt", "en": "Newest checkpoint"},
    "audit.no_checkpoint": {
        "sv": "Ingen kontrollpunkt ännu (rsp audit checkpoint).",
        "en": "No checkpoint yet (rsp audit checkpoint).",
    },
    "audit.cp_made": {"sv": "Gjord", "en": "Made"},
    "audit.cp_reason": {"sv": "Anledning", "en": "Reason"},
    "audit.cp_rows": {"sv": "Omfattar rader", "en": "Rows covered"},
    "audit.cp_head": {"sv": "Huvudhash", "en": "Head hash"},
    "audit.cp_signed": {"sv": "Signerad", "en": "Signed"},
    "audit.cp_after": {"sv": "Rader efter den", "en": "Rows after it"},
    "audit.yes": {"sv": "Ja", "en": "Yes"},
    "audit.no": {"sv": "Nej", "en": "No"},
    "audit.last": {"sv": "Senaste kontroll", "en": "Last verification"},
    "audit.never": {
        "sv": "Spåret har inte kontrollerats härifrån ännu.",
        "en": "The trail has not been verified from here yet.",
    },
    "audit.ok": {
        "sv": "Spåret höll: {rows} rader kontrollerade {at} av {actor}.",
        "en": "The trail held: {rows} rows verified {at} by {actor}.",
    },
    "audit.broken": {
        "sv": "Spåret är BRUTET: kontrollerat {at} av {actor}. Problemen:",
        "en": "The trail is BROKEN: verified {at} by {actor}. The problems:",
    },
    "audit.seals_checked": {
        "sv": "{n} förseglingar kontrollerade.",
        "en": "{n} seals checked.",
    },
    "audit.cp_held": {
        "sv": "Spåret leder fortfarande till den senaste kontrollpunkten.",
        "en": "The trail still leads to the newest checkpoint.",
    },
    "audit.verify": {"sv": "Kontrollera spåret nu", "en": "Verify the trail now"},
    "audit.verify_hint": {
        "sv": "Kontrollen läser hela spåret och kan ta en stund när det är stort.",
        "en": "The verification reads the whole trail and can take a while when it is large.",
    },
    "audit.done": {"sv": "Kontrollen är klar.", "en": "The verification is done."},
    # --- bodies and contact people ---------------------------------------------------------
    "bodies.title": {"sv": "Organisationer och kontaktpersoner", "en": "Bodies and contacts"},
    "bodies.intro": {
        "sv": "Organisationerna som ansvarar för insatser och svarar på remissen. Påminnelser "
        "går till organisationens adresser; kontaktpersonerna kan logga in och arbeta med "
        "organisationens insatser.",
        "en": "The bodies responsible for measures and consulted in the remiss. Reminders go "
        "to a body's addresses; its contact people can sign in and work on its measures.",
    },
    "bodies.key": {"sv": "Kortnamn", "en": "Key"},
    "bodies.key_hint": {
        "sv": "Små bokstäver a–z, siffror, _ eller -, till exempel ostersunds-kommun.",
        "en": "Lower-case a–z, digits, _ or -, for example ostersunds-kommun.",
    },
    "bodies.name": {"sv": "Namn", "en": "Name"},
    "bodies.kind": {"sv": "Slag", "en": "Kind"},
    "bodies.emails": {"sv": "E-postadresser", "en": "E-mail addresses"},
    "bodies.emails_hint": {
        "sv": "En eller flera, åtskilda med komma, till exempel registrator@kommun.se.",
        "en": "One or more, separated by commas, for example registrator@kommun.se.",
    },
    "bodies.members": {"sv": "Kontaktpersoner", "en": "Contact people"},
    "bodies.group_of": {"sv": "Grupp av", "en": "Group of"},
    "bodies.add": {"sv": "Lägg till en organisation", "en": "Add a body"},
    "bodies.add_button": {"sv": "Lägg till", "en": "Add"},
    "bodies.edit": {"sv": "Rätta namn och adresser", "en": "Correct name and addresses"},
    "bodies.edit_button": {"sv": "Spara rättelsen", "en": "Save the correction"},
    "bodies.all": {"sv": "Alla organisationer", "en": "All bodies"},
    "bodies.none": {"sv": "Inga ännu.", "en": "None yet."},
    "bodies.choose": {"sv": "Välj", "en": "Choose"},
    "bodies.kind.authority": {"sv": "Myndighet", "en": "Authority"},
    "bodies.kind.region": {"sv": "Region", "en": "Region"},
    "bodies.kind.municipality": {"sv": "Kommun", "en": "Municipality"},
    "bodies.kind.university": {"sv": "Lärosäte", "en": "University"},
    "bodies.kind.business": {"sv": "Näringsliv", "en": "Business"},
    "bodies.kind.agency": {"sv": "Organ eller byrå", "en": "Agency"},
    "bodies.kind.group": {"sv": "Grupp", "en": "Group"},
    "bodies.contact_add": {"sv": "Lägg till en kontaktperson", "en": "Add a contact person"},
    "bodies.contact_add_intro": {
        "sv": "Är personen redan registrerad räcker användarnamnet; annars registreras hen "
        "med namn och e-postadress.",
        "en": "For a person registered already the login is enough; otherwise they are "
        "registered with name and e-mail address.",
    },
    "bodies.login": {"sv": "Användarnamn", "en": "Login"},
    "bodies.login_hint": {
        "sv": "Bokstäver, siffror och . _ @ -, till exempel anna.berg.",
        "en": "Letters, digits and . _ @ -, for example anna.berg.",
    },
    "bodies.contact_name": {"sv": "Namn", "en": "Name"},
    "bodies.contact_email": {"sv": "E-postadress", "en": "E-mail address"},
    "bodies.contact_edit": {"sv": "Rätta", "en": "Correct"},
    "bodies.contact_remove": {"sv": "Ta bort som kontaktperson", "en": "Remove as contact"},
    "bodies.no_contacts": {"sv": "Inga kontaktpersoner.", "en": "No contact people."},
    "bodies.inactive": {"sv": "(inaktiv)", "en": "(inactive)"},
    "bodies.done.added": {"sv": "Organisationen är tillagd.", "en": "The body is added."},
    "bodies.done.edit": {"sv": "Rättelsen är sparad.", "en": "The correction is saved."},
    "bodies.done.contact_added": {
        "sv": "Kontaktpersonen är tillagd.",
        "en": "The contact person is added.",
    },
    "bodies.done.contact_edit": {
        "sv": "Kontaktpersonen är rättad.",
        "en": "The contact person is corrected.",
    },
    "bodies.done.contact_remove": {
        "sv": "Personen är inte längre kontaktperson.",
        "en": "The person is no longer a contact.",
    },
    "bodies.bad.key": {
        "sv": "Använd små bokstäver a–z, siffror, _ eller - (högst 64 tecken).",
        "en": "Use lower-case a–z, digits, _ or - (at most 64 characters).",
    },
    "bodies.bad.key_taken": {
        "sv": "Det finns redan en organisation med det kortnamnet.",
        "en": "There is a body with that key already.",
    },
    "bodies.bad.name": {
        "sv": "Skriv namnet på en rad, högst 200 tecken.",
        "en": "Write the name on one line, at most 200 characters.",
    },
    "bodies.bad.name_missing": {"sv": "Skriv ett namn.", "en": "Enter a name."},
    "bodies.bad.kind": {"sv": "Välj ett slag.", "en": "Choose a kind."},
    "bodies.bad.emails_missing": {
        "sv": "Ange minst en e-postadress: påminnelserna går till organisationens adresser.",
        "en": "Enter at least one address: reminders go to the body's addresses.",
    },
    "bodies.bad.email": {
        "sv": "»{value}» går inte att skicka till. Skriv en adress som namn@kommun.se, med "
        "bara a–z, siffror och . - _ (en domän med å, ä eller ö skrivs i sin xn---form).",
        "en": "Mail cannot be sent to »{value}«. Write an address like name@municipality.se, "
        "with a–z, digits and . - _ only (a domain with å, ä or ö in its xn-- form).",
    },
    "bodies.bad.email_missing": {
        "sv": "Ange kontaktpersonens e-postadress.",
        "en": "Enter the contact person's e-mail address.",
    },
    "bodies.bad.email_taken": {
        "sv": "Adressen tillhör redan en annan person; en adress loggar in en person.",
        "en": "The address belongs to another person already; one address signs in one person.",
    },
    "bodies.bad.login": {
        "sv": "Använd bokstäver, siffror och . _ @ - (högst 64 tecken).",
        "en": "Use letters, digits and . _ @ - (at most 64 characters).",
    },
    "bodies.bad.member": {
        "sv": "Personen är redan kontaktperson för organisationen.",
        "en": "The person is a contact of the body already.",
    },
    "bodies.bad.nothing": {
        "sv": "Inget att ändra: uppgifterna är desamma som förut.",
        "en": "Nothing to change: the details are as before.",
    },
    "bodies.bad.admin_only": {
        "sv": "Personen har roller i programmet; hennes eller hans adress rättas av "
        "administratören under Personer.",
        "en": "The person holds roles; their address is corrected by the administrator "
        "under People.",
    },
}
ADMIN_WORDS.update(
    {
        "rules.until": {"sv": "Visa påminnelser till och med", "en": "Show reminders until"},
        "rules.until_hint": {
            "sv": "Ett datum, till exempel 2023-06-30.",
            "en": "A date, for example 2023-06-30.",
        },
        "rules.show": {"sv": "Visa", "en": "Show"},
        "bodies.measures": {"sv": "Ansvarar för insatserna", "en": "Responsible for the measures"},
        "bodies.lead": {"sv": "huvudansvarig", "en": "lead"},
        "rules.bad.until": {
            "sv": "Välj en dag från i dag och högst {days} dagar framåt.",
            "en": "Choose a day from today and at most {days} days ahead.",
        },
    }
)
