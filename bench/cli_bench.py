"""How long a user waits for one page, and what `govarchive serve` costs while it waits.

    python -m bench.cli_bench [--runs 7]

- `govarchive parse FILE --json`: fresh process each run, median wall time; beside it the
  peer a user would reach for on one saved page, `trafilatura --json` (if installed).
- `govarchive ingest URL` of one replica page on loopback: fresh process each run, into a
  new archive (schema created) and into an existing one (the page already there); beside
  it `wget --warc-file` (one URL fetched into a WARC file: the archivist's one-liner).
- `govarchive serve` on the embedded default, idle (no source due): PSS of serve and every
  process it started, 60 s after its UI address is printed.
Goals (issue 13): parse < 1 s, one-page ingest < 2 s.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PAGE = ROOT / "tests" / "replica" / "golden" / "ahsz_attachments_disclosure.html"


def _env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_API", "GOVARCHIVE_"))}
    env.update(PREFECT_HOME=str(home / "prefect"), PREFECT_SERVER_ANALYTICS_ENABLED="false")
    return env


def _timed(args: list[str], env: dict[str, str], runs: int, before=None) -> tuple[float, float]:
    times = []
    for i in range(runs):
        if before:
            before(i)
        t0 = time.perf_counter()
        subprocess.run(args, env=env, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times)


def _row(what: str, median: float, worst: float, goal: str = "") -> None:
    print(f"| {what} | {median:.2f} s | {worst:.2f} s | {goal} |", flush=True)


def latency(runs: int, tmp: Path) -> None:
    from tests.replica.server import ReplicaServer

    env = _env(tmp)
    print("| command (fresh process each run) | median | worst | goal |\n|---|---:|---:|---|")
    _row("`govarchive parse PAGE --json`", *_timed([str(BIN / "govarchive"), "parse", str(PAGE), "--json"], env, runs), "< 1 s")
    if shutil.which("trafilatura") or (BIN / "trafilatura").exists():
        tra = str(BIN / "trafilatura") if (BIN / "trafilatura").exists() else "trafilatura"
        _row("peer: `trafilatura --json < PAGE`", *_timed(["sh", "-c", f"{tra} --json < {PAGE}"], env, runs))
    with ReplicaServer(articles={"nxzx": 3}, mode="process") as rs:
        url = rs.url("nxzx", "/zxgz/tagz/index.html")
        page = next(e for e in _article_urls(rs))
        fresh = tmp / "fresh"

        def new_archive(i: int) -> None:
            shutil.rmtree(fresh, ignore_errors=True)

        ingest = [str(BIN / "govarchive"), "--db", str(fresh / "a.duckdb"), "ingest", page, "--allow-private"]
        _row("`govarchive ingest URL`, new archive", *_timed(ingest, env, runs, new_archive), "< 2 s")
        ingest[2] = str(tmp / "kept" / "a.duckdb")
        subprocess.run(ingest, env=env, check=True, capture_output=True)
        _row("`govarchive ingest URL`, page already archived", *_timed(ingest, env, runs), "< 2 s")
        if shutil.which("wget"):
            wget = ["wget", "-q", "-O", "/dev/null", f"--warc-file={tmp / 'wget'}", "--no-warc-compression", page]
            _row("peer: `wget --warc-file URL`", *_timed(wget, env, runs))
        del url


def _article_urls(rs) -> list[str]:
    truth = rs.control.truth("nxzx")
    return [rs.url("nxzx", t.path) for t in truth]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_idle(tmp: Path, settle: float) -> None:
    import psutil

    env = _env(tmp)
    env["GOVARCHIVE_PREFECT_PORT"] = str(_free_port())
    log = (tmp / "serve.log").open("w")
    proc = subprocess.Popen([str(BIN / "govarchive"), "--db", str(tmp / "serve.duckdb"), "serve"], env=env,
                            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)  # fmt: skip
    try:
        deadline = time.monotonic() + 240
        while "serving" not in (tmp / "serve.log").read_text():
            if proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((tmp / "serve.log").read_text()[-2000:])
            time.sleep(0.5)
        time.sleep(settle)
        procs = [psutil.Process(proc.pid), *psutil.Process(proc.pid).children(recursive=True)]
        rows = []
        for p in procs:
            with contextlib.suppress(psutil.Error):
                rows.append((" ".join(p.cmdline()[1:4]), p.memory_full_info().pss / 2**20))
        total = sum(mb for _, mb in rows)
        print(f"\n`govarchive serve` idle, {settle:.0f} s after start, embedded server: "
              f"**{total:.0f} MB PSS** in {len(rows)} processes")  # fmt: skip
        for name, mb in rows:
            print(f"- {name}: {mb:.0f} MB")
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=60)
        log.close()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--settle", type=float, default=60)
    ap.add_argument("--skip-serve", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="govarchive-cli-bench-") as d:
        latency(args.runs, Path(d))
        if not args.skip_serve:
            serve_idle(Path(d), args.settle)


if __name__ == "__main__":
    main()
