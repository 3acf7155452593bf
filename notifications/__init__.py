"""Everything that reaches people by mail: reminders (rules, what is due, the sweep into
the outbox), mail (the outbox, its sender, transports), the weekly digest, the scheduler
(`daemon`) and their commands (`cli`). Builds on `process`; `process` never imports it."""
