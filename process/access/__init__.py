"""Who may do what, and the record of it: the acting person (`caller`), people and
their roles, capabilities (what code checks; a definition maps its roles to them), the
one audited unit of work every write goes through (`unit_of_work`), and the audit trail
itself — chains, seals, checkpoints, verification (`audit`, `audit_key`, `checkpoints`,
`audit_verify`, `trail_state`, `trail_check`) and the installation."""
