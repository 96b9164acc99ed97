"""Web benchmark: how long `govarchive web` takes to answer its pages at 100,000 documents.

    .venv/bin/python bench/web_bench.py [--docs 100000] [--requests 200] [--db PATH]

Builds a synthetic archive with bench/warehouse_bench.py's corpus (Zipf-like Chinese
words; 1% of the documents get a second version), starts `govarchive web` on it in its
own process, and times whole HTTP requests from this one, one at a time, the way a
reader clicks: search (frequent and rare words), search narrowed by a facet, sorted by
date, page 3, the JSON API, and document pages. Each request opens the archive
read-only and lets it go (the app keeps no connection open, so a crawl can write
between requests), so that cost is in every figure.
"""

from __future__ import annotations

import argparse
import json
import random
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
    # (no compact_search_index: it needs ~2 GB, more than a shared machine had)
    archive.close()
    print(f"built {n} documents in {time.perf_counter() - start:.1f} s", file=sys.stderr)
    return [d.url for d in docs]


def _percentiles(times: list[float]) -> dict[str, float]:
    times = sorted(times)
    return {
        "requests": len(times),
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[max(int(len(times) * 0.95) - 1, 0)], 1),
        "max_ms": round(times[-1], 1),
    }


def timed(client: httpx.Client, paths: list[str]) -> dict[str, float]:
    client.get(paths[0])  # warm-up
    times = []
    for path in paths:
        start = time.perf_counter()
        r = client.get(path)
        times.append((time.perf_counter() - start) * 1000)
        if r.status_code != 200:
            raise RuntimeError(f"{path}: {r.status_code}")
    return _percentiles(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--db", type=Path, help="reuse (or create) this archive")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="govarchive-webbench-"))
    db = args.db or tmp / "data" / "archive.duckdb"
    n = args.docs
    urls = build(db, n) if not db.exists() else [
        f"https://www.ahsz.gov.cn/public/2655573/{100000000 + i}.html" for i in range(n)
    ]
    corpus = Corpus()
    rng = random.Random(7)
    frequent = [rng.choice(corpus.vocab[:200]) for _ in range(args.requests // 2)]
    rare = [rng.choice(corpus.vocab) for _ in range(args.requests - len(frequent))]
    words = frequent + rare
    rng.shuffle(words)
    port = 8300 + random.Random().randint(0, 500)
    server = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "govarchive"), "--db", str(db), "web", "--port", str(port)],
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/static/style.css", timeout=2)
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        results = {}
        with httpx.Client(base_url=base, timeout=60) as client:
            q = lambda **kw: "/search?" + urlencode(kw)  # noqa: E731
            results["search"] = timed(client, [q(q=w) for w in words])
            results["search + facet"] = timed(
                client, [q(q=w, source=rng.choice(SOURCES)) for w in words[: args.requests // 2]]
                + [q(q=w, issuer=rng.choice(ISSUERS)) for w in words[args.requests // 2 :]]
            )
            results["search by date"] = timed(client, [q(q=w, sort="date") for w in words])
            results["search page 3"] = timed(client, [q(q=w, page=3) for w in words])
            results["browse all (no words)"] = timed(client, [q(reply_class=c) for c in "ABC" * 20])
            results["api/search"] = timed(client, ["/api/search?" + urlencode({"q": w}) for w in words])
            picks = [urls[rng.randrange(n)] for _ in range(args.requests)]
            results["document"] = timed(client, ["/doc?" + urlencode({"url": u}) for u in picks])
            results["document, 2 versions"] = timed(
                client, ["/doc?" + urlencode({"url": urls[i]}) for i in range(0, n, 100)][: args.requests]
            )
            results["front page (charts)"] = timed(client, ["/"] * 20)
    finally:
        server.terminate()
        server.wait(10)
    print(json.dumps({"documents": n, "pages": results}, ensure_ascii=False, indent=1))
    print("\n| page | p50 ms | p95 ms | max ms | requests |\n|---|---|---|---|---|")
    for name, r in results.items():
        print(f"| {name} | {r['p50_ms']} | {r['p95_ms']} | {r['max_ms']} | {r['requests']} |")


if __name__ == "__main__":
    main()
