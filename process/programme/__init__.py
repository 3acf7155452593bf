"""Programmes: creating one (`rsp init`) with its process, example programmes, and
registering people with their roles."""
