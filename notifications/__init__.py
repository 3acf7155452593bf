"""Reminders, the outbox and its sender, mail transports, the digest and the scheduler."""
