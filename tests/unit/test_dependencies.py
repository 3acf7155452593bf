"""Dependencies rsp must not be installed without: Jinja2 from 3.1.6 on (the releases
before have sandbox escapes, and rsp renders a region's own templates in the sandbox)."""

from __future__ import annotations

import tomllib
from importlib.metadata import version

from packaging.requirements import Requirement
from packaging.version import Version

from tests.support import ROOT


def requirement(name: str) -> Requirement:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    found = [Requirement(r) for r in project["dependencies"] if Requirement(r).name == name]
    assert len(found) == 1, project["dependencies"]
    return found[0]


def test_jinja2_without_sandbox_advisories():
    allowed = requirement("jinja2").specifier
    assert Version("3.1.5") not in allowed and Version("3.1.4") not in allowed
    assert Version("3.1.6") in allowed
    assert Version(version("jinja2")) in allowed  # what this environment runs
