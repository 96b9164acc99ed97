"""Warehouse benchmark: load rate, search latency, archive size per 1,000 pages.

    .venv/bin/python bench/warehouse_bench.py [--docs 100000] [--queries 200] [--pages 1000]

Targets (issue 5): load >= 5,000 documents/s; search p95 < 200 ms on 100,000 documents;
size of raw WARC + database per 1,000 pages reported against the raw HTML size.
The synthetic corpus draws Chinese words from a fixed vocabulary with a Zipf-like law,
so bigram statistics resemble real text (a random-character corpus would not).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import Future
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from parsers.document import Attachment, Document  # noqa: E402
from warehouse import db as dbmod  # noqa: E402
from warehouse import search_index, tokens  # noqa: E402
from warehouse.archive import Archive  # noqa: E402
from warehouse.exchange import FetchResult  # noqa: E402
from warehouse.search import search  # noqa: E402

CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点"
    "从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原"
    "又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革"
    "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强"
    "放决西被干做必战先回则任取据处府研信宿州宁夏政协提案答复委员代表建议科技局数据中心城市赋能办理落实"
)
ISSUERS = ["宿州市科技局", "宿州市发展和改革委员会", "宁夏政协提案委员会", "宿州市教育局", "宿州市财政局"]
SOURCES = ["nxzx-tagz", "ahsz-zxta", "ahsz-rdjy", "ahsz-kjj"]


def vocabulary(rng: random.Random, n: int = 6000) -> list[str]:
    words = {"数据中心", "城市赋能", "科技创新", "乡村振兴", "营商环境", "提案办理"}
    while len(words) < n:
        words.add("".join(rng.choice(CHARS) for _ in range(rng.choice((2, 2, 2, 3, 4)))))
    return sorted(words)


class Corpus:
    def __init__(self, seed: int = 5) -> None:
        self.rng = random.Random(seed)
        self.vocab = vocabulary(self.rng)
        weights = [1 / (i + 10) for i in range(len(self.vocab))]
        self.cum = list(_accumulate(weights))

    def words(self, n: int) -> list[str]:
        return self.rng.choices(self.vocab, cum_weights=self.cum, k=n)

    def text(self, chars: int) -> str:
        out, size = [], 0
        while size < chars:
            sentence = "".join(self.words(self.rng.randint(4, 12))) + "。"
            out.append(sentence)
            size += len(sentence)
        return "".join(out)

    def document(self, i: int) -> Document:
        rng = self.rng
        reply = rng.random() < 0.5
        title = (
            f"关于宿州市政协六届二次会议第{i % 900:04d}号提案的答复"
            if reply
            else "".join(self.words(rng.randint(3, 7)))
        )
        body = "\n\n".join(self.text(rng.randint(150, 400)) for _ in range(rng.randint(2, 5)))
        return Document(
            url=f"https://www.ahsz.gov.cn/public/2655573/{100000000 + i}.html",
            final_url=f"https://www.ahsz.gov.cn/public/2655573/{100000000 + i}.html",
            site="www.ahsz.gov.cn",
            source=SOURCES[i % len(SOURCES)],
            title=title,
            published_at=dt.datetime(2019, 1, 1) + dt.timedelta(hours=rng.randint(0, 60000)),
            body_text=body,
            body_html="".join(f"<p>{p}</p>" for p in body.split("\n\n")),
            fetched_at=dt.datetime(2026, 11, 1),
            parser_version="bench",
            metadata={"索引号": f"11341300MB{i:08d}", "发布机构": ISSUERS[i % len(ISSUERS)]},
            index_no=f"11341300MB{i:08d}",
            issuer=ISSUERS[i % len(ISSUERS)],
            proposal_no=f"{i % 900:04d}" if reply else None,
            session="六届二次会议" if reply else None,
            reply_class=rng.choice("ABC") if reply else None,
            attachments=[Attachment("附件1", f"https://www.ahsz.gov.cn/f/{i}.pdf")]
            if rng.random() < 0.2
            else [],
            doc_type="proposal_reply" if reply else "disclosure",
        )

    def html(self, doc: Document) -> bytes:
        chrome = "".join(f"<li><a href='/n/{k}.html'>{w}</a><span>24-12-23</span></li>"
                         for k, w in enumerate(self.words(60)))  # fmt: skip
        page = (
            f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{doc.title}</title>"
            f"<meta name='ArticleTitle' content='{doc.title}'></head><body>"
            f"<div class='nav'><ul>{chrome}</ul></div><h1 class='newstitle'>{doc.title}</h1>"
            f"<div class='j-fontContent'>{doc.body_html}</div>"
            f"<div class='footer'>{'版权所有 宿州市人民政府 ' * 20}</div></body></html>"
        )
        return page.encode("utf-8")


def _accumulate(values: list[float]):
    total = 0.0
    for v in values:
        total += v
        yield total


def bench_load(
    root: Path, corpus: Corpus, n: int, batch: int, *, name: str = "load.duckdb",
    index: bool = True, hold: bool = True,
) -> dict[str, float]:  # fmt: skip
    """Documents/s through `Archive.load_documents`, the final checkpoint included.

    hold=True is a bulk load (`Archive.load_batches`: the file held across batches);
    hold=False opens and closes it around each batch, as a crawl does so readers can get
    in (each close is a checkpoint). With index=False the search postings are skipped
    (bench only), to show their cost.
    """
    archive = Archive(root / name)
    docs = [corpus.document(i) for i in range(n)]
    for d in docs:  # the parser sets this; it is not the loader's work
        d.content_sha256 = d.content_hash()
    saved = search_index.tokenize_later, search_index.index_rows
    if not index:
        none = Future()
        none.set_result(tokens.batch_terms([], []))
        search_index.tokenize_later = lambda docs: none
        search_index.index_rows = lambda *args: 0
    start = time.perf_counter()
    try:
        batches = ([(d, None) for d in docs[i : i + batch]] for i in range(0, n, batch))
        if hold:
            archive.load_batches(batches)
        else:
            for items in batches:
                archive.load_documents(items)
    finally:
        search_index.tokenize_later, search_index.index_rows = saved
    elapsed = time.perf_counter() - start
    # idempotence: loading a batch again adds nothing
    again = archive.load_documents([(d, None) for d in docs[:batch]])
    archive.close()
    return {
        "search_index": index,
        "file": "held" if hold else "reopened per batch",
        "documents": n,
        "batch": batch,
        "seconds": round(elapsed, 2),
        "docs_per_s": round(n / elapsed),
        "reload_unchanged": len(again.unchanged),
    }


def bench_search(path: Path, corpus: Corpus, queries: int, compact: bool) -> dict[str, float]:
    if compact:
        start = time.perf_counter()
        with dbmod.writer(path) as con:
            from warehouse.search_index import compact as do_compact

            do_compact(con)
        compact_s = time.perf_counter() - start
    rng = random.Random(11)
    words = [rng.choice(corpus.vocab[:200]) for _ in range(queries // 2)]  # frequent
    words += [rng.choice(corpus.vocab) for _ in range(queries - len(words))]  # any
    times, found = [], 0
    with dbmod.reader(path) as con:
        search(con, "数据中心")  # warm-up
        for w in words:
            start = time.perf_counter()
            hits = search(con, w, limit=20)
            times.append((time.perf_counter() - start) * 1000)
            found += bool(hits)
    times.sort()
    out = {
        "queries": len(times),
        "with_hits": found,
        "p50_ms": round(statistics.median(times), 1),
        "p95_ms": round(times[int(len(times) * 0.95) - 1], 1),
        "max_ms": round(times[-1], 1),
    }
    if compact:
        out["compact_s"] = round(compact_s, 1)
    return out


def bench_size(root: Path, corpus: Corpus, pages: int) -> dict[str, float]:
    archive = Archive(root / "size" / "archive.duckdb")
    raw = 0
    docs = [corpus.document(1_000_000 + i) for i in range(pages)]
    html = {d.url: corpus.html(d) for d in docs}
    for i in range(0, pages, 100):
        results = []
        for d in docs[i : i + 100]:
            body = html[d.url]
            raw += len(body)
            results.append(
                FetchResult(
                    url=d.url, final_url=d.url, status=200, content=body,
                    headers=[("Content-Type", "text/html; charset=utf-8"),
                             ("Content-Length", str(len(body)))],
                    request_headers=[("User-Agent", "govarchive-bench")],
                )
            )  # fmt: skip
        ids = archive.store_fetches(results, source="ahsz-kjj")
        archive.load_documents(list(zip(docs[i : i + 100], ids, strict=True)))
    # a re-crawl of the same pages: identical payloads become revisit records
    warc_before = sum(f.stat().st_size for f in (root / "size" / "warc").glob("*.warc.gz"))
    again = [FetchResult(url=d.url, final_url=d.url, status=200, content=html[d.url]) for d in docs[:100]]
    archive.store_fetches(again, source="ahsz-kjj")
    archive.close()
    warc_after = sum(f.stat().st_size for f in (root / "size" / "warc").glob("*.warc.gz"))
    with dbmod.writer(root / "size" / "archive.duckdb") as con:
        con.execute("CHECKPOINT")
    db_bytes = (root / "size" / "archive.duckdb").stat().st_size
    per_k = 1000 / pages
    return {
        "pages": pages,
        "raw_html_mb_per_1000": round(raw * per_k / 1e6, 2),
        "warc_mb_per_1000": round(warc_before * per_k / 1e6, 2),
        "db_mb_per_1000": round(db_bytes * per_k / 1e6, 2),
        "total_vs_raw": round((warc_before + db_bytes) / raw, 2),
        "revisit_bytes_per_page": round((warc_after - warc_before) / len(again)),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--docs", type=int, default=100_000)
    ap.add_argument("--batch", type=int, default=1000)
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--pages", type=int, default=1000)
    ap.add_argument("--keep", type=Path, help="Work in this folder and keep it.")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = args.keep or Path(tmp)
        root.mkdir(parents=True, exist_ok=True)
        corpus = Corpus()
        report = {"load": bench_load(root, corpus, args.docs, args.batch)}
        print(json.dumps(report["load"]), flush=True)
        report["search"] = bench_search(root / "load.duckdb", corpus, args.queries, compact=False)
        print(json.dumps(report["search"]), flush=True)
        report["search_compacted"] = bench_search(root / "load.duckdb", corpus, args.queries, True)
        print(json.dumps(report["search_compacted"]), flush=True)
        n = min(args.docs, 20_000)
        report["load_reopened"] = bench_load(root, Corpus(), n, args.batch, name="reopen.duckdb", hold=False)
        print(json.dumps(report["load_reopened"]), flush=True)
        report["load_without_index"] = bench_load(
            root, Corpus(), n, args.batch, name="noindex.duckdb", index=False
        )
        print(json.dumps(report["load_without_index"]), flush=True)
        report["size"] = bench_size(root, corpus, args.pages)
        print(json.dumps(report["size"]), flush=True)
        report["db_mb_load"] = round((root / "load.duckdb").stat().st_size / 1e6, 1)
        print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
