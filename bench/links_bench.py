"""Linking benchmark: what proposals and near-duplicate links cost as pages load, and how right they are.

    .venv/bin/python bench/links_bench.py [--docs 100000] [--batch 1000]

Issue 17's questions, each answered in the same run:
- the linking cost per 1,000 loaded documents (`warehouse.paper_trail.update`, timed inside a
  bulk load), at the start of the archive and at 100,000 documents: it must not grow with
  the square of the archive; beside it the bulk load's rate with and without linking;
- the peer a user would reach for: datasketch (MinHash + MinHashLSH, in memory) for the
  signatures and the candidate search, and all-pairs comparison of signatures (what LSH
  avoids), extrapolated from its measured rate;
- precision and recall of the links on the hand-labelled replica pages (tests/replica/trail/).
The synthetic corpus is bench/warehouse_bench.py's (Zipf-like Chinese words, half replies),
with one document in 20 a near-copy (a few sentences changed) of an earlier one on another site.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import duckdb  # noqa: E402
import numpy as np  # noqa: E402

from bench.warehouse_bench import Corpus  # noqa: E402
from parsers.document import Document  # noqa: E402
from warehouse import near_dupes, paper_trail  # noqa: E402
from warehouse.archive import Archive  # noqa: E402

COPY_EVERY = 20


PLANTED: list[tuple[str, str]] = []  # (copy, original) pairs documents() made


def documents(n: int, seed: int = 5) -> list[Document]:
    corpus = Corpus(seed)
    rng = random.Random(seed + 1)
    docs: list[Document] = []
    PLANTED.clear()
    for i in range(n):
        if i % COPY_EVERY == COPY_EVERY - 1 and i > COPY_EVERY:
            original = docs[rng.randrange(i - COPY_EVERY)]
            sentences = (original.body_text or "").split("。")
            for _ in range(max(1, len(sentences) // 25)):
                sentences[rng.randrange(len(sentences))] = corpus.text(20)
            url = f"https://www.zwgk365.com/ahsz/{i}.html"
            docs.append(dataclasses.replace(original, url=url, final_url=url, site="www.zwgk365.com",
                                            body_text="。".join(sentences), content_sha256=None))
            PLANTED.append((url, original.url))
        else:
            docs.append(corpus.document(i))
    for d in docs:
        d.content_sha256 = d.content_hash()
    return docs


def bench_load(root: Path, docs: list[Document], batch: int, *, link: bool) -> dict[str, object]:
    """Bulk load (Archive.load_batches) with the paper-trail hook timed, or switched off."""
    real = paper_trail.update
    timings: list[float] = []

    def timed(con, batch_docs, **kw):  # noqa: ANN001, ANN202
        t = time.perf_counter()
        real(con, batch_docs, **kw)
        timings.append(time.perf_counter() - t)

    paper_trail.update = timed if link else (lambda con, batch_docs, **kw: None)  # type: ignore[assignment]
    path = root / ("linked.duckdb" if link else "plain.duckdb")
    try:
        with Archive(path) as archive:
            t0 = time.perf_counter()
            archive.load_batches([(d, None) for d in docs[i : i + batch]] for i in range(0, len(docs), batch))
            elapsed = time.perf_counter() - t0
    finally:
        paper_trail.update = real  # type: ignore[assignment]
    out: dict[str, object] = {"docs_per_s": len(docs) / elapsed, "seconds": elapsed, "path": path}
    if link:
        per_1000 = [t * 1000 / batch * 1000 for t in timings]  # ms per 1,000 documents
        out["first_ms"] = statistics.median(per_1000[:5])
        out["last_ms"] = statistics.median(per_1000[-5:])
        out["mean_ms"] = statistics.mean(per_1000)
        out["hook_s"] = sum(timings)
        out["batches"] = per_1000
    return out


def view_timings(path: Path) -> dict[str, float]:
    from warehouse.proposals import trail

    out = {}
    with duckdb.connect(str(path), read_only=True) as con:
        for name, sql in (
            ("links", "SELECT count(*) FROM document_links"),
            ("proposal_links", "SELECT count(*) FROM proposal_links"),
            ("proposals", "SELECT count(*) FROM proposals"),
        ):
            t = time.perf_counter()
            out[f"{name}_rows"] = con.execute(sql).fetchone()[0]
            out[f"{name}_ms"] = (time.perf_counter() - t) * 1000
        t = time.perf_counter()
        trail(con, "宿州市政协|六届二次会议|0321")
        out["one_trail_ms"] = (time.perf_counter() - t) * 1000
    return out


def found_copies(path: Path, docs: list[Document]) -> dict[str, float]:
    """Recall of the planted near-copies, precision against exact shingle Jaccard >= 0.8."""
    by_url = {d.url: d for d in docs}
    with duckdb.connect(str(path), read_only=True) as con:
        pairs = con.execute("SELECT url, other_url FROM text_links").fetchall()
    found = {frozenset(p) for p in pairs}
    planted = [frozenset(p) for p in PLANTED]
    exact = [near_dupes.jaccard(by_url[a].body_text, by_url[b].body_text) for a, b in PLANTED[:300]]
    sample = random.Random(9).sample(pairs, min(300, len(pairs)))
    true = sum(1 for a, b in sample if near_dupes.jaccard(by_url[a].body_text, by_url[b].body_text) >= 0.7)
    return {"pairs": len(pairs), "planted": len(planted), "planted_found": sum(p in found for p in planted),
            "planted_jaccard_median": statistics.median(exact) if exact else 0.0,
            "precision_sampled": true / max(1, len(sample))}


def bench_peers(docs: list[Document]) -> dict[str, float]:
    """datasketch on the same 1,000 bodies: signatures, and LSH insert + query."""
    from datasketch import MinHash, MinHashLSH

    sample = docs[:1000]
    texts = [near_dupes.normalise(d.body_text) for d in sample]
    t = time.perf_counter()
    ours, _ = near_dupes.signatures([d.body_text for d in sample])
    ours_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    theirs = []
    for text in texts:
        m = MinHash(num_perm=near_dupes.BINS)
        m.update_batch([text[i : i + near_dupes.SHINGLE].encode() for i in range(len(text) - near_dupes.SHINGLE + 1)])
        theirs.append(m)
    ds_ms = (time.perf_counter() - t) * 1000
    t = time.perf_counter()
    lsh = MinHashLSH(threshold=near_dupes.THRESHOLD, num_perm=near_dupes.BINS)
    for i, m in enumerate(theirs):
        lsh.query(m)
        lsh.insert(str(i), m)
    lsh_ms = (time.perf_counter() - t) * 1000
    # estimate quality on pairs (copies and their originals, plus random pairs)
    rng = random.Random(3)
    pairs = [(i, j) for i in range(len(sample)) for j in range(i) if sample[i].title == sample[j].title][:200]
    pairs += [(rng.randrange(1000), rng.randrange(1000)) for _ in range(200)]
    err_ours, err_ds = [], []
    estimates = near_dupes.similarities(ours, np.array([i for i, _ in pairs]), np.array([j for _, j in pairs]))
    for (i, j), estimate in zip(pairs, estimates.tolist(), strict=True):
        exact = near_dupes.jaccard(sample[i].body_text, sample[j].body_text)
        err_ours.append(abs(estimate - exact))
        err_ds.append(abs(theirs[i].jaccard(theirs[j]) - exact))
    # all pairs: the comparison rate of signatures, extrapolated to the whole archive
    block = np.repeat(ours[:1], 1000, axis=0)
    t = time.perf_counter()
    for _ in range(20):
        (block == ours).sum(axis=1)
    per_pair = (time.perf_counter() - t) / 20000
    return {"ours_sig_ms": ours_ms, "datasketch_sig_ms": ds_ms, "datasketch_lsh_ms": lsh_ms,
            "ours_err": statistics.mean(err_ours), "datasketch_err": statistics.mean(err_ds),
            "pair_us": per_pair * 1e6}


def bench_labels() -> list[tuple[str, float, float, int]]:
    from tests.replica.trail import score as sc

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "trail.duckdb"
        with Archive(path) as archive:
            sc.load(archive)
        with duckdb.connect(str(path), read_only=True) as con:
            return [(s.name, s.precision, s.recall, s.expected) for s in sc.score(con)]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    docs = documents(args.docs)
    labels = bench_labels()
    peers = bench_peers(docs)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        linked = bench_load(root, docs, args.batch, link=True)
        plain = bench_load(root, docs, args.batch, link=False)
        views = view_timings(linked["path"])  # type: ignore[arg-type]
        copies = found_copies(linked["path"], docs)  # type: ignore[arg-type]
    n = args.docs
    all_pairs_s = peers["pair_us"] * n * (n - 1) / 2 / 1e6
    result = {"docs": n, "linked": {k: v for k, v in linked.items() if k not in ("path", "batches")},
              "plain": {k: v for k, v in plain.items() if k != "path"}, "views": views, "copies": copies,
              "peers": peers, "all_pairs_s": all_pairs_s, "labels": labels}
    if args.json:
        print(json.dumps(result, ensure_ascii=False, indent=1, default=str))
        return
    print(f"linking cost per 1,000 documents: {linked['first_ms']:.0f} ms at the start, "
          f"{linked['last_ms']:.0f} ms at {n:,} documents (median of 5 batches each)")
    print(f"  mean over all batches {linked['mean_ms']:.0f} ms; {linked['hook_s']:.1f} s of the linked load's "
          f"{linked['seconds']:.1f} s")
    print(f"bulk load of {n:,} documents: {linked['docs_per_s']:,.0f} docs/s with linking "
          f"({linked['seconds']:.1f} s), {plain['docs_per_s']:,.0f} without ({plain['seconds']:.1f} s)")
    print(f"same_text pairs: {copies['pairs']:,}; planted near-copies found {copies['planted_found']:,} of "
          f"{copies['planted']:,} (their exact Jaccard: median {copies['planted_jaccard_median']:.2f}); "
          f"sampled precision (exact Jaccard >= 0.7) {copies['precision_sampled']:.3f}")
    print(f"views at {n:,}: " + ", ".join(f"{k} {v:.0f}" for k, v in views.items()))
    print(f"signatures of 1,000 bodies: ours {peers['ours_sig_ms']:.0f} ms, datasketch MinHash "
          f"{peers['datasketch_sig_ms']:.0f} ms (+ MinHashLSH query+insert {peers['datasketch_lsh_ms']:.0f} ms, in memory)")
    print(f"estimate error vs exact Jaccard (mean abs): ours {peers['ours_err']:.3f}, datasketch {peers['datasketch_err']:.3f}")
    print(f"all pairs at {n:,}: {peers['pair_us']:.2f} us a pair -> {all_pairs_s:,.0f} s")
    for name, p, r, e in labels:
        print(f"labelled set, {name}: precision {p:.3f}, recall {r:.3f} ({e} labelled)")


if __name__ == "__main__":
    main()
