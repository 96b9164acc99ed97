"""The README's commands table and the CLI's own help describe the same commands and options."""

from __future__ import annotations

import re
from pathlib import Path

import typer.main

from flows.cli import app

README = Path(__file__).parents[2] / "README.md"
GLOBAL = {"--db", "--help", "-h", "--version"}


def _cli() -> dict[str, set[str]]:
    """'command' (or 'group command') -> its options, as the CLI's help shows them."""
    found: dict[str, set[str]] = {}

    def walk(group, prefix: str) -> None:  # noqa: ANN001
        for name, command in group.commands.items():
            path = f"{prefix}{name}"
            if hasattr(command, "commands"):
                walk(command, path + " ")
                if getattr(command, "invoke_without_command", False):
                    found[path] = set()
                continue
            options: set[str] = set()
            for param in command.params:
                if param.param_type_name == "option":
                    options.update(param.opts)
                    options.update(param.secondary_opts)
            found[path] = options - GLOBAL
    walk(typer.main.get_command(app), "")
    return found


def _readme() -> dict[str, set[str]]:
    """The same, from the rows of the README's table that start with `govarchive ...`."""
    cli = _cli()
    rows: dict[str, set[str]] = {}
    for line in README.read_text(encoding="utf-8").splitlines():
        m = re.match(r"\|\s*`govarchive ([^`]*)`\s*\|(.*)\|\s*$", line)
        if not m:
            continue
        words = m.group(1).split()
        name = next((" ".join(words[:n]) for n in (2, 1) if " ".join(words[:n]) in cli), words[0])
        options = set(re.findall(r"(?<![\w-])(--[a-z][a-z-]*(?:/--[a-z-]+)?|-h)\b", line))
        flat = {part for o in options for part in o.split("/")}
        rows.setdefault(name, set()).update(flat - GLOBAL)
    return rows


def test_every_command_is_in_the_readme_and_every_readme_command_exists() -> None:
    cli, readme = _cli(), _readme()
    assert sorted(set(cli) - set(readme)) == [], "commands missing from the README's table"
    assert sorted(set(readme) - set(cli)) == [], "README rows for commands the CLI does not have"


def test_the_readme_names_each_commands_options_and_only_those() -> None:
    cli, readme = _cli(), _readme()
    for name in sorted(set(cli) & set(readme)):
        assert sorted(cli[name] - readme[name]) == [], f"{name}: options missing from the README"
        assert sorted(readme[name] - cli[name]) == [], f"{name}: the README names options the CLI lacks"
