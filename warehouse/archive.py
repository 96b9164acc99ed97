"""The archive as the flows see it: a DuckDB file with its WARC folder beside it.

Flows call these methods and never write SQL; each method holds the database only
for the length of one batch so that readers (`govarchive query`) can get in between.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from parsers.document import Document
from warehouse import db as dbmod
from warehouse import load
from warehouse.records import FetchResult
from warehouse.warc import StoredResponse, WarcLocation, WarcStore, read_response


class Archive:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = dbmod.db_path(path)
        self.root = self.path.parent
        self.warc = WarcStore(self.root)
        dbmod.ensure_schema(self.path)

    def close(self) -> None:
        self.warc.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def store_fetches(
        self,
        results: Sequence[FetchResult],
        *,
        run_id: str | None = None,
        source: str | None = None,
        kind: str = "page",
    ) -> list[int]:
        """Write each response to WARC (fsynced), then record it; raw bytes are safe on return."""
        located: list[tuple[FetchResult, WarcLocation | None]] = []
        for res in results:
            loc = self.warc.write(res) if res.status is not None else None
            located.append((res, loc))
        with dbmod.writer(self.path, migrate_schema=False) as con:
            return load.insert_fetches(con, located, run_id=run_id, source=source, kind=kind)

    def load_documents(self, items: Sequence[tuple[Document, int | None]]) -> load.LoadStats:
        with dbmod.writer(self.path, migrate_schema=False) as con:
            stats = load.load_documents(con, items)
            load.resolve_parse_errors(con, [fid for _, fid in items if fid is not None])
            return stats

    def record_parse_error(
        self, *, fetch_id: int, url: str, kind: str, message: str, parser_version: str
    ) -> None:
        with dbmod.writer(self.path, migrate_schema=False) as con:
            load.record_parse_error(
                con,
                fetch_id=fetch_id,
                url=url,
                kind=kind,
                message=message,
                parser_version=parser_version,
            )

    def read_raw(self, fetch_id: int) -> StoredResponse:
        """The archived response of a fetch, for reparsing."""
        with dbmod.reader(self.path) as con:
            row = con.execute(
                "SELECT warc_file, warc_offset FROM fetches WHERE fetch_id = ?", [fetch_id]
            ).fetchone()
        if row is None or row[0] is None:
            raise LookupError(f"fetch {fetch_id} has no archived response")
        return read_response(self.root, row[0], row[1])
