"""Every word the pages and the sign-in mail say, in Swedish (the default) and English."""

from __future__ import annotations

from process.core.words import phrase

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
    "footer": {"sv": "rsp – uppföljning av regionala serviceprogram",
               "en": "rsp – following up regional service programmes"},
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
              "the process, the measures of the action plan and what you yourself are to do."},
    "sign_in.oidc_heading": {"sv": "Med ditt organisationskonto",
                             "en": "With your organisation's account"},
    "sign_in.oidc_button": {"sv": "Logga in med {label}", "en": "Sign in with {label}"},
    "sign_in.oidc_default": {"sv": "organisationskonto", "en": "organisation account"},
    "sign_in.email_heading": {"sv": "Med en länk i e-post", "en": "With a link by e-mail"},
    "sign_in.email_label": {"sv": "Din e-postadress", "en": "Your e-mail address"},
    "sign_in.email_hint": {
        "sv": "Samma adress som är registrerad hos oss, till exempel namn@kommun.se.",
        "en": "The address registered with us, for example name@municipality.se."},
    "sign_in.email_button": {"sv": "Skicka inloggningslänk", "en": "Send sign-in link"},
    "sign_in.bad_address": {"sv": "Skriv en e-postadress, till exempel namn@kommun.se.",
                            "en": "Enter an e-mail address, for example name@municipality.se."},
    "sign_in.too_many": {
        "sv": "Du har försökt för många gånger. Vänta en kvart och försök igen.",
        "en": "You have tried too many times. Wait a quarter of an hour and try again."},
    "sign_in.signed_out": {"sv": "Du är utloggad.", "en": "You are signed out."},
    "sent.title": {"sv": "Titta i din e-post", "en": "Check your e-mail"},
    "sent.text": {
        "sv": "Om adressen finns registrerad hos oss har vi just skickat ett mejl till den "
              "med en inloggningslänk. Öppna länken i den här webbläsaren. Länken gäller i "
              "{minutes} minuter och kan bara användas en gång.",
        "en": "If the address is registered with us, we have just sent it a mail with a "
              "sign-in link. Open the link in this browser. The link is valid for {minutes} "
              "minutes and can be used once."},
    "sent.code_heading": {"sv": "Läser du mejlet på en annan enhet?",
                          "en": "Reading the mail on another device?"},
    "sent.code_text": {"sv": "Skriv då in den sexsiffriga koden från mejlet här.",
                       "en": "Then type the six-digit code from the mail here."},
    "sent.code_label": {"sv": "Kod från mejlet", "en": "Code from the mail"},
    "sent.code_button": {"sv": "Logga in med koden", "en": "Sign in with the code"},
    "sent.bad_code": {
        "sv": "Koden stämmer inte eller har gått ut. Kontrollera koden, eller be om en ny "
              "länk.",
        "en": "The code is wrong or has expired. Check the code, or ask for a new link."},
    "sent.again": {"sv": "Fick du inget mejl? Be om en ny länk",
                   "en": "No mail? Ask for a new link"},
    "link.title": {"sv": "Logga in", "en": "Sign in"},
    "link.text": {"sv": "Tryck på knappen för att logga in i den här webbläsaren.",
                  "en": "Press the button to sign in in this browser."},
    "link.button": {"sv": "Logga in", "en": "Sign in"},
    "link.unknown.title": {"sv": "Länken fungerar inte", "en": "The link does not work"},
    "link.unknown.text": {
        "sv": "Länken är inte giltig. Kontrollera att du har fått med hela länken från "
              "mejlet, eller be om en ny länk.",
        "en": "The link is not valid. Check that you have the whole link from the mail, or "
              "ask for a new link."},
    "link.used.title": {"sv": "Länken har redan använts", "en": "The link has been used"},
    "link.used.text": {
        "sv": "En inloggningslänk kan bara användas en gång. Be om en ny länk.",
        "en": "A sign-in link can be used only once. Ask for a new link."},
    "link.expired.title": {"sv": "Länken har gått ut", "en": "The link has expired"},
    "link.expired.text": {
        "sv": "En inloggningslänk gäller i 15 minuter. Be om en ny länk.",
        "en": "A sign-in link is valid for 15 minutes. Ask for a new link."},
    "link.other_browser.title": {"sv": "Öppna länken i rätt webbläsare",
                                 "en": "Open the link in the right browser"},
    "link.other_browser.text": {
        "sv": "Länken gäller bara i den webbläsare där du bad om den. Öppna den där, eller "
              "skriv in koden från mejlet på sidan som väntar i den webbläsaren. Du kan "
              "också be om en ny länk här.",
        "en": "The link works only in the browser where you asked for it. Open it there, or "
              "type the code from the mail into the page waiting in that browser. You can "
              "also ask for a new link here."},
    "link.new": {"sv": "Be om en ny länk", "en": "Ask for a new link"},
    "mail.subject": {"sv": "Din inloggningslänk till Regionalt serviceprogram",
                     "en": "Your sign-in link to the regional service programme"},
    "mail.greeting": {"sv": "Hej {name}!", "en": "Hello {name},"},
    "mail.asked": {
        "sv": "Någon – förhoppningsvis du – bad om att få logga in med den här adressen.",
        "en": "Someone – hopefully you – asked to sign in with this address."},
    "mail.open": {"sv": "Öppna länken i samma webbläsare som du bad om den i:",
                  "en": "Open the link in the same browser you asked for it in:"},
    "mail.button": {"sv": "Logga in", "en": "Sign in"},
    "mail.code": {
        "sv": "Läser du mejlet på en annan enhet? Skriv då in den här koden i fönstret där "
              "du bad om länken:",
        "en": "Reading this on another device? Then type this code into the window where "
              "you asked for the link:"},
    "mail.valid": {
        "sv": "Länken och koden gäller i {minutes} minuter och kan användas en gång.",
        "en": "The link and the code are valid for {minutes} minutes and can be used once."},
    "mail.ignore": {"sv": "Bad du inte om att logga in kan du bortse från mejlet.",
                    "en": "If you did not ask to sign in, you can ignore this mail."},
    "oidc.unknown.title": {"sv": "Du finns inte registrerad hos oss",
                           "en": "You are not registered with us"},
    "oidc.unknown.who": {"sv": "Du loggade in som {shown}.", "en": "You signed in as {shown}."},
    "oidc.unknown.text": {
        "sv": "Inloggningen lyckades, men ingen person med det kontot är registrerad i "
              "programmet. Be processledaren eller administratören att lägga till dig med "
              "samma e-postadress som ditt konto har.",
        "en": "Signing in worked, but nobody with that account is registered in the "
              "programme. Ask the process lead or the administrator to add you with the "
              "e-mail address of your account."},
    "oidc.unknown.back": {"sv": "Tillbaka till inloggningen", "en": "Back to signing in"},
    "oidc.failed.title": {"sv": "Inloggningen avbröts", "en": "Signing in was interrupted"},
    "oidc.failed.text": {
        "sv": "Inloggningen via ditt organisationskonto gick inte att slutföra (den kan ha "
              "avbrutits eller tagit för lång tid). Försök igen från inloggningssidan.",
        "en": "Signing in with your organisation's account could not be completed (it may "
              "have been cancelled or taken too long). Try again from the sign-in page."},
    "oidc.unavailable.title": {"sv": "Inloggningstjänsten svarar inte",
                               "en": "The sign-in service does not answer"},
    "oidc.unavailable.text": {
        "sv": "Vi kan inte nå organisationens inloggningstjänst just nu. Försök igen om en "
              "stund, eller logga in med en länk i e-post.",
        "en": "We cannot reach the organisation's sign-in service right now. Try again in a "
              "while, or sign in with a link by e-mail."},
    # --- the start page -------------------------------------------------------------------
    "programmes.title": {"sv": "Dina program", "en": "Your programmes"},
    "programmes.none": {
        "sv": "Du har ännu ingen roll i något program och företräder ingen ansvarig aktör. "
              "Kontakta processledaren eller administratören så lägger de till dig.",
        "en": "You have no role in any programme yet and act for no responsible body. "
              "Ask the process lead or the administrator to add you."},
    # --- errors ---------------------------------------------------------------------------
    "error.not_found.title": {"sv": "Sidan finns inte", "en": "Page not found"},
    "error.not_found.text": {
        "sv": "Sidan finns inte, eller så har du inte tillgång till den. Kontrollera "
              "adressen eller gå till startsidan.",
        "en": "The page does not exist, or you do not have access to it. Check the address "
              "or go to the start page."},
    "error.csrf.title": {"sv": "Formuläret kunde inte skickas",
                         "en": "The form could not be sent"},
    "error.csrf.text": {
        "sv": "Formuläret har gått ut eller kom inte från den här sidan, så ingenting "
              "ändrades. Ladda om sidan och försök igen.",
        "en": "The form has expired or did not come from this page, so nothing was "
              "changed. Reload the page and try again."},
    "error.method.title": {"sv": "Det går inte att göra så här",
                           "en": "That cannot be done this way"},
    "error.method.text": {"sv": "Sidan tar inte emot den sortens förfrågan.",
                          "en": "The page does not accept that kind of request."},
    "error.bad.title": {"sv": "Felaktig förfrågan", "en": "Bad request"},
    "error.bad.text": {"sv": "Förfrågan gick inte att förstå. Gå tillbaka och försök igen.",
                       "en": "The request could not be understood. Go back and try again."},
    "error.internal.title": {"sv": "Något gick fel", "en": "Something went wrong"},
    "error.internal.text": {
        "sv": "Ett fel uppstod hos oss. Försök igen om en stund; kvarstår felet, kontakta "
              "IT-avdelningen.",
        "en": "An error occurred on our side. Try again in a while; if it persists, contact "
              "the IT department."},
    "error.home": {"sv": "Till startsidan", "en": "To the start page"},
}


def t(key: str, lang: str, **values: object) -> str:
    """A word or phrase of the pages in the language (Swedish when it has none in that one)."""
    return phrase(WORDS, key, lang if lang in LANGS else "sv", **values)
