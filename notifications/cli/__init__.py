"""The commands of notifications: remind, outbox, scheduler, calendar, digest, templates."""
