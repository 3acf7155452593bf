"""rsp's words in English: one text per key, the same keys as `sv.py` (see
`process.core.catalogue`)."""

WORDS: dict[str, str] = {
    # --- common --------------------------------------------------------------------------
    "common.programme": "Programme",
    "common.stage": "Stage",
    "common.since": "since",
    "common.n_days": "{n} days",
    "common.milestones": "Milestones",
    "common.planned": "planned",
    "common.n_days_late": "{n} days late",
    "common.what_can_happen_next": "What can happen next",
    "common.who": "who",
    "common.decisions": "Decisions",
    "common.none": "none",
    "common.history": "History",
    "common.responsible_body": "Responsible body",
    "common.overview": "Overview",
    "common.my_tasks": "My tasks",
    "common.measures": "Measures",
    "common.error": "Error",
    "common.sign_in": "Sign in",
    "common.enter_an_e_mail": "Enter an e-mail address, for example name@municipality.se.",
    "common.write_a_comment_saying": "Write a comment saying what happened.",
    "common.milestone": "Milestone",
    "common.planned_heading": "Planned",
    "common.actual": "Actual",
    "common.none_sentence": "None.",
    "common.all_decisions": "All decisions",
    "common.recorded_what": "Recorded: {what}.",
    "common.decision_reference": "Decision reference",
    "common.comment": "Comment",
    "common.measure": "Measure",
    "common.state": "State",
    "common.dated_target": "Dated target",
    "common.date": "Date",
    "common.action_plan": "Action plan",
    "common.priority_area": "Priority area",
    "common.goal": "Goal",
    "common.dated_targets": "Dated targets",
    "common.show": "Show",
    "common.sub_goal": "Sub-goal",
    "common.goals": "Goals",
    "common.responsible": "Responsible",
    "common.lead": "lead",
    "common.financing": "Financing",
    "common.carried_over_from": "Carried over from",
    "common.carried_over_to": "Carried over to",
    "common.activities": "Activities",
    "common.notes": "Notes",
    "common.follow_up": "Follow-up",
    "common.when": "When",
    "common.who_heading": "Who",
    "common.what": "What",
    "common.decision_ref": "Decision {ref}",
    "common.outcome": "Outcome",
    "common.until": "Until",
    "common.minutes_approved": "Minutes approved",
    "common.minutes_announced": "Minutes announced",
    "common.people": "People",
    "common.digest": "Digest",
    "common.next_step": "Next step",
    "common.n_decisions": "{n} decisions",
    "common.in_force": "In force",
    "common.from": "From",
    "common.no_delegated_decisions_in": "No delegated decisions in the period.",
    "common.consultation_remiss": "Consultation (remiss)",
    "common.open_the_remiss": "Open the remiss",
    "common.status": "Status",
    "common.body": "Body",
    "common.position": "Position",
    "common.summary": "Summary",
    "common.no_answer": "No answer",
    "common.received": "Received",
    "common.close_the_remiss": "Close the remiss",
    "common.the_region_s_response": "The region's response",
    "common.login": "Login",
    "common.name": "Name",
    "common.e_mail_address": "E-mail address",
    "common.save_the_correction": "Save the correction",
    "common.the_correction_is_saved": "The correction is saved.",
    "common.outbox": "Outbox",
    "common.sent": "Sent",
    "common.key": "Key",
    "common.in_n_days": "in {n} days",
    "common.tomorrow": "tomorrow",
    "common.today": "today",
    "common.send_sent_sent_retry": "send: {sent} sent, {retry} to retry, {failed} failed",
    "common.minutes_approved_lower": "minutes approved",
    "common.appealed": "appealed",
    "common.compiled_day": "Compiled {day}",
    "common.contact": "Contact",
    "common.or": " or ",
    "common.area": "area",
    "common.goal_lower": "goal",
    "common.yes": "yes",
    "common.year": "Year",
    "common.title": "Title",
    "common.id": "Id",
    "common.list_help": "{list}",
    # --- report --------------------------------------------------------------------------
    "report.after_now": "after the day shown",
    "report.actual": "actual",
    "report.on_plan": "on plan",
    "report.early": "{n} days early",
    "report.overdue": "not reached, {n} days behind plan",
    "report.upcoming": "upcoming",
    "report.needs_decision": "needs a board decision",
    "report.blocked": "not yet possible",
    "report.refused": "REFUSED",
    "report.final": "(final)",
    "report.recorded": "recorded",
    "report.replay_note": "A replay database (rsp init --replay): its times are simulated.",
    # --- outcome -------------------------------------------------------------------------
    "outcome.achieved": "Achieved",
    "outcome.partly": "Partly achieved",
    "outcome.not": "Not achieved",
    # --- position ------------------------------------------------------------------------
    "position.agrees": "Agrees",
    "position.comments": "Has comments",
    "position.no_comments": "No comments",
    # --- appeal --------------------------------------------------------------------------
    "appeal.upheld": "Upheld",
    "appeal.overturned": "Overturned",
    # --- role ----------------------------------------------------------------------------
    "role.admin": "Administrator",
    # --- vocab ---------------------------------------------------------------------------
    "vocab.unknown": "{what} {text!r} is not recognised; accepted values: {accepted}",
    "vocab.ambiguous": "{what} {text!r} could mean several: {accepted}; give the key",
    # --- web -----------------------------------------------------------------------------
    "web.brand": "Regional service programme",
    "web.skip": "Skip to content",
    "web.nav.main": "Main menu",
    "web.nav.programmes": "All programmes",
    "web.account": "Signed in as {name}",
    "web.sign_out": "Sign out",
    "web.lang.switch": "På svenska",
    "web.lang.switch_label": "Läs sidan på svenska",
    "web.footer": "rsp – following up regional service programmes",
    "web.errors.title": "There is a problem",
    "web.required": "required",
    "web.optional": "optional",
    "web.back": "Back",
    "web.none": "None",
    "web.day": "1 day",
    "web.sign_in.intro": (
        "Here you follow and work on the regional service programme: the stages of the process, "
        "the measures of the action plan and what you yourself are to do."
    ),
    "web.sign_in.oidc_heading": "With your organisation's account",
    "web.sign_in.oidc_button": "Sign in with {label}",
    "web.sign_in.oidc_default": "organisation account",
    "web.sign_in.email_heading": "With a link by e-mail",
    "web.sign_in.email_label": "Your e-mail address",
    "web.sign_in.email_hint": "The address registered with us, for example name@municipality.se.",
    "web.sign_in.email_button": "Send sign-in link",
    "web.sign_in.too_many": (
        "You have tried too many times. Wait a quarter of an hour and try again."
    ),
    "web.sign_in.signed_out": "You are signed out.",
    "web.sent.title": "Check your e-mail",
    "web.sent.text": (
        "If the address is registered with us, we have just sent it a mail with a sign-in link. "
        "Open the link in this browser. The link is valid for {minutes} minutes and can be used "
        "once."
    ),
    "web.sent.code_heading": "Reading the mail on another device?",
    "web.sent.code_text": "Then type the six-digit code from the mail here.",
    "web.sent.code_label": "Code from the mail",
    "web.sent.code_button": "Sign in with the code",
    "web.sent.bad_code": "The code is wrong or has expired. Check the code, or ask for a new link.",
    "web.sent.again": "No mail? Ask for a new link",
    "web.link.text": "Press the button to sign in in this browser.",
    "web.link.unknown.title": "The link does not work",
    "web.link.unknown.text": (
        "The link is not valid. Check that you have the whole link from the mail, or ask for a "
        "new link."
    ),
    "web.link.used.title": "The link has been used",
    "web.link.used.text": "A sign-in link can be used only once. Ask for a new link.",
    "web.link.expired.title": "The link has expired",
    "web.link.expired.text": "A sign-in link is valid for 15 minutes. Ask for a new link.",
    "web.link.other_browser.title": "Open the link in the right browser",
    "web.link.other_browser.text": (
        "The link works only in the browser where you asked for it. Open it there, or type the "
        "code from the mail into the page waiting in that browser. You can also ask for a new "
        "link here."
    ),
    "web.link.new": "Ask for a new link",
    "web.mail.subject": "Your sign-in link to the regional service programme",
    "web.mail.greeting": "Hello {name},",
    "web.mail.asked": "Someone – hopefully you – asked to sign in with this address.",
    "web.mail.open": "Open the link in the same browser you asked for it in:",
    "web.mail.code": (
        "Reading this on another device? Then type this code into the window where you asked for "
        "the link:"
    ),
    "web.mail.valid": "The link and the code are valid for {minutes} minutes and can be used once.",
    "web.mail.ignore": "If you did not ask to sign in, you can ignore this mail.",
    "web.oidc.unknown.title": "You are not registered with us",
    "web.oidc.unknown.who": "You signed in as {shown}.",
    "web.oidc.unknown.text": (
        "Signing in worked, but nobody with that account is registered in the programme. Ask the "
        "process lead or the administrator to add you with the e-mail address of your account."
    ),
    "web.oidc.unknown.back": "Back to signing in",
    "web.oidc.failed.title": "Signing in was interrupted",
    "web.oidc.failed.text": (
        "Signing in with your organisation's account could not be completed (it may have been "
        "cancelled or taken too long). Try again from the sign-in page."
    ),
    "web.oidc.unavailable.title": "The sign-in service does not answer",
    "web.oidc.unavailable.text": (
        "We cannot reach the organisation's sign-in service right now. Try again in a while, or "
        "sign in with a link by e-mail."
    ),
    "web.role.responsible_body": "a responsible body of the measure",
    "web.role.admin": "administrator",
    "web.or_join": "{first} or {last}",
    "web.guard.fired": "This must have happened first: {what}.",
    "web.guard.final": "The decision ({what}) is not final yet.",
    "web.guard.remiss": (
        "The remiss period has not ended and not every consulted body has answered."
    ),
    "web.overview.final": "final",
    "web.overview.since": "Since",
    "web.overview.now": "current stage",
    "web.overview.against_plan": "Against the plan",
    "web.overview.next": "What can happen next",
    "web.overview.leads_to": "Leads to: {to}.",
    "web.overview.who": "Done by: {who}.",
    "web.overview.needs_decision": "Needs a board decision.",
    "web.overview.not_yet": "Not possible yet:",
    "web.overview.own_service": (
        "Recorded together with the remiss (the remiss page comes in the next version; until then "
        "with the command rsp remiss)."
    ),
    "web.overview.record": "Record",
    "web.overview.nothing_next": "Nothing more can happen in the process.",
    "web.overview.pending": "Decisions not final yet",
    "web.action.now": "Stage now",
    "web.action.then": "Stage afterwards",
    "web.action.stays": "Unchanged (the event is recorded)",
    "web.action.who": "Done by",
    "web.action.not_possible": "This cannot be recorded in the stage {stage}.",
    "web.action.not_yours": "Only {who} may record this. You do not hold that role.",
    "web.action.decision_hint": (
        "Meeting date, paragraph and diary number, for example 2023-05-23 § 89 RUN/536/2021."
    ),
    "web.action.decision_text": "The decision's wording",
    "web.action.decision_text_hint": "Without a wording, the comment is kept as its text.",
    "web.action.comment_hint": "What happened? The comment is kept in the history.",
    "web.action.confirm": "Confirm and record",
    "web.action.cancel": "Cancel",
    "web.decision.problem": "The decision reference lacks {parts}.",
    "web.decision.missing.date": "the meeting date (YYYY-MM-DD)",
    "web.decision.missing.paragraph": "the paragraph (§ and a number)",
    "web.decision.missing.diary": "the diary number (for example RUN/536/2021)",
    "web.decision.twice.date": "a single date (there are several)",
    "web.decision.twice.paragraph": "a single paragraph (there are several)",
    "web.decision.twice.diary": "a single diary number (there are several)",
    "web.decision.missing.real_date": "a date that exists in the calendar",
    "web.decision.one_line": "Write the decision reference on one short line.",
    "web.refused.permission_who": "You may not do this: only {who} may.",
    "web.refused.permission": "You may not do this.",
    "web.refused.conflict": (
        "Someone else changed the same thing just before, so nothing was saved. Read the page "
        "again and try once more."
    ),
    "web.refused.too_long": "The text may be at most 4,000 characters.",
    "web.refused.decision_missing": (
        "Give the decision reference: meeting date, paragraph and diary number."
    ),
    "web.refused.not_yet": "Not possible yet. {why}",
    "web.refused.not_now": "That is not possible in this state.",
    "web.refused.other": "It could not be recorded.",
    "web.refused.detail": "The system's explanation:",
    "web.measures.count": "{n} results",
    "web.measures.lead": "Lead body",
    "web.measures.next_date": "Next dated target",
    "web.filter.heading": "Filters",
    "web.filter.due.overdue": "passed (overdue)",
    "web.filter.due.within": "within {n} days or overdue",
    "web.filter.all": "All",
    "web.filter.unknown": "Choose one of the options in the list.",
    "web.filter.bad_date": "Write the date as YYYY-MM-DD, for example 2023-05-23.",
    "web.measure.all": "All measures",
    "web.measure.done.step": "Recorded.",
    "web.measure.done.note": "The note is saved.",
    "web.measure.since": "since {day}",
    "web.measure.actions": "What you can do",
    "web.measure.no_actions": "You cannot change the measure in this state.",
    "web.measure.others": "Others can:",
    "web.measure.note": "Write a note",
    "web.measure.note_label": "A note on how the work is going",
    "web.measure.note_button": "Save the note",
    "web.tasks.nothing": "You have nothing to do right now.",
    "web.tasks.process": "In the process",
    "web.tasks.no_process": "No step of the process waits for you.",
    "web.tasks.measures": "Measures with a dated target within {n} days or overdue",
    "web.tasks.measures_all": "Every measure of the programme.",
    "web.tasks.measures_mine": "Measures your organisation is responsible for.",
    "web.tasks.replies": "Remiss replies to record",
    "web.tasks.replies_text": (
        "{a} of {n} consulted bodies have answered; replies due {reply_by}. Waiting for:"
    ),
    "web.history.refused": "REFUSED:",
    "web.history.reason": "Reason:",
    "web.history.applied": "carried out",
    "web.history.refused_only": "refused attempts",
    "web.history.kind": "Concerns",
    "web.history.since": "From",
    "web.history.count": "{n} events.",
    "web.history.limited": "The latest {n} are shown.",
    "web.kind.process": "the process",
    "web.kind.measure": "measures",
    "web.kind.remiss": "the remiss",
    "web.kind.body": "responsible bodies",
    "web.kind.person": "people and roles",
    "web.kind.plan": "action plans",
    "web.kind.decision": "decisions",
    "web.kind.other": "other",
    "web.action.programme.created": "Programme created",
    "web.action.process.created": "Process created",
    "web.action.definition.loaded": "Workflow definition loaded",
    "web.action.person.added": "Person registered",
    "web.action.person.add": "Register a person",
    "web.action.role.granted": "Role granted",
    "web.action.role.grant": "Grant a role",
    "web.action.role.removed": "Role removed",
    "web.action.body.added": "Responsible body added",
    "web.action.body.updated": "Responsible body changed",
    "web.action.body.members": "Group members changed",
    "web.action.body.person_added": "Person attached to a body",
    "web.action.body.person_removed": "Person detached from a body",
    "web.action.plan.imported": "Action plan imported",
    "web.action.plan.rollover": "Carried over to next year's plan",
    "web.action.measure.created": "Measure imported",
    "web.action.measure.updated": "Measure changed",
    "web.action.plan.import": "Import an action plan",
    "web.action.bodies.import": "Import bodies",
    "web.action.body.add": "Add a body",
    "web.action.body.member": "Attach a person to a body",
    "web.action.delegation.create": "Delegate",
    "web.action.delegation.revoke": "Revoke a delegation",
    "web.action.measure.note": "Note",
    "web.action.followup.recorded": "Follow-up recorded",
    "web.action.followup.record": "Record a follow-up",
    "web.action.remiss.opened": "Remiss opened",
    "web.action.remiss.closed": "Remiss closed",
    "web.action.remiss.reply": "Remiss reply",
    "web.action.decision.appealed": "Decision appealed",
    "web.action.decision.delegated": "Delegated decision",
    "web.action.delegation.created": "Delegation",
    "web.action.delegation.revoked": "Delegation revoked",
    "web.action.reminders.queued": "Reminders queued",
    "web.action.digest.queued": "Digest queued",
    "web.action.mail.sent": "Mail sent",
    "web.action.mail.failed": "Mail could not be sent",
    "web.action.outbox.retry": "Mail retried",
    "web.programmes.title": "Your programmes",
    "web.programmes.none": (
        "You have no role in any programme yet and act for no responsible body. Ask the process "
        "lead or the administrator to add you."
    ),
    "web.error.not_found.title": "Page not found",
    "web.error.not_found.text": (
        "The page does not exist, or you do not have access to it. Check the address or go to the "
        "start page."
    ),
    "web.error.csrf.title": "The form could not be sent",
    "web.error.csrf.text": (
        "The form has expired or did not come from this page, so nothing was changed. Reload the "
        "page and try again."
    ),
    "web.error.method.title": "That cannot be done this way",
    "web.error.method.text": "The page does not accept that kind of request.",
    "web.error.bad.title": "Bad request",
    "web.error.bad.text": "The request could not be understood. Go back and try again.",
    "web.error.internal.title": "Something went wrong",
    "web.error.internal.text": (
        "An error occurred on our side. Try again in a while; if it persists, contact the IT "
        "department."
    ),
    "web.error.home": "To the start page",
    "web.nav.remiss": "Consultation",
    "web.form.date_missing": "Enter a date.",
    "web.form.date_bad": (
        "“{value}” is not a date. Write for example 2023-05-30, 30/5 2023 or 30 May 2023."
    ),
    "web.form.date_hint": "For example 2023-05-30 or 30/5 2023.",
    "web.form.saved": "Saved.",
    "web.form.not_saved": (
        "Nothing was saved. Correct what is said beside the fields and try again."
    ),
    "web.form.text_missing": "Fill in the field.",
    "web.form.too_long": "The text is too long (at most 4,000 characters).",
    "web.form.not_allowed": "You are not allowed to do this.",
    "web.download": "Download",
    "web.print_view": "Printable version",
    "web.decisions.intro": (
        "The board's decisions and how far each has come towards being final: the minutes are "
        "approved, announced, and the decision is final three weeks after the announcement unless "
        "appealed."
    ),
    "web.decisions.reference": "Decision",
    "web.decisions.text": "Wording",
    "web.decisions.step": "Step",
    "web.decisions.final": "Final",
    "web.decisions.final_on": "{day}",
    "web.decisions.expected": "expected {day}",
    "web.decisions.none": "No decisions recorded yet.",
    "web.decisions.record": "Record a decision",
    "web.decisions.record_intro": "A board decision is recorded with the process step it concerns:",
    "web.decisions.no_record": "No process step needing a board decision is possible now.",
    "web.decisions.delegations_link": "Delegations and delegated decisions",
    "web.decision.body": "Decided by",
    "web.decision.meeting": "Meeting",
    "web.decision.diary": "Diary number",
    "web.decision.appeal_last_day": "Last day to appeal",
    "web.decision.appealed": "Appealed",
    "web.decision.appealed_by": "{day} by {by}",
    "web.decision.outcome": "The appeal's outcome",
    "web.decision.outcome.upheld": "Upheld",
    "web.decision.outcome.overturned": "Overturned",
    "web.decision.not_yet": "Not yet",
    "web.decision.not_yours": (
        "The steps are recorded by whoever decides for the board (the secretary)."
    ),
    "web.decision.nothing_more": "No more steps to record.",
    "web.decision.step.approve": "The minutes were approved",
    "web.decision.step.announce": "The minutes were announced",
    "web.decision.step.announce_hint": (
        "The three-week appeal period starts the day after the announcement."
    ),
    "web.decision.step.appeal": "The decision was appealed",
    "web.decision.step.appeal_by": "Who appealed",
    "web.decision.step.resolve": "The appeal was decided",
    "web.decision.step.outcome": "Outcome",
    "web.decision.history": "The decision's history",
    "web.decision.bad.before": "The date lies before {day}.",
    "web.decision.bad.future": "The date lies in the future.",
    "web.decision.bad.late_appeal": (
        "The appeal period ended on {day}; a later appeal is dismissed and does not stop the "
        "decision from becoming final."
    ),
    "web.decision.bad.by": "Write who appealed (one line, at most 200 characters).",
    "web.decision.bad.outcome": "Choose how the appeal was decided.",
    "web.decision.bad.step": "The step cannot be recorded now (the decision is {step}).",
    "web.delegations.title": "Delegations",
    "web.delegations.intro": (
        "The board may delegate a kind of decision to a person or a role. The delegate takes such "
        "decisions on the board's behalf and they are reported back to the board."
    ),
    "web.delegations.kind": "Kind of decision",
    "web.delegations.to": "Delegated to",
    "web.delegations.by_decision": "By decision",
    "web.delegations.used": "Used",
    "web.delegations.revoked": "Revoked {day}",
    "web.delegations.none": "No delegations.",
    "web.delegations.role": "the role {role}",
    "web.delegations.new": "New delegation",
    "web.delegations.kind_hint": "For example action_plan (the yearly action plan).",
    "web.delegations.to_person": "To a person",
    "web.delegations.to_role": "Or to a role",
    "web.delegations.choose": "– choose –",
    "web.delegations.decision_hint": (
        "The board's delegation decision: date, § and diary number, e.g. 2023-05-23 § 89 "
        "RUN/536/2021."
    ),
    "web.delegations.wording": "The delegation's wording",
    "web.delegations.create": "Record the delegation",
    "web.delegations.revoke": "Revoke",
    "web.delegations.revoke_note": "Revocation decision",
    "web.delegations.done.created": "The delegation is recorded.",
    "web.delegations.done.revoked": "The delegation is revoked.",
    "web.delegations.done.decided": "The delegated decision is recorded.",
    "web.delegations.decide": "Record a delegated decision",
    "web.delegations.decide_ref_hint": (
        "Date and diary number, § if any, e.g. 2023-11-14 RUN/1187/2023."
    ),
    "web.delegations.decide_text": "The decision",
    "web.delegations.report": "Reporting back to the board",
    "web.delegations.report_intro": (
        "The delegated decisions of a period, to report back to the board."
    ),
    "web.delegations.decided_on": "Decided on",
    "web.delegations.decided_by": "Decided by",
    "web.delegations.under": "Under",
    "web.delegations.bad.kind": (
        "Write the kind with lower-case letters, digits and _, e.g. action_plan."
    ),
    "web.delegations.bad.to": "Choose a person or a role (one of them).",
    "web.delegations.bad.already": "This kind of decision is delegated there already.",
    "web.delegations.bad.revoked": "The delegation is revoked already.",
    "web.delegations.bad.not_covered": "No delegation of {kind} in force covers you.",
    "web.delegations.bad.recorded": "The decision is recorded already.",
    "web.delegations.bad.before_delegation": "The decision is older than the delegation.",
    "web.delegations.bad.until": "The end lies before the start.",
    "web.followup.title": "Follow-up {year}",
    "web.followup.intro": (
        "Each measure of the year's action plan is followed up against its sub-goal: achieved, "
        "partly or not achieved, with a comment. Fill in what you know and save; rows left empty "
        "can be filled in later."
    ),
    "web.followup.no_plans": (
        "The programme has no action plan yet. Once a plan is imported it is followed up here."
    ),
    "web.followup.years": "Action plans",
    "web.followup.form": "Outcome per measure",
    "web.followup.comment": "Comment against the sub-goal",
    "web.followup.reason": "Reason",
    "web.followup.reason_hint": "Only when the measure is not done but achieved anyway: why.",
    "web.followup.state": "State: {state}",
    "web.followup.subgoal": "Sub-goal: {text}",
    "web.followup.recorded": "Recorded by {who} on {day}",
    "web.followup.save": "Save the follow-up",
    "web.followup.not_yours": (
        "The follow-up is recorded by the working group. You can read the report."
    ),
    "web.followup.done.saved": "Saved: {n} measures.",
    "web.followup.done.rollover": "{n} measures were carried over into next year's plan.",
    "web.followup.bad.outcome": "Choose an outcome.",
    "web.followup.bad.comment": "Write what was achieved against the sub-goal.",
    "web.followup.bad.reason": (
        "The measure is not done (state: {state}). Write why it is achieved anyway, or choose "
        "partly or not achieved."
    ),
    "web.followup.report": "The report",
    "web.followup.report_page": "Show the follow-up report",
    "web.followup.xlsx": "Excel (.xlsx)",
    "web.followup.csv": "CSV for Excel",
    "web.followup.rollover": "Carry over into {year}",
    "web.followup.rollover_intro": (
        "Measures that are not finished are carried over into the plan of {year}, their dated "
        "targets moved a year. This will be carried over:"
    ),
    "web.followup.rollover_none": "No unfinished measures to carry over.",
    "web.followup.rollover_button": "Carry {n} measures over into {year}",
    "web.followup.counts": (
        "Followed up: {followed} of {total}. Achieved {achieved}, partly {partly}, not achieved "
        "{not_}."
    ),
    "web.followup.followed": "Measures followed up",
    "web.followup.not_followed": "Not followed up yet",
    "web.followup.share": "Share achieved of those followed up: {share}",
    "web.followup.area": "Area {n}: {title}",
    "web.remiss.none": "No remiss has been opened yet.",
    "web.remiss.period": "Consultation period",
    "web.remiss.period_value": "{start} – {end}",
    "web.remiss.moved": "moved from {day}, not a working day",
    "web.remiss.working_days": "Working days",
    "web.remiss.lost": "Lost to holidays",
    "web.remiss.closed_on": "Closed on {day}",
    "web.remiss.is_open": "Open",
    "web.remiss.counts": "{answered} of {n} have answered ({late} after the reply date).",
    "web.remiss.bodies": "Consulted bodies",
    "web.remiss.state.answered": "Answered {day}",
    "web.remiss.state.after": "(after the reply date)",
    "web.remiss.state.overdue": "Late: no answer, reply date {day}",
    "web.remiss.state.waiting": "Waiting for a reply",
    "web.remiss.reply": "Record a reply",
    "web.remiss.summary_hint": "Required when the body has comments.",
    "web.remiss.reply_button": "Record the reply",
    "web.remiss.close_intro": (
        "Bodies that have not answered are recorded as “no answer”, and the compilation becomes "
        "final."
    ),
    "web.remiss.compilation": "Compilation",
    "web.remiss.compilation_page": "Show the compilation",
    "web.remiss.done.open": "The remiss is open.",
    "web.remiss.done.reply": "The reply is recorded.",
    "web.remiss.done.close": "The remiss is closed.",
    "web.remiss.bad.received": "The date must lie between the opening day and today.",
    "web.remiss.bad.position": "Choose a position.",
    "web.remiss.bad.summary": "Summarise the comments.",
    "web.remiss.bad.body": "Choose a consulted body that has not answered yet.",
    "web.remiss.bad.bodies": "Choose at least one body.",
    "web.remiss.bad.reply_by": "The reply date must lie after today.",
    "web.remiss.open.intro": (
        "Choose the bodies to consult. A group, such as the municipalities, stands for each of "
        "its members. The reply date is three months from today unless you give another, moved to "
        "the next working day if it falls on a weekend or holiday."
    ),
    "web.remiss.open.groups": "Groups",
    "web.remiss.open.single": "Single bodies",
    "web.remiss.open.reply_by": "Reply date",
    "web.remiss.open.reply_by_hint": (
        "For example 2023-02-27 or 27/2 2023. Leave empty for three months."
    ),
    "web.remiss.open.preview": "Show the reply date",
    "web.remiss.open.check": "Check before opening",
    "web.remiss.open.reply_by_is": "Reply by {day}",
    "web.remiss.open.working": "{n} working days from {start}.",
    "web.remiss.open.lost": "{n} working days are lost to holidays:",
    "web.remiss.open.no_lost": "No working days are lost to holidays.",
    "web.remiss.open.to": "The remiss goes to {n} bodies:",
    "web.remiss.open.confirm": "Confirm and open",
    "web.remiss.open.not_now": "The remiss cannot be opened at the process's current stage.",
    "web.remiss.open.not_yours": "The remiss is opened by {who}.",
    "web.remiss.compilation.missing": "Did not answer",
    "web.people.intro": (
        "Everyone registered and their roles in the programme. A person is never deleted (the "
        "trail keeps them) but can be deactivated: they then cannot sign in nor act."
    ),
    "web.people.not_admin": "People are registered and changed by the programme's administrator.",
    "web.people.login_hint": "Lower-case letters, digits and . _ @ -; never changes.",
    "web.people.email_hint": "Sign-in links, reminders and digests go here.",
    "web.people.roles": "Roles",
    "web.people.state": "Status",
    "web.people.active": "Active",
    "web.people.inactive": "Deactivated",
    "web.people.add": "Register a person",
    "web.people.add_button": "Register",
    "web.people.all": "All people",
    "web.people.edit": "Correct name and address",
    "web.people.role": "Role",
    "web.people.grant": "Grant a role",
    "web.people.grant_button": "Grant the role",
    "web.people.remove": "Remove",
    "web.people.deactivate": "Deactivate",
    "web.people.deactivate_intro": (
        "The person can no longer sign in nor act. They stay in the trail and can be activated "
        "again."
    ),
    "web.people.activate": "Activate again",
    "web.people.no_roles": "No roles.",
    "web.people.done.added": "The person is registered.",
    "web.people.done.grant": "The role is granted.",
    "web.people.done.remove": "The role is removed.",
    "web.people.done.deactivate": "The person is deactivated.",
    "web.people.done.activate": "The person is active again.",
    "web.people.bad.login": "Use lower-case letters, digits and . _ @ - (at most 64 characters).",
    "web.people.bad.taken": "That login exists.",
    "web.people.bad.email_taken": (
        "Another person has this address; one address signs in one person."
    ),
    "web.people.bad.name": "Write the person's name (one line).",
    "web.people.bad.nothing": "Nothing is changed.",
    "web.people.bad.yourself": "You cannot deactivate yourself.",
    "web.people.bad.last_admin": "The programme needs at least one active administrator.",
    "web.people.bad.role": "Choose a role.",
    "web.people.bad.role_held": "The role is held already (or not held).",
    "web.digest.intro": (
        "The same content as the weekly digest by e-mail, for the period you choose."
    ),
    "web.digest.lead": "The process lead's copy (refused attempts, failed mails)",
    "web.digest.area": "Area",
    "web.digest.bad.future": "The end lies in the future.",
    "web.nav.reminder_rules": "Reminder rules",
    "web.nav.audit": "Audit trail",
    "web.nav.bodies": "Bodies",
    "web.admin.not_allowed": "The page is shown to those allowed to see it: {who}.",
    "web.admin.who.administer": "the administrator",
    "web.admin.who.manage_plans": "those who manage plans and bodies, and the administrator",
    "web.outbox.intro": (
        "Mail the programme sends: reminders, digests and other mailings. Failed ones come first; "
        "send them again once the problem is fixed, for example a wrong address."
    ),
    "web.outbox.counts": "{failed} failed, {pending} waiting, {sending} being sent, {sent} sent",
    "web.outbox.none": "The outbox is empty.",
    "web.outbox.recipient": "Recipient",
    "web.outbox.subject": "Subject",
    "web.outbox.attempts": "Attempts",
    "web.outbox.error": "Last error",
    "web.outbox.times": "Times",
    "web.outbox.created": "Queued {at}",
    "web.outbox.next": "Next attempt {at}",
    "web.outbox.sent_at": "Sent {at}",
    "web.outbox.action": "Action",
    "web.outbox.status.failed": "Failed",
    "web.outbox.status.pending": "Waiting",
    "web.outbox.status.sending": "Being sent",
    "web.outbox.status.sent": "Sent",
    "web.outbox.retry": "Send again",
    "web.outbox.retry_all": "Send every failed mail again ({n})",
    "web.outbox.done": "{n} mail(s) are back in the queue and go out at the next run.",
    "web.outbox.shown": "Showing the first {n} of {total}.",
    "web.outbox.bad.not_failed": (
        "Only failed mails can be sent again; this one is in another state already."
    ),
    "web.rules.title": "Reminder rules in force",
    "web.rules.intro": (
        "These rules decide who is reminded of what, and when. They are changed with the command "
        "rsp remind rules set."
    ),
    "web.rules.own": "The programme's own rules",
    "web.rules.bundled": "The bundled rules",
    "web.rules.source": "Source",
    "web.rules.send_at_value": (
        "at {time} on working days (Saturday, Sunday, holiday: the next working day)"
    ),
    "web.rules.catch_up": "Missed reminders",
    "web.rules.catch_up_value": "are sent if at most {n} days old",
    "web.rules.kind.milestone": "Milestones of the process",
    "web.rules.kind.remiss": "The remiss",
    "web.rules.working_days.move_to_next": (
        "A deadline on a Saturday, Sunday or holiday moves to the next working day (lag 1930:173) "
        "before the days are counted."
    ),
    "web.rules.working_days.as_is": "The deadline counts as it is.",
    "web.rules.rule": "Rule",
    "web.rules.before": "{n} days before the deadline",
    "web.rules.on_day": "on the day of the deadline",
    "web.rules.overdue": "every {n} days after the deadline, at most {times} times",
    "web.rules.overdue_unlimited": "every {n} days after the deadline",
    "web.rules.cc": "Copied to",
    "web.rules.applies": "Applies now to",
    "web.rules.no_items": "Nothing open just now.",
    "web.rules.deadline": "Deadline",
    "web.rules.none": "No rules for this kind.",
    "web.rules.next": "Coming reminders",
    "web.rules.next_intro": "Reminders until {until} if nothing changes meanwhile.",
    "web.rules.next_none": "No reminders in the period.",
    "web.rules.to": "To",
    "web.rules.queued": "(already in the outbox)",
    "web.rules.problems": "To fix",
    "web.audit.title": "The audit trail's status",
    "web.audit.intro": (
        "The audit trail records every change and every refused attempt. It is a public record "
        "and may only be disposed of under a disposal decision."
    ),
    "web.audit.rows": "Rows",
    "web.audit.chains": "Chains",
    "web.audit.key_set": "The trail is sealed with key {key_id}.",
    "web.audit.key_here": "The server holds the key and checks the seals.",
    "web.audit.key_missing_here": (
        "The server does not hold the key (RSP_AUDIT_KEY_FILE): the seals are not checked."
    ),
    "web.audit.no_key": (
        "No key: whoever can write to the database could rewrite the trail undetected. Make a key "
        "(rsp audit keygen) and seal it (rsp audit seal)."
    ),
    "web.audit.checkpoint": "Newest checkpoint",
    "web.audit.no_checkpoint": "No checkpoint yet (rsp audit checkpoint).",
    "web.audit.cp_made": "Made",
    "web.audit.cp_reason": "Reason",
    "web.audit.cp_rows": "Rows covered",
    "web.audit.cp_head": "Head hash",
    "web.audit.cp_signed": "Signed",
    "web.audit.cp_after": "Rows after it",
    "web.audit.yes": "Yes",
    "web.audit.no": "No",
    "web.audit.last": "Last verification",
    "web.audit.never": "The trail has not been verified from here yet.",
    "web.audit.ok": "The trail held: {rows} rows verified {at} by {actor}.",
    "web.audit.broken": "The trail is BROKEN: verified {at} by {actor}. The problems:",
    "web.audit.seals_checked": "{n} seals checked.",
    "web.audit.cp_held": "The trail still leads to the newest checkpoint.",
    "web.audit.verify": "Verify the trail now",
    "web.audit.verify_hint": (
        "The verification reads the whole trail and can take a while when it is large."
    ),
    "web.audit.done": "The verification is done.",
    "web.bodies.title": "Bodies and contacts",
    "web.bodies.intro": (
        "The bodies responsible for measures and consulted in the remiss. Reminders go to a "
        "body's addresses; its contact people can sign in and work on its measures."
    ),
    "web.bodies.key": "Key",
    "web.bodies.key_hint": "Lower-case a–z, digits, _ or -, for example ostersunds-kommun.",
    "web.bodies.kind": "Kind",
    "web.bodies.emails": "E-mail addresses",
    "web.bodies.emails_hint": (
        "One or more, separated by commas, for example registrator@kommun.se."
    ),
    "web.bodies.members": "Contact people",
    "web.bodies.group_of": "Group of",
    "web.bodies.add": "Add a body",
    "web.bodies.add_button": "Add",
    "web.bodies.edit": "Correct name and addresses",
    "web.bodies.all": "All bodies",
    "web.bodies.none": "None yet.",
    "web.bodies.choose": "Choose",
    "web.bodies.kind.authority": "Authority",
    "web.bodies.kind.region": "Region",
    "web.bodies.kind.municipality": "Municipality",
    "web.bodies.kind.university": "University",
    "web.bodies.kind.business": "Business",
    "web.bodies.kind.agency": "Agency",
    "web.bodies.kind.group": "Group",
    "web.bodies.contact_add": "Add a contact person",
    "web.bodies.contact_add_intro": (
        "For a person registered already the login is enough; otherwise they are registered with "
        "name and e-mail address."
    ),
    "web.bodies.login_hint": "Letters, digits and . _ @ -, for example anna.berg.",
    "web.bodies.contact_edit": "Correct",
    "web.bodies.contact_remove": "Remove as contact",
    "web.bodies.no_contacts": "No contact people.",
    "web.bodies.inactive": "(inactive)",
    "web.bodies.done.added": "The body is added.",
    "web.bodies.done.contact_added": "The contact person is added.",
    "web.bodies.done.contact_edit": "The contact person is corrected.",
    "web.bodies.done.contact_remove": "The person is no longer a contact.",
    "web.bodies.bad.key": "Use lower-case a–z, digits, _ or - (at most 64 characters).",
    "web.bodies.bad.key_taken": "There is a body with that key already.",
    "web.bodies.bad.name": "Write the name on one line, at most 200 characters.",
    "web.bodies.bad.name_missing": "Enter a name.",
    "web.bodies.bad.kind": "Choose a kind.",
    "web.bodies.bad.emails_missing": (
        "Enter at least one address: reminders go to the body's addresses."
    ),
    "web.bodies.bad.email": (
        "Mail cannot be sent to »{value}«. Write an address like name@municipality.se, with a–z, "
        "digits and . - _ only (a domain with å, ä or ö in its xn-- form)."
    ),
    "web.bodies.bad.email_missing": "Enter the contact person's e-mail address.",
    "web.bodies.bad.email_taken": (
        "The address belongs to another person already; one address signs in one person."
    ),
    "web.bodies.bad.login": "Use letters, digits and . _ @ - (at most 64 characters).",
    "web.bodies.bad.member": "The person is a contact of the body already.",
    "web.bodies.bad.nothing": "Nothing to change: the details are as before.",
    "web.bodies.bad.admin_only": (
        "The person holds roles; their address is corrected by the administrator under People."
    ),
    "web.rules.until": "Show reminders until",
    "web.rules.until_hint": "A date, for example 2023-06-30.",
    "web.bodies.measures": "Responsible for the measures",
    "web.rules.bad.until": "Choose a day from today and at most {days} days ahead.",
    "web.plans.intro": (
        "Read the year's action plan from an Excel workbook (.xlsx) or a YAML file. The whole "
        "file is checked first: with any error nothing is imported, and each error is shown with "
        "its place in the file. Correct the file and upload it again."
    ),
    "web.plans.years": "Plans read in",
    "web.plans.no_years": "No plan has been read in yet.",
    "web.plans.template": "A template to start from",
    "web.plans.template_xlsx": "Download the template as an Excel workbook (.xlsx)",
    "web.plans.template_yaml": "Download the template as a YAML file",
    "web.plans.template_hint": (
        "The template has the sheets Plan, Areas, Goals and Measures with an example row in each, "
        "and a sheet of instructions."
    ),
    "web.plans.upload": "Read in a plan",
    "web.plans.year": "The plan's year",
    "web.plans.year_hint": "For example 2026.",
    "web.plans.file": "File with the plan",
    "web.plans.file_hint": "An Excel workbook (.xlsx) or a YAML file (.yaml), at most 5 MB.",
    "web.plans.button": "Check and import",
    "web.plans.not_manager": "Only those who manage action plans can read in a plan here.",
    "web.plans.problems": (
        "Nothing was imported. The file has {n} errors: correct them and upload it again."
    ),
    "web.plans.problems_caption": "Errors in {name}",
    "web.plans.place": "Place",
    "web.plans.bad.year": "Enter the plan's year in four digits, for example 2026.",
    "web.plans.bad.file": "Choose a file with the plan (.xlsx or .yaml).",
    "web.plans.bad.kind": (
        "The file must be an Excel workbook (.xlsx) or a YAML file (.yaml or .yml)."
    ),
    "web.plans.bad.size": "The file is too big (at most 5 MB).",
    "web.plans.done.imported": (
        "The action plan for {year} is imported: {created} new measures, {updated} changed."
    ),
    "web.plans.done.unchanged": "The action plan for {year} was read in already: nothing changed.",
    "web.file.followup": "follow-up-{year}",
    "web.file.plan": "action-plan-{year}",
    "web.file.compilation": "consultation.xlsx",
    # --- serve ---------------------------------------------------------------------------
    "serve.workers": "rsp serve: {url}/ with {workers} workers on {db}",
    "serve.listening": "rsp serve: listening on {url}/ (database {db})",
    "serve.sign_in": "sign-in",
    "serve.mail": "mail",
    # --- bodies --------------------------------------------------------------------------
    "bodies.problem.mapping": "must be a mapping (key: value), not {what}",
    "bodies.problem.unknown_field": "unknown field {name!r}; expected one of {expected}",
    "bodies.problem.missing_field": "missing field '{name}'",
    "bodies.problem.field": "field {name!r}: {problem}",
    "bodies.problem.not_list": "must be a list, not {what}",
    "bodies.problem.empty_list": "must list at least one entry",
    "bodies.problem.not_number": "must be a positive whole number, not {what}",
    "bodies.problem.not_date": "{value!r} is not a date (YYYY-MM-DD)",
    "bodies.problem.quote_it": 'must be text, not {what}; quote it: "{value}"',
    "bodies.problem.not_empty": "must not be empty",
    "bodies.problem.not_text": "must be text, not {what}",
    "bodies.problem.empty": "empty",
    "bodies.problem.yes_no": "a yes/no value ({value})",
    "bodies.problem.a_number": "a number ({value})",
    "bodies.problem.a_list": "a list",
    "bodies.problem.a_mapping": "a mapping",
    "bodies.problem.unknown": "unknown {kind} {value!r}",
    "bodies.problem.did_you_mean": "; did you mean {name!r}?",
    "bodies.problem.body": "body",
    "bodies.problem.goal": "goal",
    "bodies.problem.not_in_bodies": " (not in the bodies file)",
    "bodies.problem.goal_form": "<area>.<number>, e.g. 1.1",
    "bodies.problem.measure_form": "<area>.<LETTER>, e.g. 2.B",
    "bodies.problem.id_form": "{ident!r} must be {form}",
    "bodies.problem.id_area": "{ident!r} must start with '{number}.' (area {number})",
    "bodies.problem.duplicate_id": "duplicate {kind} id {ident!r} (first on line {first})",
    "bodies.problem.before_year": "{date} is before the plan year {year}",
    "bodies.problem.after_year": "{date} is more than a year after the plan year {year}",
    "bodies.problem.plans_goals": " (the plan's goals: {goals})",
    "bodies.problem.listed_twice": "{body!r} is listed twice",
    "bodies.problem.year_asked": "the plan is for {plan_year}, not {year} as asked",
    "bodies.problem.starts_year": "{starts} is not in the plan year {plan_year}",
    "bodies.problem.duplicate_area": "duplicate area number {number} (first on line {first})",
    "bodies.place.file": "file",
    "bodies.place.plan": "plan",
    "bodies.place.measure": "measure",
    "bodies.place.field": "field",
    "bodies.place.body": "body",
    # --- reminders -----------------------------------------------------------------------
    "reminders.problem.milestone_nobody": (
        "{programme}: milestone {state}: no one holding {roles} has an e-mail address"
    ),
    "reminders.problem.measure_no_body": (
        "measure {code} ({year}): no responsible body; nobody to remind"
    ),
    "reminders.problem.measure_lead_no_email": (
        "measure {code} ({year}): the lead body {body} has no e-mail address"
    ),
    "reminders.problem.remiss_no_email": "remiss {id}: {body} has no e-mail address",
    "reminders.problem.rules_broken": (
        "{programme}: its reminder rules cannot be used, so none of its reminders are sent: {error}"
    ),
    "reminders.problem.programme_failed": "programme {id}: its reminders failed: {error}",
    "reminders.problem.mail_not_made": "{subject} to {address}: {error}",
    "reminders.problem.a_role": "a role",
    # --- digest --------------------------------------------------------------------------
    "digest.title": "Weekly digest",
    "digest.lead_title": "Weekly digest – the process lead's copy",
    "digest.subject": "Weekly digest {programme}, week {week} ({end})",
    "digest.subject_lead": "Weekly digest (process lead) {programme}, week {week} ({end})",
    "digest.period": "The period {start} – {end}",
    "digest.compiled": "Compiled {at}",
    "digest.page": (
        "The digest in rsp, where you can also choose another period (you sign in with your "
        "e-mail address)"
    ),
    "digest.stage": "Where the process stands",
    "digest.current_stage": "Current stage",
    "digest.since": "since {day}, {n} days",
    "digest.since_one": "since {day}, 1 day",
    "digest.since_later": "from {day}, after the digest's day",
    "digest.final_stage": "final stage",
    "digest.next_milestone": "Next milestone",
    "digest.planned_for": "planned for {day}",
    "digest.milestones": "Milestones: planned and actual",
    "digest.timeline": "Timeline",
    "digest.legend_on_plan": "reached on plan",
    "digest.legend_early": "reached early",
    "digest.legend_late": "reached late",
    "digest.legend_overdue": "not reached, behind plan",
    "digest.legend_today": "today ({day})",
    "digest.beyond": "beyond the picture",
    "digest.earlier": "Before {day}: {n} milestones, {how}.",
    "digest.count_on_plan": "{n} on plan",
    "digest.count_early": "{n} early",
    "digest.count_late": "{n} late",
    "digest.count_overdue": "{n} not reached",
    "digest.decisions": "Decisions in the period",
    "digest.pending": "Decisions not yet final",
    "digest.expected_final": "expected final {day}",
    "digest.delegated": "delegated decision, {who}",
    "digest.measures": "Measures by priority area",
    "digest.plan_of": "Action plan {year}",
    "digest.area": "Area {n}",
    "digest.total": "Total",
    "digest.no_plans": "No action plan yet.",
    "digest.overdue": "Overdue measures",
    "digest.due_soon": "Measures due within {n} days",
    "digest.due": "Due",
    "digest.target": "Target",
    "digest.one_day_late": "1 day late",
    "digest.more": "… and {n} more: see the measures in rsp.",
    "digest.remiss_open": "The consultation is open; replies by {day}.",
    "digest.received": "Replies received ({n})",
    "digest.missing": "Replies missing ({n})",
    "digest.late_reply": "came in late",
    "digest.refused": "Refused attempts in the period",
    "digest.failed": "Failed mails",
    "digest.standing": "Standing problems with reminders and mail",
    "digest.checkpoint": "Checkpoint of the audit trail",
    "digest.checkpoint_note": (
        "Keep this mail. With the checkpoint below the audit trail can be checked later: it shows "
        "that the trail has not been changed afterwards."
    ),
    "digest.replay": "A replay database: its times are simulated.",
    "digest.attempts": "{n} attempts",
    "digest.queued_line": (
        "digest {programme} ({copy}, {day}): {recipients} recipient(s), {inserted} queued, "
        "{existing} already in the outbox"
    ),
    "digest.footer": (
        "An automatic weekly digest from rsp. Please do not reply to this message; contact the "
        "process lead if something is wrong."
    ),
    # --- digest_position -----------------------------------------------------------------
    "digest_position.agrees": "agrees",
    "digest_position.comments": "has comments",
    "digest_position.no_comments": "no comments",
    "digest_position.no_answer": "no answer",
    # --- digest_step ---------------------------------------------------------------------
    "digest_step.decided": "decided, minutes not yet approved",
    "digest_step.announced": "minutes announced, appeal period running",
    # --- daemon --------------------------------------------------------------------------
    "daemon.running": (
        "rsp scheduler: running (pid {pid}, every {minutes} min, {db}); stop with SIGTERM"
    ),
    "daemon.stopped": "rsp scheduler: stopped",
    "daemon.standby": (
        "rsp scheduler: standby — {why}; this one takes over within {seconds} s of it stopping"
    ),
    "daemon.taking_over": "rsp scheduler: taking over (pid {pid})",
    "daemon.held_file": "a scheduler is already running on {db} (pid {pid}; lock file {path})",
    "daemon.held_pg": "a scheduler is already running on {db} (it holds the advisory lock)",
    "daemon.stop_it": "{why}; stop it first",
    "daemon.database": "database: {error}",
    "daemon.transport": "transport: {how}",
    "daemon.sweep": (
        "sweep: {items} deadline items, {due} reminder(s) due ({mails} mails), {inserted} queued, "
        "{existing} already in the outbox"
    ),
    "daemon.sweep_broken": "sweep: nothing queued (a template is broken, see the error)",
    "daemon.taken_over": ", {n} taken over",
    "daemon.weekly": "weekly digest: '{cron}' (Europe/Stockholm)",
    "daemon.daily": "audit checkpoint: daily at 06:30 (Europe/Stockholm)",
    # --- finality ------------------------------------------------------------------------
    "finality.step.decided": "decided",
    "finality.step.announced": "minutes announced",
    "finality.step.final": "final",
    "finality.step.overturned": "overturned",
    # --- delegation ----------------------------------------------------------------------
    "delegation.kind.action_plan": "Yearly action plan",
    # --- followup ------------------------------------------------------------------------
    "followup.title": "Follow-up of the action plan {year}",
    "followup.goal_elsewhere": "a goal of area {n}, as the action plan gives it for the measure",
    "followup.no_goal": "No goal given",
    "followup.share": "Share achieved of those followed up",
    "followup.not_followed": "Not followed up yet ({n})",
    "followup.not_followed_intro": (
        "Not counted in the shares above; they are followed up before the report is final."
    ),
    "followup.counts": (
        "achieved {achieved}, partly {partly}, not achieved {not_}, not followed up {missing}"
    ),
    "followup.no_measures": "No measures this year",
    "followup.see_above": "reported under goal {goal}",
    "followup.also_one": "Measure {codes} also serves this goal; it is reported under goal {goal}.",
    "followup.also_many": (
        "Measures {codes} also serve this goal; they are reported under goal {goal}."
    ),
    "followup.summary": "The whole plan",
    "followup.area_title": "Area title",
    "followup.recorded_by": "Recorded by",
    "followup.recorded_at": "Recorded",
    "followup.share_of": "{achieved} of {total} ({pct}%)",
    # --- compilation ---------------------------------------------------------------------
    "compilation.title": "Consultation compilation",
    "compilation.period": "Consultation period {start} – {end}",
    "compilation.summary": (
        "The draft was sent to {n} bodies. {answered} answered ({late} after the reply date), "
        "{missing} did not answer."
    ),
    "compilation.open": "The consultation is still open: this compilation is preliminary.",
    "compilation.late": "after the reply date",
    "compilation.answers": "Replies",
    "compilation.none_answered": "No replies have come in.",
    "compilation.missing_closed": "Bodies that did not answer",
    "compilation.missing_open": "Bodies that have not answered yet",
    "compilation.nobody": "Every body has answered.",
    # --- remiss_text ---------------------------------------------------------------------
    "remiss_text.opened": "Remiss opened {day} ({who}); replies due {reply_by}",
    "remiss_text.moved": " (moved from {asked}, not a working day, by Swedish law 1930:173)",
    "remiss_text.closed": "Closed {day}",
    "remiss_text.left": "{n} days left to the reply date",
    "remiss_text.passed": "the reply date has passed",
    "remiss_text.period": "The period: {days} days, {work} working days; lost to holidays: {lost}",
    "remiss_text.answers": "Replies: {a} of {n} ({late} late)",
    "remiss_text.late": "late",
    "remiss_text.line_open": (
        "Remiss: {a} of {n} have answered ({late} late); replies due {reply_by} ({work} working "
        "days, {lost} lost to holidays)"
    ),
    "remiss_text.line_closed": (
        "Remiss closed {day}: {a} of {n} answered ({late} late), no answer from {missing}"
    ),
    "remiss_text.delegated_to": "to",
    "remiss_text.role": "role",
    "remiss_text.revoked": "revoked {day}",
    "remiss_text.active": "active",
    "remiss_text.report": "Delegated decisions to report to {board}, {since} – {until}",
    "remiss_text.under": "under delegation #{id} ({ref})",
    "remiss_text.final_on": "final {day}",
    "remiss_text.expected": "expected final {day}",
    "remiss_text.appeal_until": "appeal period ends {day}",
    # --- measure_text --------------------------------------------------------------------
    "measure_text.passed": "passed",
    "measure_text.blocked": "needs",
    "measure_text.no_rows": "No measures match.",
    "measure_text.members": "Members",
    "measure_text.groups": "Member of",
    "measure_text.emails": "E-mail",
    # --- workbook ------------------------------------------------------------------------
    "workbook.not_zip": (
        "is not an Excel workbook (.xlsx); save the file as an Excel workbook and retry"
    ),
    "workbook.other_format": (
        "is neither .xlsx nor YAML; save it as an Excel workbook (.xlsx) and retry"
    ),
    "workbook.too_big": "is too big ({n} bytes; at most {most})",
    "workbook.unreadable": "cannot be read as an Excel workbook ({why})",
    "workbook.no_sheet": "the sheet {sheet} is missing (the sheets: {have})",
    "workbook.empty_sheet": "the sheet is empty",
    "workbook.no_rows": "no rows below the headings",
    "workbook.many_rows": "the sheet has {n} rows; at most {most}",
    "workbook.many_columns": "the sheet has {n} columns; at most {most}",
    "workbook.plan_rows": "the Plan sheet must have one row below the headings, not {n}",
    "workbook.merged": "merged cells; unmerge them",
    "workbook.formula": "the cell holds a formula ({text}); write the value instead",
    "workbook.bad_heading": "unknown heading {text!r}; expected: {known}",
    "workbook.twice_heading": "the heading {text!r} is in column {first} already",
    "workbook.no_heading": "the column {text!r} is missing from the headings",
    "workbook.no_column_heading": "a value in a column without a heading",
    "workbook.missing": "{column} is missing",
    "workbook.not_number": "{column} must be a whole number, not {text!r}",
    "workbook.not_date": "{column}: {text!r} is not a date (YYYY-MM-DD)",
    "workbook.deadline": "{column}: {text!r} must be a date YYYY-MM-DD and a text",
    "workbook.goal_id": "id {text!r} must be area.number, e.g. 1.1",
    "workbook.measure_id": "id {text!r} must be area.LETTER, e.g. 2.B",
    "workbook.no_area": "area {n} is not in the sheet {sheet}; known: {known}",
    "workbook.twice": "{what} {text!r} is on {first} already",
    "workbook.area_no_goals": "area {n} has no goals in the sheet {sheet}",
    "workbook.unknown_body": "{column}: {text!r} is unknown; known bodies: {known}",
    "workbook.body_twice": "{column}: {text!r} is listed twice",
    "workbook.unknown_goal": "goal {text!r} is not in the sheet {sheet}; known: {known}",
    "workbook.wrong_year": "the plan is for {year}, not {asked} as asked",
    "workbook.date_year": "{column}: {text} is not in the plan's year {year} or the year after",
    "workbook.starts_year": "{column}: {text} is not in the plan's year {year}",
    "workbook.what.measure": "measure",
    # --- cli -----------------------------------------------------------------------------
    "cli.config.file": "file",
    "cli.config.env": "environment",
    "cli.config.default": "default",
    "cli.config.no_file": (
        "No settings file (--config, RSP_CONFIG or /etc/rsp/rsp.toml): only environment variables "
        "and defaults."
    ),
    "cli.config.file_is": "Settings file: {path}",
    "cli.config.setting": "setting",
    "cli.config.value": "value",
    "cli.config.source": "from",
    "cli.config.ok": "No problems.",
    "cli.config.problems": "{n} problem(s):",
    "cli.config.set": "set",
    "cli.config.unset": "NOT set",
    "cli.database.backed_up": "{db}: backed up into {file} ({pages} pages)",
    "cli.database.dumped": "{db}: backed up into {file} with:\n  {command}",
    "cli.database.restored": "{file} restored into {db} (schema {revision})",
    "cli.database.pg_restored": "{file} restored into {db} with:\n  {command}",
    "cli.database.upgrade": "The schema is older than this version's: run 'rsp db upgrade'.",
    # --- config --------------------------------------------------------------------------
    "config.problem.not_toml": "not valid TOML: {error}",
    "config.problem.unreadable": "cannot read it: {error}",
    "config.secret_ref": "a *_file or *_env setting",
    "config.default.rsp_database_url": "./rsp.db (SQLite)",
    "config.default.rsp_programme": "the only programme",
    "config.default.rsp_audit_key_file": "none (the trail is not sealed)",
    "config.default.rsp_mail_transport": "smtp with smtp.host, else file",
    "config.default.rsp_outbox_dir": "outbox beside a SQLite database",
    "config.default.rsp_smtp_port": "587 (465 with tls = ssl)",
    "config.default.rsp_smtp_tls": "starttls (ssl on port 465)",
    "config.default.rsp_smtp_cafile": "the system's CA certificates",
    "config.default.rsp_base_url": "the address of the request",
    "config.default.rsp_web_secret_file": "a secret kept in the database",
    "config.default.rsp_oidc_issuer": "none (no OpenID Connect sign-in)",
    "config.default.rsp_reminder_rules": "each programme's own",
    "config.default.rsp_template_dir": "the bundled templates",
    "config.problem.secret": (
        "{name}: a secret is never written in the settings file; say where it is instead: "
        "{how} (a file readable only by rsp's user, or the NAME of an environment variable)"
    ),
    "config.problem.no_section": (
        "{name}: every setting belongs in a [section], e.g. [database] url"
    ),
    "config.problem.unknown_in": "{name}: no such setting (in [{section}]: {known})",
    "config.problem.unknown_section": "{name}: no such setting (sections: {sections})",
    "config.problem.one_value": "{name}: give one value (text, number or true/false)",
    "config.problem.url_password": (
        "database.url: holds a password; write the URL without it and give database.password_file "
        "or database.password_env"
    ),
    "config.problem.refused": "the settings file cannot be used (nothing was done):",
    "config.problem.see_check": "('rsp config check' shows every setting and where it comes from)",
    # --- reminder_mail -------------------------------------------------------------------
    "reminder_mail.link.measure": (
        "The measure in rsp, where you can mark it started, report how it goes and mark it done"
    ),
    "reminder_mail.link.milestone": "Where the process stands, in rsp",
    "reminder_mail.link.sign_in": "You sign in with your e-mail address.",
    "reminder_mail.measure": "The measure",
    "reminder_mail.milestone": "The milestone",
    "reminder_mail.done.measure": "done",
    "reminder_mail.done.milestone": "reached",
    "reminder_mail.remiss": "The consultation",
    "reminder_mail.done.remiss": "answered",
    "reminder_mail.days_ago": "{n} days ago",
    "reminder_mail.yesterday": "yesterday",
    "reminder_mail.subject": "Reminder: {title} – due {date} ({when})",
    "reminder_mail.subject_late": "Overdue: {title} – was due {date} ({when})",
    "reminder_mail.moved": "{date} (moved from {orig}, {why}, by Swedish law 1930:173)",
    "reminder_mail.weekend": "a weekend day",
    "reminder_mail.hello": "Dear {name},",
    "reminder_mail.hello_nobody": "Hello,",
    "reminder_mail.to_organisation": "To {name}",
    # --- calendar ------------------------------------------------------------------------
    "calendar.reached": "Reached",
    "calendar.deadline": "Deadline",
    # --- remiss_items --------------------------------------------------------------------
    "remiss_items.title": "{programme} (consultation draft)",
    "remiss_items.body": "Consulted body",
    "remiss_items.sent": "Sent for consultation",
    "remiss_items.questions": "Questions and replies to",
    # --- standing ------------------------------------------------------------------------
    "standing.contacts": "Contact persons without an e-mail address",
    "standing.reminders": "Reminders that cannot be sent",
    # --- measure_items -------------------------------------------------------------------
    "measure_items.moved": "Deadline by Swedish law 1930:173",
    # --- milestones ----------------------------------------------------------------------
    "milestones.stage": "Planned date",
    "milestones.by": "Done by",
    # --- scheduler_status ----------------------------------------------------------------
    "scheduler_status.running": "Scheduler: running (pid {pid}), last round {round}",
    "scheduler_status.stopped": "Scheduler: NOT running on this database",
    "scheduler_status.last_queued": "Last sweep that queued mail: {at}",
    "scheduler_status.last_sent": "Last mail sent: {at}",
    "scheduler_status.queue": (
        "Queue: {queue} waiting (oldest since {oldest}); {failed} failed, {sent} sent"
    ),
    "scheduler_status.checkpoint": "Newest checkpoint: {at} ({reason})",
    "scheduler_status.never": "never",
    "scheduler_status.none": "—",
    # --- cli -----------------------------------------------------------------------------
    "cli.reminders.note": "note",
    # --- date ----------------------------------------------------------------------------
    "date.month.1": "January",
    "date.month.2": "February",
    "date.month.3": "March",
    "date.month.4": "April",
    "date.month.5": "May",
    "date.month.6": "June",
    "date.month.7": "July",
    "date.month.8": "August",
    "date.month.9": "September",
    "date.month.10": "October",
    "date.month.11": "November",
    "date.month.12": "December",
    "date.month_short.1": "Jan",
    "date.month_short.2": "Feb",
    "date.month_short.3": "Mar",
    "date.month_short.4": "Apr",
    "date.month_short.5": "May",
    "date.month_short.6": "Jun",
    "date.month_short.7": "Jul",
    "date.month_short.8": "Aug",
    "date.month_short.9": "Sep",
    "date.month_short.10": "Oct",
    "date.month_short.11": "Nov",
    "date.month_short.12": "Dec",
    "date.weekday.1": "Monday",
    "date.weekday.2": "Tuesday",
    "date.weekday.3": "Wednesday",
    "date.weekday.4": "Thursday",
    "date.weekday.5": "Friday",
    "date.weekday.6": "Saturday",
    "date.weekday.7": "Sunday",
    # --- plan ----------------------------------------------------------------------------
    "plan.instructions.1": "Action plan for rsp – how to fill in the workbook",
    "plan.instructions.2": (
        "The sheets Plan, Areas, Goals and Measures are the plan. Row 1 holds the headings: leave "
        "them."
    ),
    "plan.instructions.3": (
        "Plan has one row. Areas, Goals and Measures have one row per area, goal and measure."
    ),
    "plan.instructions.4": (
        "A goal's and a measure's area is the number before the dot of its id (1.1, 2.B)."
    ),
    "plan.instructions.5": "Write values, not formulas, and do not merge cells.",
    "plan.instructions.6": (
        "Import: rsp plan import FILE.xlsx --year YYYY, or on the Action plan page."
    ),
    "plan.instructions.7": (
        "Everything is checked first; with any error nothing is imported and each error is shown "
        "with sheet, row and column (e.g. Measures!F3)."
    ),
    "plan.instructions.8": (
        "Importing the same plan again changes nothing; a changed plan updates the measures."
    ),
    "plan.help_keys": (
        "Key from the bodies file (rsp bodies list); several: commas or one per line."
    ),
    "plan.help_list": "One per line in the cell (Alt+Enter).",
    "plan.sheet.plan": "Plan",
    "plan.help.plan.year": "The plan's year.",
    "plan.help.plan.title": "The plan's title.",
    "plan.column.plan.issuer": "Issuer",
    "plan.help.plan.issuer": "The body issuing the plan. {keys}",
    "plan.column.plan.starts": "Starts",
    "plan.help.plan.starts": "A date YYYY-MM-DD in the plan's year.",
    "plan.help.plan.followup": "How and when the plan is followed up (optional).",
    "plan.sheet.areas": "Areas",
    "plan.column.areas.number": "Number",
    "plan.help.areas.number": "The priority area's number: 1, 2, …",
    "plan.help.areas.title": "The area's title.",
    "plan.column.areas.description": "Description",
    "plan.help.areas.description": "Optional text.",
    "plan.column.areas.examples": "Examples",
    "plan.help.areas.examples": "Optional. {list}",
    "plan.help.goals.id": "Area.number, e.g. 1.1 (the area before the dot).",
    "plan.help.goals.title": "The goal in words.",
    "plan.sheet.measures": "Measures",
    "plan.help.measures.id": "Area.LETTER, e.g. 2.B.",
    "plan.help.measures.title": "The measure.",
    "plan.help.measures.subgoal": "The measurable sub-goal.",
    "plan.help.measures.goals": "Ids from the Goals sheet; several: commas or one per line.",
    "plan.help.measures.responsible": "The lead first. {keys}",
    "plan.column.measures.deadlines": "Deadlines",
    "plan.help.measures.deadlines": "YYYY-MM-DD and text, e.g. “2026-12-31 Measure done”. {list}",
    "plan.template_yaml": """\
# Action plan {year} – a template for rsp. Import: rsp plan import FILE.yaml --year {year}
# Everything is checked first: with any error nothing is imported; each is named by line.
# Bodies (issuer, responsible) are keys from the bodies file: rsp bodies list.
plan:
  year: {year}                      # the plan's year
  title: Handlingsplan {year} för regionalt serviceprogram
  issuer: lansstyrelsen             # the body issuing the plan
  starts: {year}-01-01              # starts (YYYY-MM-DD, within the year)
  followup: "Uppföljning i januari {next} till nämnden och Tillväxtverket."  # optional

areas:                              # priority areas
  - number: 1
    title: "Dagligvaror och drivmedel"
    description: "Frivillig löptext om området."
    examples: ["Investeringsstöd till butiker."]  # optional
    goals:                          # the programme's goals: area.number
      - {{id: "1.1", title: "Strategiska butiker finns kvar."}}
    measures:                       # the year's planned measures: area.LETTER
      - id: "1.A"
        title: "Kartlägga strategiska butiker"
        subgoal: "Aktuell karta över servicepunkterna"   # the measurable sub-goal
        goals: ["1.1"]
        activities: ["Inventera butikerna tillsammans med kommunerna."]
        responsible: [lansstyrelsen, kommunerna]       # the lead first
        financing: ["1:1 anslaget"]
        deadlines:                  # in the plan's year or the year after
          - {{date: {year}-12-31, text: "Kartan klar"}}
""",
    # --- remiss --------------------------------------------------------------------------
    "remiss.position.none": "Not answered yet",
    # --- followup_outcome ----------------------------------------------------------------
    "followup_outcome.none": "Not followed up",
    # --- yaml: problems reading a YAML file -----------------------------------------------
    "yaml.syntax": "{problem}",
    "yaml.character": "the character U+{code} is not allowed in YAML",
    "yaml.invalid": "invalid YAML: {error}",
    "yaml.not_utf8": "is not UTF-8 text (byte {byte})",
    "yaml.too_deep": "nested more than {depth} levels deep",
    "yaml.plain_key": "a key must be a plain word",
    "yaml.duplicate_key": "duplicate key {name}",
    "yaml.duplicate_noted": "duplicate key {name} (the first, at line {line}, is the one read)",
}
