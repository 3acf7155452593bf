"""What people read: the status of a process, history, text views for the terminal, the
follow-up report, the remiss compilation, and the sandboxed Jinja2 templates they render
with."""
