"""Mail: the outbox (each mail exists once), the sender that claims and sends with retries,
SMTP and file transports, the RFC 5322 message, the settings."""
