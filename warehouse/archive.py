"""The archive as the flows see it: a DuckDB file with its WARC folder beside it.

Flows call these methods and never write SQL; each method holds the database only
for the length of one batch so that readers (`govarchive query`) can get in between.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Sequence
from concurrent.futures import Future
from pathlib import Path

from parsers.document import Document
from warehouse import db as dbmod
from warehouse import (
    fetch_rows,
    load,
    migrate,
    orphans,
    parse_errors,
    payload_index,
    search_index,
    tokens,
    warc_owner,
)
from warehouse.exchange import FetchResult
from warehouse.warc import RevisitTarget, StoredResponse, WarcLocation, WarcStore, read_response

# Payloads smaller than this are stored in full even when seen before: a revisit record
# would not be smaller, and error pages/empty bodies are not worth deduplicating.
MIN_REVISIT_BYTES = 512


class Archive:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = dbmod.db_path(path)
        self.root = self.path.parent
        self.warc = WarcStore(self.root)
        migrate.ensure_schema(self.path)
        self._orphans_checked = False

    def close(self) -> None:
        self.warc.close()

    def holding(self, *, bulk: bool = False) -> contextlib.AbstractContextManager[object]:
        """Keep the file open across several writes (one crawl batch, or a bulk load
        with `bulk`); see `db.hold`."""
        return dbmod.hold(self.path, bulk=bulk)

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
        """Write each response to WARC (fsynced), then record it; raw bytes are safe on return.

        A 2xx payload whose sha256 is already archived (earlier, or earlier in this batch)
        becomes a WARC revisit record pointing at the first copy.
        """
        if not results:
            return []
        with dbmod.writer(self.path) as con:
            if self.warc.archive_id is None:  # its files carry the archive's id (warc_owner.py)
                self.warc.archive_id = warc_owner.archive_id(con)
            if not self._orphans_checked:  # once per writer: a killed one may have left some
                orphans.adopt(con, self.root)
                self._orphans_checked = True
            digests = [r.payload_sha256 for r in results if _dedupable(r)]
            index = payload_index.of(self.path, self.warc.archive_id)
            known = fetch_rows.stored_payloads(con, [d for d in digests if d], index)
            ids = fetch_rows.reserve_fetch_ids(con, len(results))
            located: list[tuple[FetchResult, WarcLocation | None]] = []
            revisit_of: dict[int, int] = {}
            for i, (res, fetch_id) in enumerate(zip(results, ids, strict=True)):
                if res.status is None:
                    located.append((res, None))
                    continue
                digest = res.payload_sha256 if _dedupable(res) else None
                earlier = known.get(digest) if digest else None
                if earlier is not None:
                    target = RevisitTarget(earlier.uri, earlier.fetched_at, earlier.record_id)
                    loc = self.warc.write(res, revisit=target, sync=False)
                    revisit_of[i] = earlier.fetch_id
                else:
                    loc = self.warc.write(res, sync=False)
                    if digest:
                        known[digest] = fetch_rows.StoredPayload(
                            fetch_id, res.final_url or res.url, res.fetched_at, loc.record_id
                        )
                located.append((res, loc))
            self.warc.sync()
            return fetch_rows.insert_fetches(
                con, located, run_id=run_id, source=source, kind=kind, ids=ids,
                revisit_of=revisit_of,
            )  # fmt: skip

    def load_documents(
        self,
        items: Sequence[tuple[Document, int | None]],
        *,
        ahead: Future[tokens.BatchTerms] | None = None,
    ) -> load.LoadStats:
        from warehouse import paper_trail  # here, not above: keeps the import lines as they were

        with dbmod.writer(self.path) as con:
            stats = load.load_documents(con, items, ahead=ahead)
            paper_trail.update(con, [d for d, _ in items], fresh=stats.new)  # proposals and copies, see 008
            parse_errors.resolve_parse_errors(con, [fid for _, fid in items if fid is not None])
            return stats

    def load_batches(
        self, batches: Iterable[Sequence[tuple[Document, int | None]]]
    ) -> list[load.LoadStats]:
        """A bulk load: the file held throughout (bulk memory cap), and each batch
        tokenized while DuckDB writes the one before it.

        Tokenizing ahead is a guess that the next batch is new content (true of an
        import, of a first reparse); after a batch that was not all new it stops guessing,
        since its work would be thrown away.
        """
        stats: list[load.LoadStats] = []
        queue = iter(batches)
        current = next(queue, None)
        guess = True
        ahead = search_index.tokenize_later([d for d, _ in current]) if current else None
        with self.holding(bulk=True):
            while current is not None:
                following = next(queue, None)
                after = (
                    search_index.tokenize_later([d for d, _ in following])
                    if following is not None and guess
                    else None
                )
                stats.append(self.load_documents(current, ahead=ahead))
                guess = len(stats[-1].unchanged) == 0
                current, ahead = following, after
        return stats

    def record_parse_error(
        self, *, fetch_id: int, url: str, kind: str, message: str, parser_version: str
    ) -> None:
        with dbmod.writer(self.path) as con:
            parse_errors.record_parse_error(
                con,
                fetch_id=fetch_id,
                url=url,
                kind=kind,
                message=message,
                parser_version=parser_version,
            )

    def upsert_source(
        self,
        name: str,
        *,
        title: str | None = None,
        base_url: str | None = None,
        schedule: str | None = None,
    ) -> None:
        """Describe a configured source in table `sources` (flows call this per crawl)."""
        with dbmod.writer(self.path) as con:
            con.execute(
                """
                INSERT INTO sources (name, title, base_url, schedule, first_seen, last_seen)
                VALUES (?, ?, ?, ?, now(), now())
                ON CONFLICT (name) DO UPDATE SET
                    title = coalesce(excluded.title, title),
                    base_url = coalesce(excluded.base_url, base_url),
                    schedule = coalesce(excluded.schedule, schedule),
                    last_seen = excluded.last_seen
                """,
                [name, title, base_url, schedule],
            )

    def compact_search_index(self) -> None:
        """Re-sort the search postings (optional; worth it after a large crawl)."""
        with dbmod.writer(self.path) as con:
            search_index.compact(con)

    def read_raw(self, fetch_id: int) -> StoredResponse:
        """The archived response of a fetch, for reparsing; a revisit is followed to its payload."""
        with dbmod.reader(self.path) as con:
            row = con.execute(
                """
                SELECT f.warc_file, f.warc_offset, o.warc_file, o.warc_offset
                FROM fetches f LEFT JOIN fetches o ON o.fetch_id = f.revisit_of
                WHERE f.fetch_id = ?
                """,
                [fetch_id],
            ).fetchone()
        if row is None or row[0] is None:
            raise LookupError(f"fetch {fetch_id} has no archived response")
        stored = read_response(self.root, row[0], row[1])
        if stored.record_type == "revisit":
            if row[2] is None:
                raise LookupError(f"fetch {fetch_id} is a revisit of a fetch with no payload")
            stored.content = read_response(self.root, row[2], row[3]).content
        return stored


def _dedupable(res: FetchResult) -> bool:
    return (
        res.success_status
        and not res.truncated
        and len(res.content) >= MIN_REVISIT_BYTES
    )
