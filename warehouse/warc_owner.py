"""Which WARC files in `warc/` are this archive's own: archives in one folder share it.

`make crawl` (`data/archive.duckdb`) and `make demo` (`data/demo.duckdb`) write to the same
`data/warc/`, and orphan adoption must never take in another archive's records. Each
archive has an id (table `archive_identity`, migration 006); every WARC file it writes
carries it in its name, `govarchive-<id>-<UTC stamp>-<pid>-<seq>.warc.gz`, and in its
`warcinfo` record (`isPartOf: govarchive-<id>`). The id is there from the file's first
byte, so a writer killed before its first commit still leaves a file known to be its own.
Files are not moved: `fetches` keeps pointing where they are.

Files written before ids (`govarchive-<stamp>-<pid>-<seq>.warc.gz`) are this archive's when
migration 006 found rows of its own writers referring to them (`warc_legacy_files`). Any
other file not named with another archive's id cannot be attributed: it is left alone,
noted once in `warc_unattributed`, and reported in one warning line.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from warcio.archiveiterator import ArchiveIterator

log = logging.getLogger("govarchive.warehouse")

_NAMED = re.compile(r"-([0-9a-f]{16})-\d{14}-\d+-\d+\.warc\.gz$")


def archive_id(con: duckdb.DuckDBPyConnection) -> str:
    """This archive's id (made by migration 006)."""
    row = con.execute("SELECT archive_id FROM archive_identity ORDER BY created_at LIMIT 1").fetchone()
    if row is None:
        raise LookupError("the archive has no id (schema older than migration 006?)")
    return str(row[0])


def named_id(name: str) -> str | None:
    """The archive id in a WARC file's name; None for a name from before ids."""
    m = _NAMED.search(name)
    return m.group(1) if m else None


def warcinfo_id(path: Path) -> str | None:
    """The archive id a file's opening `warcinfo` record names (`isPartOf: govarchive-<id>`)."""
    try:
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type != "warcinfo":
                    return None
                for line in record.content_stream().read().decode("utf-8", "replace").splitlines():
                    key, _, value = line.partition(":")
                    if key.strip() == "isPartOf" and value.strip().startswith("govarchive-"):
                        return value.strip().removeprefix("govarchive-")
                return None
    except Exception:  # noqa: BLE001 - a file cut inside its first record names no one
        return None
    return None


@dataclass(slots=True)
class Folder:
    """The WARC files of a folder as one archive sees them (paths relative to the archive root)."""

    own: list[str] = field(default_factory=list)
    others: list[str] = field(default_factory=list)  # named with another archive's id
    unattributed: list[str] = field(default_factory=list)


def survey(con: duckdb.DuckDBPyConnection, root: Path) -> Folder:
    """Sort `root/warc/*.warc.gz` into this archive's files, others' and unattributable ones."""
    out = Folder()
    folder = root / "warc"
    if not folder.is_dir():
        return out
    me = archive_id(con)
    legacy = {f for (f,) in con.execute("SELECT warc_file FROM warc_legacy_files").fetchall()}
    for path in sorted(folder.glob("*.warc.gz")):
        file = f"warc/{path.name}"
        owner = named_id(path.name)
        if owner == me or (owner is None and file in legacy):
            out.own.append(file)
        elif owner is not None:
            out.others.append(file)
        else:
            out.unattributed.append(file)
    return out


def note_unattributed(con: duckdb.DuckDBPyConnection, root: Path, files: dict[str, str]) -> int:
    """Record files (file -> reason) left alone; one warning line for those not noted before."""
    if not files:
        return 0
    known = {f for (f,) in con.execute("SELECT warc_file FROM warc_unattributed").fetchall()}
    new = {f: why for f, why in files.items() if f not in known}
    if not new:
        return 0
    refs = dict(
        con.execute(
            "SELECT warc_file, count(*) FROM fetches WHERE warc_file IS NOT NULL GROUP BY 1"
        ).fetchall()
    )
    con.executemany(
        "INSERT INTO warc_unattributed (warc_file, bytes, referenced, reason) VALUES (?, ?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        [[f, _size(root / f), int(refs.get(f, 0)), why] for f, why in sorted(new.items())],
    )
    referenced = sum(int(refs.get(f, 0)) for f in new)
    log.warning(
        "%d WARC file(s) in %s are not this archive's to adopt from (%s%s): left alone;"
        " listed in table warc_unattributed%s",
        len(new), root / "warc", ", ".join(sorted(Path(f).name for f in new)[:3]),
        ", ..." if len(new) > 3 else "",
        f" ({referenced} fetches rows adopted from them before migration 006 are kept)"
        if referenced else "",
    )  # fmt: skip
    return len(new)


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None
