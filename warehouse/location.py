"""Where the archive file is, decided without loading DuckDB (commands that never open it
stay quick: `govarchive parse` starts in well under a second)."""

from __future__ import annotations

import os
from pathlib import Path

import settings

DEFAULT_DB = Path("data") / "archive.duckdb"


def db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The archive file: the argument, else $GOVARCHIVE_DB, else ./data/archive.duckdb."""
    if path is None:
        path = settings.current().db or DEFAULT_DB
    return Path(path)
