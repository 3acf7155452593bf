"""Board decisions: their way to being final (justerat, anslaget, laga kraft, appeal),
and delegation of a kind of decision with the decisions taken under it."""
