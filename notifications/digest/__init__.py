"""The weekly digest: its data, rendering (HTML, text, Markdown), mailing it once per
period to those who receive it, the scheduler's calendar jobs and the weekly checkpoint
mailed to the registrar."""
