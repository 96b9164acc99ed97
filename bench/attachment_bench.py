"""Attachment text benchmark: extraction throughput per format (MB/s, files/s) and peak
memory, beside the library a user would pick instead, and a crawl with attachments on.

    .venv/bin/python -m bench.attachment_bench            # formats, then the crawl
    .venv/bin/python -m bench.attachment_bench --no-crawl

Files are generated (tests/attachments/make.py) at realistic sizes: replies of 1, 10
and 50 pages of Chinese text (~900 characters a page, a CJK font embedded), a DOCX of
~10 pages with a table, a workbook of 3 sheets x 400 rows, an OFD of 10 pages, a DOC
(LibreOffice, where installed). Each contender runs in its own process, so its peak
RSS (VmHWM; +MB: over the baseline after the reader's imports) is its own.
The crawl part crawls the replica's ahsz-kjj column (every 5th article has an
attachment) without Prefect, attachment text on and off (GOVARCHIVE_ATTACHMENT_TEXT).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "关于市政协六届二次会议第0158号提案的答复。", "尊敬的张三委员：您提出的关于加快算力枢纽节点建设的提案收悉。",
    "一、推进数据中心集约化、绿色化布局，统筹电力、网络和土地资源。", "二、完善绿色电力保障机制，提高可再生能源使用比例。",
    "三、加大财政资金支持力度，市级财政安排专项资金三千万元。", "感谢您对我市经济社会发展工作的关心和支持。",
]  # fmt: skip


def _page_lines(n_chars: int = 900, width: int = 38) -> list[str]:
    text = "".join(SENTENCES)
    text = (text * (n_chars // len(text) + 1))[:n_chars]
    return [text[i : i + width] for i in range(0, len(text), width)]


def make_files(tmp: Path) -> dict[str, Path]:
    from tests.attachments import make

    lines = _page_lines()
    files: dict[str, bytes] = {
        "pdf-1p": make.pdf([lines]),
        "pdf-10p": make.pdf([lines] * 10),
        "pdf-50p": make.pdf([lines] * 50),
        "docx-10p": make.docx(
            [line for _ in range(10) for line in lines[:8]],
            [["项目", "投资（万元）", "完成时间", "责任单位"]] + [[f"项目{i}", str(i * 10), "2024年12月", "市发改委"] for i in range(40)],
        ),
        "xlsx-3x400": make.xlsx({f"表{s}": [[f"项目{i}", i * 1.5, "市发改委", "2024-05-06", "已办结", "A", i, "备注说明文字"]
                                            for i in range(400)] for s in range(3)}),  # fmt: skip
        "ofd-10p": make.ofd([[(20, 30 + 6 * j, line) for j, line in enumerate(lines)] for _ in range(10)]),
    }
    if make.soffice():
        try:
            files["doc-10p"] = make.doc_from_docx(files["docx-10p"])
        except Exception as exc:  # noqa: BLE001 - reported, the rest runs
            print(f"(no DOC: {exc})", file=sys.stderr)
    paths = {}
    for name, data in files.items():
        paths[name] = tmp / name
        paths[name].write_bytes(data)
    return paths


# -- contenders: (format prefix, name, function of bytes -> text) ------------------------


def _ours(data: bytes) -> str:
    from flows.attachment_worker import convert_legacy
    from parsers.attachment_text import extract

    return extract(data, converter=convert_legacy).text or ""


def _pypdf(data: bytes) -> str:
    import io

    import pypdf

    return "\f".join(p.extract_text() or "" for p in pypdf.PdfReader(io.BytesIO(data)).pages)


def _pdfminer(data: bytes) -> str:
    import io

    from pdfminer.high_level import extract_text

    return extract_text(io.BytesIO(data))


def _openpyxl(data: bytes) -> str:
    import io

    import openpyxl

    book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    return "\n".join("\t".join("" if v is None else str(v) for v in row)
                     for ws in book.worksheets for row in ws.iter_rows(values_only=True))  # fmt: skip


CONTENDERS = {
    "ours": _ours,
    "pypdf": _pypdf,
    "pdfminer.six": _pdfminer,
    "openpyxl": _openpyxl,
}
PEERS = {"pdf": ["pypdf", "pdfminer.six"], "xlsx": ["openpyxl"]}


def one(contender: str, path: str, seconds: float) -> dict:
    """Run in a child: read `path` repeatedly for `seconds`; rates and peak RSS."""
    fn = CONTENDERS[contender]
    data = Path(path).read_bytes()
    if contender == "ours":
        import parsers.attachment_text.dispatch  # noqa: F401 - imports before the baseline
    base = _hwm_kb()
    text = fn(data)  # warm-up, and the text for the sanity check
    n, started = 0, time.perf_counter()
    while True:
        fn(data)
        n += 1
        wall = time.perf_counter() - started
        if wall >= seconds or n >= 200:
            break
    peak = _hwm_kb()
    return {"files_s": n / wall, "mb_s": n * len(data) / wall / 2**20, "peak_mb": peak / 1024,
            "delta_mb": (peak - base) / 1024, "chars": len(text), "bytes": len(data)}  # fmt: skip


def _hwm_kb() -> int:
    """This process's peak RSS. Not ru_maxrss: Linux carries the parent's high-water mark
    over fork and exec into it, so every child would report at least the parent's size."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def run_one(contender: str, path: Path, seconds: float) -> dict:
    out = subprocess.run(
        [sys.executable, "-m", "bench.attachment_bench", "--one", contender, str(path), "--seconds", str(seconds)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def sandbox_rate(path: Path, n: int = 100) -> float:
    """Files/s through the sandbox (child process, JSON over pipes): the crawl's path."""
    from flows.attachment_sandbox import Sandbox

    data = path.read_bytes()
    with Sandbox() as box:
        box.extract(data)
        started = time.perf_counter()
        for _ in range(n):
            box.extract(data)
        return n / (time.perf_counter() - started)


def crawl_rate(articles: int, text_on: bool, tmp: Path) -> dict:
    env = dict(os.environ, GOVARCHIVE_ATTACHMENT_TEXT="1" if text_on else "0")
    out = subprocess.run(
        [sys.executable, "-m", "bench.attachment_bench", "--crawl-child", str(articles), str(tmp / f"c{int(text_on)}.duckdb")],
        cwd=ROOT, capture_output=True, text=True, check=True, env=env,
    )  # fmt: skip
    return json.loads(out.stdout.strip().splitlines()[-1])


def crawl_child(articles: int, db: str) -> dict:
    from flows.crawl import crawl
    from flows.crawl_options import CrawlOptions
    from tests.replica.server import ReplicaServer

    with ReplicaServer(articles={"kjj": articles}, mode="process") as rs:
        base = rs.base_url("kjj.ahsz.gov.cn")
        opts = CrawlOptions(base_url=base, rps=0, concurrency=16, max_pages=100_000)
        started = time.perf_counter()
        summary = asyncio.run(crawl("ahsz-kjj", db, opts))
        wall = time.perf_counter() - started
    import duckdb

    con = duckdb.connect(db, read_only=True)
    atts = con.execute("SELECT count(*) FROM fetches WHERE kind = 'attachment'").fetchone()[0]
    texts = con.execute("SELECT count(*) FROM attachment_extractions WHERE text IS NOT NULL").fetchone()[0]
    con.close()
    return {"pages": summary.counts.fetched, "attachments": atts, "texts": texts, "wall_s": wall,
            "pages_s": summary.counts.fetched / wall, "notes": summary.notes}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=1.5)
    ap.add_argument("--no-crawl", action="store_true")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--one", nargs=2, help=argparse.SUPPRESS)
    ap.add_argument("--crawl-child", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], args.one[1], args.seconds)))
        return
    if args.crawl_child:
        print(json.dumps(crawl_child(int(args.crawl_child[0]), args.crawl_child[1])))
        return
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{time.strftime('%Y-%m-%d')}")  # fmt: skip
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        files = make_files(tmp)
        print(f"\n{'file':<12} {'size':>8} {'reader':<14} {'files/s':>8} {'MB/s':>7} {'peak MB':>8} {'+MB':>6} {'chars':>7}")
        for name, path in files.items():
            kind = name.split("-")[0]
            for contender in ["ours", *PEERS.get(kind, [])]:
                try:
                    r = run_one(contender, path, args.seconds)
                except subprocess.CalledProcessError as exc:
                    print(f"{name:<12} {contender}: failed ({exc.stderr.strip().splitlines()[-1:]})")
                    continue
                label = {"ours": {"pdf": "pypdfium2", "docx": "python-docx", "xlsx": "calamine",
                                  "ofd": "ofd-xml", "doc": "antiword"}[kind]}.get(contender, contender)  # fmt: skip
                print(f"{name:<12} {r['bytes'] / 1024:>7.0f}K {label:<14} {r['files_s']:>8.1f} {r['mb_s']:>7.2f} "
                      f"{r['peak_mb']:>8.0f} {r['delta_mb']:>6.0f} {r['chars']:>7}")  # fmt: skip
        print(f"\nthrough the sandbox (child process, limits, JSON): pdf-10p {sandbox_rate(files['pdf-10p']):.0f} files/s, "
              f"docx-10p {sandbox_rate(files['docx-10p']):.0f} files/s")  # fmt: skip
        if not args.no_crawl:
            print(f"\ncrawl of the replica's ahsz-kjj ({args.articles} articles, every 5th with an attachment), no Prefect:")
            for on in (False, True):
                r = crawl_rate(args.articles, on, tmp)
                print(f"  attachment text {'on ' if on else 'off'}: {r['pages']} fetched ({r['attachments']} attachments, "
                      f"{r['texts']} with text) in {r['wall_s']:.1f} s = {r['pages_s']:.0f} fetches/s")  # fmt: skip


if __name__ == "__main__":
    main()
