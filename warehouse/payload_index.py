"""Which payloads an archive already holds, known in memory so a new page costs no scan.

Every batch asks which of its payload digests are archived already (a page unchanged
since the last crawl becomes a WARC revisit of its first copy: `fetch_rows.stored_payloads`).
DuckDB answers that with a scan of all of `fetches`, indexed or not: 23-39 ms a batch at
100,000 fetches (measured), growing with the archive, and on a first crawl, where nothing
is archived yet, every one of those scans finds nothing.

So each writing process keeps the first 8 bytes of every archived response's digest, in
sorted numpy runs (8 bytes a fetch: 8 MB for a million), and only digests whose prefix is
there are looked up in the archive, which stays the one that answers. The index catches
up with the archive at each question: rows past the highest `fetch_id` it has read (other
processes write the same file between this one's turns; ids only grow, and the rows past
one are read through the table's zone maps, not a scan). A prefix from a transaction that
rolled back only costs a lookup that finds nothing; an archive whose highest id went down
(a copy put back) or that is another archive at the same path (its id, warc_owner.py)
is read again from the start.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import duckdb
import numpy as np

MAX_RUNS = 8  # sorted runs kept before they are merged into one


class PayloadIndex:
    """The digest prefixes of one archive's full responses, up to fetch id `high`."""

    def __init__(self, archive_id: str | None = None) -> None:
        self.archive_id = archive_id
        self.runs: list[np.ndarray] = []
        self.high = -1

    def catch_up(self, con: duckdb.DuckDBPyConnection) -> None:
        """Add the responses archived since the last call (by any process)."""
        top = con.execute("SELECT max(fetch_id) FROM fetches").fetchone()
        newest = -1 if top is None or top[0] is None else int(top[0])
        if newest == self.high:
            return
        if newest < self.high:
            self.runs, self.high = [], -1
        digests = con.execute(
            "SELECT payload_sha256 FROM fetches WHERE fetch_id > ? AND fetch_id <= ?"
            " AND warc_type = 'response' AND warc_file IS NOT NULL AND payload_sha256 IS NOT NULL",
            [self.high, newest],
        ).fetchnumpy()["payload_sha256"]
        if len(digests):
            self._add(prefixes(digests.tolist()))
        self.high = newest  # every row up to it read, revisits and failures included

    def may_hold(self, digests: Sequence[str]) -> list[str]:
        """The digests whose prefix is archived: only these can be (no false misses)."""
        if not digests or not self.runs:
            return []
        keys = prefixes(digests)
        hit = np.zeros(len(keys), dtype=bool)
        for run in self.runs:
            at = np.searchsorted(run, keys).clip(max=len(run) - 1)
            hit |= run[at] == keys
        return [d for d, h in zip(digests, hit.tolist(), strict=True) if h]

    def _add(self, keys: np.ndarray) -> None:
        self.runs.append(np.sort(keys))
        if len(self.runs) > MAX_RUNS:
            self.runs = [np.sort(np.concatenate(self.runs))]


def prefixes(digests: Sequence[str]) -> np.ndarray:
    """The first 16 hex digits (8 bytes) of each sha256 hex digest, as uint64."""
    return np.array([int(d[:16], 16) for d in digests], dtype=np.uint64)


_indexes: dict[Path, PayloadIndex] = {}


def of(path: Path, archive_id: str | None) -> PayloadIndex:
    """This process's index of the archive at `path` (empty until its first catch_up)."""
    key = Path(path).resolve()
    index = _indexes.get(key)
    if index is None or index.archive_id != archive_id:
        index = _indexes[key] = PayloadIndex(archive_id)
    return index
