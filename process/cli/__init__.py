"""The command groups of the features (people, measures, plans, remiss, decisions, audit,
installation); `cli.py` registers them. Each imports only click up front."""
