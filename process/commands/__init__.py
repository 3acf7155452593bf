"""The CLI's command groups beyond the core ones in cli.py; each imports only click at
module level and the services inside its commands, so `rsp --help` stays cheap."""
