"""notifications.cli."""
