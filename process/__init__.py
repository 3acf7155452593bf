"""rsp's domain and its services, in layers that import one way only (see
tests/unit/test_layers.py): core ← storage ← access ← workflow ← the features (bodies,
decisions, remiss, plans, programme) ← reports ← cli. `notifications` builds on it;
`cli.py` and `web` wire everything together.

Kept free of imports so that `rsp --help` stays cheap; import the submodules.
"""
