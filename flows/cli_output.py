"""What every command prints through: stdout and stderr consoles, a table, a refusal.

Its own module so the sub-apps (`cli_sources`) and the main CLI share it without importing
each other.
"""

from __future__ import annotations

import sys

import typer
from rich.console import Console
from rich.table import Table

out = Console(soft_wrap=True, width=None if sys.stdout.isatty() else 240)
err = Console(stderr=True, soft_wrap=True)


def fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def cell(value: object, width: int | None) -> str:
    text = "NULL" if value is None else str(value)
    if width and len(text) > width:
        text = text[: width - 1].replace("\n", " ") + "…"
    return text


def table(columns: list[str], rows: list[tuple], limit: int | None = None, width: int | None = None) -> None:
    shown = Table(show_lines=False)
    for name in columns:
        shown.add_column(name, overflow="fold")
    for row in rows[:limit] if limit else rows:
        shown.add_row(*(cell(v, width) for v in row))
    out.print(shown)
