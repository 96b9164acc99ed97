"""Where linking's time goes per batch, at the start of the archive, at 10,000 and at the end.

    .venv/bin/python bench/links_steps.py [--docs 100000] [--db /tmp/steps.duckdb]

A bulk load of bench/links_bench.py's corpus (1,000-document batches) with every statement
`warehouse.paper_trail.update` sends to DuckDB timed, and its Python steps (the references,
the signatures in their thread, the band lookup, the scoring) beside them: medians of the
batches loaded up to 5,000 documents, from 8,000 to 13,000, and in the last 5,000. A step
whose time rises from the first column to the last is one that grows with the archive.
"""

from __future__ import annotations

import argparse
import collections
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.links_bench import documents  # noqa: E402
from warehouse import band_index, near_dupes, paper_trail  # noqa: E402
from warehouse.archive import Archive  # noqa: E402


class _Rows:
    def __init__(self, rows: list) -> None:
        self.rows = rows

    def fetchall(self) -> list:
        return self.rows

    def fetchone(self) -> object:
        return self.rows[0] if self.rows else None


class _Timed:
    """The connection, with each statement's time (results fetched inside the timing)."""

    def __init__(self, con, record: list) -> None:  # noqa: ANN001
        self._con, self._record = con, record

    def __getattr__(self, name: str) -> object:
        return getattr(self._con, name)

    def execute(self, sql: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN201
        t = time.perf_counter()
        result = self._con.execute(sql, *args, **kwargs)
        if sql.lstrip().upper().startswith("SELECT") and "FROM text_bands" not in sql:
            result = _Rows(result.fetchall())  # (the index's build reads bands as Arrow)
        self._record.append(("sql " + " ".join(sql.split())[:60], time.perf_counter() - t))
        return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--db", type=Path)
    args = ap.parse_args()
    n = args.docs
    record: list[tuple[str, float]] = []
    stats: dict[tuple[str, str], list[float]] = collections.defaultdict(list)
    loaded = [0]

    def timing(owner: object, name: str, label: str) -> None:
        real = getattr(owner, name)

        def timed(*a, **k):  # noqa: ANN002, ANN003, ANN202
            t = time.perf_counter()
            try:
                return real(*a, **k)
            finally:
                record.append((label, time.perf_counter() - t))

        setattr(owner, name, timed)

    timing(paper_trail, "refs_of", "py references (parsers.proposal_key.refs_of)")
    timing(paper_trail, "_score", "py scoring candidates")
    timing(paper_trail, "copy_rank", "py copy_rank")
    timing(near_dupes, "signatures", "py signatures (in their thread)")
    timing(band_index.BandIndex, "lookup", "py band lookup")
    timing(band_index.BandIndex, "add", "py band add")
    real_update = paper_trail.update

    def update(con, docs, **kw):  # noqa: ANN001, ANN003, ANN202
        record.clear()
        t = time.perf_counter()
        real_update(_Timed(con, record), docs, **kw)
        total = time.perf_counter() - t
        loaded[0] += len(docs)
        at = loaded[0]
        column = "start" if at <= 5000 else "10k" if 8000 < at <= 13000 else "end" if at > n - 5000 else None
        if column is None:
            return
        stats[(column, "TOTAL")].append(total)
        steps: dict[str, float] = collections.defaultdict(float)
        for label, dt in record:
            steps[label] += dt
        for label, dt in steps.items():
            stats[(column, label)].append(dt)

    paper_trail.update = update  # type: ignore[assignment]
    docs = documents(n)
    with tempfile.TemporaryDirectory() as tmp:
        path = args.db or Path(tmp) / "steps.duckdb"
        with Archive(path) as archive:
            archive.load_batches([(d, None) for d in docs[i : i + 1000]] for i in range(0, n, 1000))
    columns = ("start", "10k", "end")
    labels = sorted({label for _, label in stats}, key=lambda s: (s != "TOTAL", s))
    print(f"{'ms per 1,000-document batch (median)':64} " + " ".join(f"{c:>8}" for c in columns))
    for label in labels:
        cells = [statistics.median(stats[(c, label)]) * 1000 if stats[(c, label)] else float("nan") for c in columns]
        print(f"{label:64} " + " ".join(f"{v:8.1f}" for v in cells))


if __name__ == "__main__":
    main()
