"""`rsp demo`'s timetable: the steps it replays, as data; cli.py runs them."""
