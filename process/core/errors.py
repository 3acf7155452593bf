"""The errors a user can meet: each one carries a message that says what is wrong."""

from __future__ import annotations


class RspError(Exception):
    """Base of every user-facing error; the CLI prints the message and exits 1."""

    exit_code = 1


class DefinitionError(RspError):
    """A definition, plan or configuration file is invalid (file, line, problem)."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join(problems))


class NotFound(RspError):
    """A programme, person, trigger or record that was asked for does not exist."""


class PermissionDenied(RspError):
    """The actor is unknown or lacks a role the action needs."""


class InvalidTransition(RspError):
    """The trigger cannot be fired from the current state, or a guard refuses it."""


class ConflictError(RspError):
    """Someone else changed the same record first; nothing of this change was saved."""


class InvalidInput(RspError):
    """An argument (date, decision reference, e-mail, role …) is malformed."""


class SchemaError(RspError):
    """The database has no schema yet, or an older one."""
