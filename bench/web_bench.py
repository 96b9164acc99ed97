"""Web benchmark: how long `govarchive web` takes to answer its pages at 100,000 documents,
beside datasette (the peer a reader would pick instead) serving the same documents.

    .venv/bin/python bench/web_bench.py [--docs 100000] [--requests 200] [--db PATH] [--no-datasette]

Builds a synthetic archive with bench/warehouse_bench.py's corpus (Zipf-like Chinese
words; 1% of the documents get a second version), starts `govarchive web` on it in its
own process, and times whole HTTP requests from this one, one at a time, the way a
reader clicks: search (frequent and rare words), search narrowed by a facet, sorted by
date, page 3, the JSON API, and document pages.

The peer: the archive's `documents` exported to SQLite as a datasette user would publish
it (one table, an FTS5 index with the trigram tokenizer, what `sqlite-utils enable-fts
--tokenize trigram` builds: the unicode61 default cannot split Chinese into words), served
by `datasette -i` (immutable, read-only) in its own process. Its search page asks for the
same five facets and 20 rows; its row page is the document page's counterpart. Its time
limits are raised (sql_time_limit_ms, facet_time_limit_ms) so that it counts and facets
every match as govarchive does, instead of giving up. The two servers run side by side
and each word is asked of both in turn, so both see the same machine load.
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.warehouse_bench import ISSUERS, SOURCES, Corpus  # noqa: E402
from warehouse.archive import Archive  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
FACETS = ("source", "issuer", "year", "reply_class", "doc_type")
DATASETTE_SETTINGS = {"sql_time_limit_ms": "60000", "facet_time_limit_ms": "60000"}


def build(db: Path, n: int) -> list[str]:
    corpus = Corpus()
    archive = Archive(db)
    docs = [corpus.document(i) for i in range(n)]
    for d in docs:
        d.content_sha256 = d.content_hash()
    start = time.perf_counter()
    archive.load_batches([(d, None) for d in docs[i : i + 2000]] for i in range(0, n, 2000))
    changed = docs[:: 100]
    for d in changed:  # a second version: one paragraph rewritten
        d.body_text = d.body_text.replace("。", "，", 3) + "\n\n" + corpus.text(80)
        d.content_sha256 = d.content_hash()
    archive.load_batches([[(d, None) for d in changed]])  # (bulk cap: it retires postings)
    archive.close()
    print(f"built {n} documents in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return [d.url for d in docs]


def export_sqlite(db: Path, out: Path) -> float:
    """The current documents as one SQLite table with an FTS5 trigram index (rowid = version_id)."""
    import duckdb

    start = time.perf_counter()
    src = duckdb.connect(str(db), read_only=True)
    dst = sqlite3.connect(out)
    dst.execute(
        "CREATE TABLE documents (version_id INTEGER PRIMARY KEY, url TEXT, title TEXT,"
        " published_at TEXT, source TEXT, issuer TEXT, year TEXT, reply_class TEXT,"
        " doc_type TEXT, body_text TEXT)"
    )
    cur = src.execute(
        "SELECT version_id, url, title, strftime(published_at, '%Y-%m-%d %H:%M:%S'), source, issuer,"
        " CAST(year(published_at) AS VARCHAR), reply_class, doc_type, body_text"
        " FROM documents ORDER BY version_id"
    )
    while rows := cur.fetchmany(5000):
        dst.executemany("INSERT INTO documents VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    # as sqlite-utils writes it (datasette finds the index by its content=[table])
    dst.execute(
        "CREATE VIRTUAL TABLE [documents_fts] USING FTS5 ([title], [body_text],"
        " tokenize='trigram', content=[documents], content_rowid=[version_id])"
    )
    dst.execute(
        "INSERT INTO [documents_fts] (rowid, [title], [body_text])"
        " SELECT version_id, title, body_text FROM documents"
    )
    dst.commit()
    dst.close()
    src.close()
    return time.perf_counter() - start


def _percentiles(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    if not times:
        return {"requests": 0}
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(int(len(times) * 0.95) - 1, 0)], 1),
        "max_ms": round(times[-1], 1),
    }


def _get(client: httpx.Client, path: str) -> tuple[float, httpx.Response]:
    start = time.perf_counter()
    r = client.get(path)
    ms = (time.perf_counter() - start) * 1000
    if r.status_code != 200:
        raise RuntimeError(f"{path}: {r.status_code}")
    return ms, r


def timed(client: httpx.Client, paths: list[str]) -> list[float]:
    client.get(paths[0])  # warm-up
    return [_get(client, p)[0] for p in paths]


def side_by_side(
    ours: httpx.Client, ours_paths: list[str], peer: httpx.Client, peer_paths: list[str]
) -> tuple[list[float], list[float]]:
    """The same requests of both servers, alternating, so both see the same machine load."""
    ours.get(ours_paths[0])
    peer.get(peer_paths[0])
    a, b = [], []
    for p, q in zip(ours_paths, peer_paths, strict=True):
        a.append(_get(ours, p)[0])
        b.append(_get(peer, q)[0])
    return a, b


def _wait(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"{url}: the server exited with {proc.returncode}")
        try:
            httpx.get(url, timeout=2)
            return
        except httpx.HTTPError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def _datasette_version() -> str:
    out = subprocess.run([str(ROOT / ".venv" / "bin" / "datasette"), "--version"], capture_output=True, text=True)
    return out.stdout.strip()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", type=Path, help="reuse (or create) this archive")
    ap.add_argument("--no-datasette", action="store_true")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="govarchive-webbench-"))
    db = args.db or tmp / "data" / "archive.duckdb"
    n = args.docs
    urls = build(db, n) if not db.exists() else [
        f"https://www.ahsz.gov.cn/public/2655573/{100000000 + i}.html" for i in range(n)
    ]
    report: dict[str, object] = {"documents": n}
    peer_db = db.with_name("govarchive.db")  # datasette names the database after the file
    if not args.no_datasette and not peer_db.exists():
        report["sqlite_export_s"] = round(export_sqlite(db, peer_db), 1)
    corpus = Corpus()
    rng = random.Random(7)
    frequent = [rng.choice(corpus.vocab[:200]) for _ in range(args.requests // 2)]
    rare = [rng.choice(corpus.vocab) for _ in range(args.requests - len(frequent))]
    words = frequent + rare
    rng.shuffle(words)
    long_words = [i for i, w in enumerate(words) if len(w) >= 3]  # what trigram FTS5 can find
    port = 8300 + random.Random().randint(0, 400)
    procs = [
        subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "govarchive"), "--db", str(db), "web", "--port", str(port)],
            stderr=subprocess.DEVNULL,
        )
    ]
    peer_port = port + 1
    if not args.no_datasette:
        settings = [x for k, v in DATASETTE_SETTINGS.items() for x in ("--setting", k, v)]
        procs.append(
            subprocess.Popen(
                [str(ROOT / ".venv" / "bin" / "datasette"), "serve", "-i", str(peer_db),
                 "--port", str(peer_port), *settings],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
        )  # fmt: skip
    ours_t: dict[str, list[float]] = {}
    peer_t: dict[str, list[float]] = {}
    peer_counts: list[int | None] = []
    try:
        base, peer_base = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{peer_port}"
        _wait(base + "/static/style.css", procs[0])
        if not args.no_datasette:
            _wait(peer_base + "/-/versions.json", procs[1])
            report["datasette"] = _datasette_version()
        with httpx.Client(base_url=base, timeout=120) as client, httpx.Client(base_url=peer_base, timeout=120) as peer:
            q = lambda **kw: "/search?" + urlencode(kw)  # noqa: E731
            facets = [("_facet", f) for f in FACETS]
            dq = lambda w: "/govarchive/documents?" + urlencode([("_search", w), *facets, ("_size", "20")])  # noqa: E731
            if args.no_datasette:
                ours_t["search"] = timed(client, [q(q=w) for w in words])
            else:
                ours_t["search"], peer_t["search"] = side_by_side(
                    client, [q(q=w) for w in words], peer, [dq(w) for w in words]
                )
            ours_t["search + facet"] = timed(
                client, [q(q=w, source=rng.choice(SOURCES)) for w in words[: args.requests // 2]]
                + [q(q=w, issuer=rng.choice(ISSUERS)) for w in words[args.requests // 2 :]]
            )
            ours_t["search by date"] = timed(client, [q(q=w, sort="date") for w in words])
            ours_t["search page 3"] = timed(client, [q(q=w, page=3) for w in words])
            ours_t["browse all (no words)"] = timed(client, [q(reply_class=c) for c in "ABC" * 20])
            ours_t["api/search"] = timed(client, ["/api/search?" + urlencode({"q": w}) for w in words])
            picks = [rng.randrange(n) for _ in range(args.requests)]
            if args.no_datasette:
                ours_t["document"] = timed(client, ["/doc?" + urlencode({"url": urls[i]}) for i in picks])
            else:
                ids = dict(
                    sqlite3.connect(f"file:{peer_db}?immutable=1", uri=True).execute(
                        "SELECT url, version_id FROM documents"
                    ).fetchall()
                )
                ours_t["document"], peer_t["document"] = side_by_side(
                    client, ["/doc?" + urlencode({"url": urls[i]}) for i in picks],
                    peer, [f"/govarchive/documents/{ids[urls[i]]}" for i in picks],
                )  # fmt: skip
                for w in words:  # how many rows its search finds (after the timing)
                    data = peer.get("/govarchive/documents.json?" + urlencode({"_search": w, "_size": 1})).json()
                    peer_counts.append(data.get("filtered_table_rows_count"))
            ours_t["document, 2 versions"] = timed(
                client, ["/doc?" + urlencode({"url": urls[i]}) for i in range(0, n, 100)][: args.requests]
            )
            ours_t["front page (charts)"] = timed(client, ["/"] * 20)
    finally:
        for p in procs:
            p.terminate()
            p.wait(10)
    subset = lambda ts: [ts[i] for i in long_words]  # noqa: E731
    rows = {f"govarchive {k}": _percentiles(v) for k, v in ours_t.items()}
    rows["govarchive search, words of 3+ characters"] = _percentiles(subset(ours_t["search"]))
    if peer_t:
        rows["datasette search (all words)"] = _percentiles(peer_t["search"])
        rows["datasette search, words of 3+ characters"] = _percentiles(subset(peer_t["search"]))
        rows["datasette row page"] = _percentiles(peer_t["document"])
        short = [c for i, c in enumerate(peer_counts) if i not in set(long_words)]
        report["datasette_2char_words_with_no_hits"] = f"{sum(1 for c in short if not c)} of {len(short)}"
        report["datasette_hits_3plus_median"] = statistics.median(
            [c or 0 for i, c in enumerate(peer_counts) if i in set(long_words)] or [0]
        )
    report["pages"] = rows
    print(json.dumps(report, ensure_ascii=False, indent=1))
    print("\n| page | p50 ms | p95 ms | max ms | requests |\n|---|---|---|---|---|")
    for name, r in rows.items():
        print(f"| {name} | {r.get('p50_ms')} | {r.get('p95_ms')} | {r.get('max_ms')} | {r['requests']} |")


if __name__ == "__main__":
    main()
