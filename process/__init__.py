"""rsp's domain and services: definitions, the engine, audit, people, storage.

Kept free of imports so that `rsp --help` stays cheap; import the submodules.
"""
