"""Responsible bodies (ansvariga aktörer) of a programme: the bodies file, importing and
adding bodies, their addresses, groups and member people."""
