"""notifications.reminders."""
