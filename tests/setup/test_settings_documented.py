"""Issue 19: every setting is one field of `settings.Settings`, read nowhere else, and in the
README's table (as datasette's test that fails on an undocumented setting)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import settings

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("flows", "parsers", "warehouse", "web")


def _readme_table() -> set[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Settings", 1)[1].split("\n#", 1)[0]
    return set(re.findall(r"^\| `(GOVARCHIVE_[A-Z_]+)` \|", section, re.M))


def test_the_readme_table_lists_exactly_the_settings() -> None:
    declared = set(settings.documented())
    table = _readme_table()
    assert not declared - table, f"settings missing from README's table: {sorted(declared - table)}"
    assert not table - declared, f"README lists variables no setting reads: {sorted(table - declared)}"


def test_no_module_reads_a_govarchive_variable_itself() -> None:
    read = re.compile(r"""(environ\.get|getenv)\(\s*["']GOVARCHIVE_|environ\[["']GOVARCHIVE_[A-Z_]+["']\](?!\s*=)""")
    offenders = [
        f"{path.relative_to(ROOT)}:{n}"
        for package in PACKAGES
        for path in (ROOT / package).rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if read.search(line)
    ]
    assert not offenders, f"read the variable through settings.current() instead: {offenders}"


def test_a_bad_value_names_its_variable() -> None:
    with pytest.raises(settings.SettingError, match=r"GOVARCHIVE_HOLD_SECONDS='soon': not a float"):
        settings.Settings.from_env({"GOVARCHIVE_HOLD_SECONDS": "soon"})
    own = settings.Settings.from_env({"GOVARCHIVE_DOC_CONVERTERS": "antiword", "GOVARCHIVE_DEBUG": "0"})
    assert own.doc_converters == ("antiword",) and own.debug is False
    assert settings.Settings.from_env(own.environment()) == own  # what a child process reads back
