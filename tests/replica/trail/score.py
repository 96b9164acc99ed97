"""Loading the paper-trail pages into an archive, and scoring its links against labels.json.

Shared by the tests (`tests/warehouse/test_paper_trail.py`) and the benchmark
(`bench/links_bench.py`), so both judge the same pages by the same hand-written labels.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import duckdb

from tests.replica.trail.pages import PAGES, TrailPage
from warehouse.exchange import FetchResult

LABELS = json.loads((Path(__file__).with_name("labels.json")).read_text(encoding="utf-8"))
URL = {p.name: p.url for p in PAGES}


def fetch_result(page: TrailPage) -> FetchResult:
    return FetchResult(
        url=page.url,
        final_url=page.url,
        status=200,
        reason="OK",
        headers=[("Content-Type", page.content_type)],
        content=page.body,
    )


def load(archive: object, pages: Sequence[TrailPage] = PAGES) -> None:
    """Archive raw, parse and load the pages: the path every crawl takes."""
    from flows.store.batch import archive_parse_load

    archive_parse_load(archive, [fetch_result(p) for p in pages])  # type: ignore[arg-type]


def expected_links() -> set[tuple[str, str, str]]:
    return {(link["proposal"], URL[link["page"]], link["role"]) for link in LABELS["links"]}


def expected_copies() -> set[frozenset[str]]:
    return {frozenset((URL[c["page"]], URL[c["other"]])) for c in LABELS["copies"]}


@dataclass(slots=True)
class Score:
    name: str
    true_positive: int
    predicted: int
    expected: int

    @property
    def precision(self) -> float:
        return self.true_positive / self.predicted if self.predicted else 1.0

    @property
    def recall(self) -> float:
        return self.true_positive / self.expected if self.expected else 1.0


def _score(name: str, got: set, want: set) -> Score:
    return Score(name, len(got & want), len(got), len(want))


def score(con: duckdb.DuckDBPyConnection) -> list[Score]:
    """Precision and recall of proposal_links (key, url, role), of the lead/co roles of
    replies, and of document_links (pairs of pages, either direction, any kind)."""
    ours = set(URL.values())
    links = {
        (k, u, r)
        for k, u, r in con.execute("SELECT proposal_key, url, role FROM proposal_links").fetchall()
        if u in ours
    }
    handling = {
        (k, u, h)
        for k, u, h in con.execute(
            "SELECT proposal_key, url, handling FROM proposal_links WHERE role = 'reply' AND handling IS NOT NULL"
        ).fetchall()
        if u in ours
    }
    want_handling = {
        (link["proposal"], URL[link["page"]], link["handling"])
        for link in LABELS["links"]
        if link.get("handling")
    }
    pairs = {
        frozenset((a, b))
        for a, b in con.execute("SELECT url, other_url FROM document_links").fetchall()
        if a in ours and b in ours
    }
    return [
        _score("proposal_links", links, expected_links()),
        _score("reply handling (lead/co)", handling, want_handling),
        _score("document_links", pairs, expected_copies()),
    ]
