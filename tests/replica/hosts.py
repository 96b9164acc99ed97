"""A multi-host replica: many Anhui-platform hosts, one per loopback address (127.0.0.2 ...).

On Linux all of 127.0.0.0/8 is loopback, so 127.0.0.2 and 127.0.0.3 are distinct hosts
to a crawler: its per-host pace, robots.txt and connection pool see different origins,
exactly as kjj.ahsz.gov.cn and fgw.ahsz.gov.cn would. Every address serves on the same
port; the app tells hosts apart by the address a request arrived on, and logs each
request with its arrival time (the server's own clock), which is what rate checks read.

A host has one or more columns (listing `/public/column/{listing_id}?...&pageIndex=N`,
articles `/public/{unit}/{id}.html`, the unit id differing from the listing's when
`unit` is set: the platform does that), and optionally a robots.txt Crawl-delay.

    python -m tests.replica.hosts --hosts 4           # prints the listing URLs, serves until Ctrl-C
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import errno
import gc
import logging
import os
import socket
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from .articles import AHSZ, ColumnSpec
from .server import _http_impl, _not_modified
from .site import ColumnState, Page, Replica


@dataclass(frozen=True, slots=True)
class ColumnPlan:
    listing_id: str
    articles: int
    unit: str | None = None  # the unit id article paths carry, when not the listing's


@dataclass(frozen=True, slots=True)
class HostPlan:
    address: str
    columns: tuple[ColumnPlan, ...]
    crawl_delay: float | None = None


def plan_hosts(n: int, articles: int = 20, *, shared_every: int = 4, delayed: int = 1,
               crawl_delay: float = 1.0, first: int = 2) -> list[HostPlan]:  # fmt: skip
    """n hosts on 127.0.0.{first}...; every `shared_every`-th host carries two columns,
    the first `delayed` hosts ask for a Crawl-delay."""
    plans = []
    for k in range(n):
        cols = [ColumnPlan(str(2655000 + 10 * k), articles)]
        if shared_every and k % shared_every == shared_every - 1:
            cols.append(ColumnPlan(str(2655000 + 10 * k + 1), articles))
        plans.append(HostPlan(f"127.0.0.{first + k}", tuple(cols), crawl_delay if k < delayed else None))
    return plans


class HostsReplica(Replica):
    """The pages of every planned host; `page(address, path, query)` as `Replica.page`."""

    def __init__(self, plans: list[HostPlan], seed: int = 0) -> None:  # noqa: D107
        self.seed = seed
        self.plans = {p.address: p for p in plans}
        self.specs: dict[str, ColumnSpec] = {}
        self.listing_of: dict[tuple[str, str], str] = {}  # (address, listing id) -> key
        self.keys_at: dict[str, list[str]] = {}
        end = datetime(2024, 6, 28, 9, 0)
        for n, p in enumerate(plans):
            for m, col in enumerate(p.columns):
                key = f"{p.address}/{col.listing_id}"
                step = timedelta(days=3)
                self.specs[key] = ColumnSpec(
                    key, "kjj.ahsz.gov.cn", AHSZ, col.unit or col.listing_id, f"栏目{col.listing_id}",
                    "mixed", 15, 191000000 + 100000 * n + 10000 * m, 11,
                    end - step * col.articles, step, seed,
                )  # fmt: skip
                self.listing_of[(p.address, col.listing_id)] = key
                self.keys_at.setdefault(p.address, []).append(key)
        self.initial = {k: int(c.articles) for p in plans for c in p.columns
                        for k in [f"{p.address}/{c.listing_id}"]}  # fmt: skip
        self._lock = threading.RLock()
        self.state: dict[str, ColumnState] = {}
        self.faults = {}
        self.reset()

    def listing_path(self, address: str, listing_id: str, page: int = 1) -> str:
        return f"/public/column/{listing_id}?type=4&action=list&pageIndex={page}"

    def private_path(self, key: str) -> str:
        return f"/public/private/{self.specs[key].column_id}/999000001.html"

    def page(self, host: str, path: str, query: str = "") -> Page | None:
        plan = self.plans.get(host)
        if plan is None:
            return None
        if path == "/robots.txt":
            lines = ["User-agent: *", "Disallow: /public/private/"]
            if plan.crawl_delay:
                lines.append(f"Crawl-delay: {plan.crawl_delay:g}")
            return Page(200, ("\n".join(lines) + "\n").encode(), "text/plain")
        if path.startswith("/public/column/"):
            key = self.listing_of.get((host, path.rsplit("/", 1)[1]))
            if key is None:
                return None
            spec, st = self.specs[key], self.state[key]
            raw = dict(p.split("=", 1) for p in query.split("&") if "=" in p).get("pageIndex", "1")
            return self._listing(spec, st, int(raw) if raw.isdigit() and int(raw) > 0 else 1)
        for key in self.keys_at.get(host, []):
            spec = self.specs[key]
            found = self._column_page(key, spec, path, query)
            if found is not None:
                return found
        return None


class RequestLog:
    """(arrival time, address, method, target, status) of every request, in arrival order."""

    def __init__(self) -> None:
        self.entries: list[dict[str, Any]] = []
        self._lock = threading.Lock()

    def record(self, address: str, method: str, target: str) -> dict[str, Any]:
        entry = {"t": time.time(), "host": address, "method": method, "path": target, "status": None}
        with self._lock:
            self.entries.append(entry)
        return entry

    def snapshot(self) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(e) for e in self.entries]

    def clear(self) -> None:
        with self._lock:
            self.entries.clear()


def max_in_window(times: list[float], window: float = 1.0) -> int:
    """The most requests that arrived within any `window` seconds (half-open [t, t+window))."""
    times = sorted(times)
    best = lo = 0
    for hi, t in enumerate(times):
        while times[lo] <= t - window:
            lo += 1
        best = max(best, hi - lo + 1)
    return best


class HostsApp:
    def __init__(self, replica: HostsReplica, log: RequestLog) -> None:
        self.replica, self.log = replica, log
        self.down: set[str] = set()  # addresses answering 503 to everything (a dead host)

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            return
        address = scope["server"][0] if scope.get("server") else ""
        query = scope["query_string"].decode("latin-1")
        target = scope["path"] + ("?" + query if query else "")
        entry = self.log.record(address, scope["method"], target)
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}

        async def logged(msg: dict[str, Any]) -> None:
            if msg["type"] == "http.response.start":
                entry["status"] = msg["status"]
            await send(msg)

        page = None if address in self.down else self.replica.page(address, scope["path"], query)
        if page is None:
            status = 503 if address in self.down else 404
            await logged({"type": "http.response.start", "status": status,
                          "headers": [(b"content-type", b"text/html"), (b"content-length", b"9")]})  # fmt: skip
            await logged({"type": "http.response.body", "body": b"not found"})
            return
        await _send_page(page, headers, logged, scope["method"] == "HEAD")


async def _send_page(page: Page, req: dict[str, str], send: Any, head: bool) -> None:
    hdrs = {"content-type": page.content_type or "text/html"}
    if page.etag:
        hdrs["etag"] = page.etag
    if page.status == 200 and _not_modified(page, req):
        await send({"type": "http.response.start", "status": 304, "headers": []})
        await send({"type": "http.response.body", "body": b""})
        return
    hdrs["content-length"] = str(len(page.body))
    await send({"type": "http.response.start", "status": page.status,
                "headers": [(k.encode(), v.encode("latin-1")) for k, v in hdrs.items()]})  # fmt: skip
    await send({"type": "http.response.body", "body": b"" if head else page.body})


def _bind_all(addresses: list[str], port: int = 0) -> tuple[int, list[socket.socket]]:
    """One listening socket per address, all on one port (a free one when port is 0)."""
    for _ in range(50):
        socks: list[socket.socket] = []
        chosen = port
        try:
            for addr in addresses:
                s = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
                s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
                s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
                socks.append(s)
                s.bind((addr, chosen))
                chosen = s.getsockname()[1]
                s.listen(1024)
                s.setblocking(False)
            return chosen, socks
        except OSError as exc:
            for s in socks:
                s.close()
            if exc.errno != errno.EADDRINUSE or port:
                raise
    raise RuntimeError("no port free on every address")


class HostsServer:
    """The multi-host replica in a daemon thread: `with HostsServer(plans) as hs: hs.url(...)`."""

    def __init__(self, plans: list[HostPlan], seed: int = 0, port: int = 0, *, boost: int = 10,
                 realtime: bool = False) -> None:  # fmt: skip
        self.plans = plans
        self.boost = boost  # how much nicer than the crawlers its thread runs (see `_serve`)
        self.realtime = realtime
        self.replica = HostsReplica(plans, seed)
        self.log = RequestLog()
        self.app = HostsApp(self.replica, self.log)
        self._port = port
        self.port = 0
        self._server: Any = None
        self._thread: threading.Thread | None = None
        self._socks: list[socket.socket] = []

    def origin(self, address: str) -> str:
        return f"http://{address}:{self.port}"

    def listing_url(self, address: str, listing_id: str) -> str:
        return self.origin(address) + self.replica.listing_path(address, listing_id)

    def start(self) -> HostsServer:
        import uvicorn

        self.port, self._socks = _bind_all([p.address for p in self.plans], self._port)
        config = uvicorn.Config(self.app, lifespan="off", log_level="warning", access_log=False,
                                http=_http_impl(), loop="asyncio", ws="none", timeout_keep_alive=30,
                                timeout_graceful_shutdown=1, server_header=False)  # fmt: skip
        self._server = uvicorn.Server(config)
        logging.getLogger("uvicorn.error").setLevel(logging.ERROR)
        self._thread = threading.Thread(target=self._serve, name="hosts-replica", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("multi-host replica did not start")
            time.sleep(0.005)
        return self

    def _serve(self) -> None:
        """Serve, in a thread at a higher priority than the crawlers it measures.

        The log's times are when the app saw a request, and on a loaded machine a server
        scheduled like any other process saw some 100-280 ms late (measured against the
        crawler's send times): two requests sent 1.05 s apart then looked 0.9 s apart.
        A real host's clock does not wait for our CPU, so the instrument runs ahead of
        what it measures: on Linux a thread's nice value is its own (`setpriority` on
        PID 0 is the calling thread), so only this thread gains, not the processes the
        caller starts. Without the privilege to raise it, it serves as it is. `realtime`
        (the benchmark, on a machine others load too): round-robin real-time scheduling,
        so a request is stamped as soon as it arrives whatever else wants the CPU; the
        thread mostly sleeps in epoll, and the kernel keeps 5% for everyone else anyway.
        """
        if self.realtime:
            with contextlib.suppress(OSError, AttributeError):
                os.sched_setscheduler(0, os.SCHED_RR, os.sched_param(1))
                self.boost = 0
        if self.boost:
            with contextlib.suppress(OSError, AttributeError):
                os.setpriority(os.PRIO_PROCESS, 0, os.getpriority(os.PRIO_PROCESS, 0) - self.boost)
        gc.freeze()  # the replica's pages are built: no collector pass walks them mid-request
        asyncio.run(self._server.serve(sockets=self._socks))

    def stop(self) -> None:
        if self._server is not None and self._thread is not None:
            self._server.should_exit = True
            self._thread.join(timeout=5)
            for s in self._socks:
                s.close()
            self._server = self._thread = None

    def __enter__(self) -> HostsServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def requests_by_host(self) -> dict[str, list[float]]:
        out: dict[str, list[float]] = {p.address: [] for p in self.plans}
        for e in self.log.snapshot():
            out.setdefault(e["host"], []).append(e["t"])
        return out

    def sources_toml(self, *, rps: float, concurrency: int = 2, schedule: str = "0 6 * * *") -> str:
        """A sources file with one entry per column, on the `anhui-public` platform."""
        parts = []
        for p in self.plans:
            for col in p.columns:
                name = f"h{p.address.rsplit('.', 1)[1]}-{col.listing_id}"
                parts.append(
                    f'[sources.{name}]\ntitle = "栏目{col.listing_id} ({p.address})"\n'
                    f'platform = "anhui-public"\nhost = "{p.address}:{self.port}"\nscheme = "http"\n'
                    f'column = "{col.listing_id}"\nschedule = "{schedule}"\nrps = {rps}\n'
                    f"concurrency = {concurrency}\ndownload_attachments = false\n"
                )  # fmt: skip
        return "\n".join(parts)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m tests.replica.hosts", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)  # fmt: skip
    ap.add_argument("--hosts", type=int, default=4)
    ap.add_argument("--articles", type=int, default=20)
    args = ap.parse_args(argv)
    with HostsServer(plan_hosts(args.hosts, args.articles)) as hs:
        for p in hs.plans:
            for c in p.columns:
                print(hs.listing_url(p.address, c.listing_id), flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
