"""The error of a template that cannot be loaded or rendered (its own module, so that
`templating` and `template_limits` both use it without importing each other)."""

from __future__ import annotations

from process.core.errors import RspError


class TemplateProblem(RspError):
    """A template cannot be loaded or rendered (file, line, what is wrong)."""
