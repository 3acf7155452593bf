"""notifications.digest.data."""
