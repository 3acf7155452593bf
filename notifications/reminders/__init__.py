"""Reminders: rules as data, which are due when (Swedish working days), the deadline
items of milestones, measures and the remiss, the sweep that puts each reminder into the
outbox once, the reminder mails and the calendar export."""
