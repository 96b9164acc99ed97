"""Serving the replica over real HTTP: one port per virtual origin, one uvicorn server.

Each virtual site gets its own loopback port so that root-relative links and
`/robots.txt` behave exactly as on the real origin; the ASGI app dispatches on the
port a request arrived on. `ReplicaServer` runs it in a thread (tests) or in a child
process (benchmarks, demo: the server must not share the crawler's GIL).

    python -m tests.replica.server --articles 300          # demo: prints base URLs
    python -m tests.replica.server --sizes '{"nxzx": 50}' --json   # one JSON line of ports
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import logging
import math
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from . import faults
from .control import ControlRoutes, HttpControl, LocalControl, RequestLog
from .site import DEFAULT_ARTICLES, HOSTS, Page, Replica

REPO_ROOT = Path(__file__).resolve().parents[2]
_NOT_FOUND = b"<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1></body></html>"


class _DropFilter(logging.Filter):
    """Silence uvicorn's traceback for connections we drop on purpose."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        return not isinstance(exc, faults.DropConnection)


def load_golden() -> dict[str, Any]:
    """Golden cases by name, if the golden corpus module exists and loads."""
    try:
        from .golden_cases import load_cases
    except ImportError:
        return {}
    try:
        return {c.name: c for c in load_cases()}
    except Exception as exc:  # a broken corpus must not take the replica down
        logging.getLogger(__name__).warning("golden cases not served: %s", exc)
        return {}


def _not_modified(page: Page, headers: dict[str, str]) -> bool:
    inm = headers.get("if-none-match")
    if inm is not None and page.etag:
        tags = {t.strip().removeprefix("W/") for t in inm.split(",")}
        return "*" in tags or page.etag in tags
    ims = headers.get("if-modified-since")
    if ims and page.last_modified:
        try:
            return page.last_modified <= parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
    return False


class ReplicaApp:
    """The ASGI app behind every replica port."""

    def __init__(self, replica: Replica, ports: dict[str, int], raw_port: int, log: RequestLog | None = None,
                 golden: dict[str, Any] | None = None) -> None:
        self.replica = replica
        self.ports = ports
        self.hosts_by_port = {p: h for h, p in ports.items()}
        self.log = log or RequestLog()
        self.golden = load_golden() if golden is None else golden
        self.golden_at = {(c.host, c.path): c for c in self.golden.values() if c.host in ports}
        self.faults = faults.FaultRoutes(ports)
        info = {
            "ports": ports, "raw_port": raw_port,
            "base_urls": {h: f"http://127.0.0.1:{p}/" for h, p in ports.items()},
            "raw_base_url": f"http://127.0.0.1:{raw_port}/",
            "sites": {k: {"host": s.host, "listing": replica.listing_paths(k)[0],
                          "private_path": replica.private_path(k)} for k, s in replica.specs.items()},
        }
        self.control = ControlRoutes(replica, self.log, info, self.faults.reset)
        self._gzip_cache: dict[str, bytes] = {}

    async def __call__(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] != "http":  # lifespan is off; websockets are not served
            return
        path = scope["path"]
        if path.startswith("/_replica/"):
            await self.control.handle(scope, receive, send)
            return
        port = scope["server"][1] if scope.get("server") else 0
        host = self.hosts_by_port.get(port, HOSTS[0])
        query = scope["query_string"].decode("latin-1")
        target = path + ("?" + query if query else "")
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
        entry = self.log.record(port, scope["method"], target, headers)

        async def logged_send(msg: dict[str, Any]) -> None:
            if msg["type"] == "http.response.start":
                entry["status"] = msg["status"]
            await send(msg)

        head = scope["method"] == "HEAD"
        if path.startswith("/_fault/"):
            await self.faults.handle(scope, receive, logged_send, host)
            return
        if path.startswith("/_golden/"):
            await self._golden(unquote(path[len("/_golden/"):]), logged_send, head)
            return
        page = self.replica.page(host, path, query)
        fault = self.replica.fault_for(host, target) or self.replica.fault_for(host, path)
        if fault and await faults.apply_path_fault(fault, logged_send, receive, page.body if page else None, head):
            return
        if page is None:
            case = self.golden_at.get((host, target))
            if case is not None:  # a golden page on its own origin, where nothing generated lives
                await faults.send_simple(logged_send, 200, case.body, case.content_type, head=head)
                return
            await faults.send_simple(logged_send, 404, _NOT_FOUND, head=head)
            return
        await self._send_page(page, headers, logged_send, head)

    async def _golden(self, name: str, send: Any, head: bool) -> None:
        case = self.golden.get(name)
        if case is None:
            await faults.send_simple(send, 404, _NOT_FOUND, head=head)
            return
        await faults.send_simple(send, 200, case.body, case.content_type, head=head)

    async def _send_page(self, page: Page, req: dict[str, str], send: Any, head: bool) -> None:
        hdrs: dict[str, str] = {"server": "nginx"}
        if page.content_type:
            hdrs["content-type"] = page.content_type
        if page.etag:
            hdrs["etag"] = page.etag
        if page.last_modified:
            hdrs["last-modified"] = format_datetime(page.last_modified, usegmt=True)
        hdrs.update(page.headers)
        if page.status == 200 and _not_modified(page, req):
            await send({"type": "http.response.start", "status": 304,
                        "headers": [(k.encode(), v.encode()) for k, v in hdrs.items() if k != "content-type"]})
            await send({"type": "http.response.body", "body": b""})
            return
        body = page.body
        compressible = (page.content_type or "text/html").startswith("text/")
        if compressible:
            hdrs["vary"] = "Accept-Encoding"
            if "gzip" in req.get("accept-encoding", "") and len(body) > 256:
                body = self._gzip(page.etag, body)
                hdrs["content-encoding"] = "gzip"
        hdrs["content-length"] = str(len(body))
        await send({"type": "http.response.start", "status": page.status,
                    "headers": [(k.encode(), v.encode("latin-1")) for k, v in hdrs.items()]})
        await send({"type": "http.response.body", "body": b"" if head else body})

    def _gzip(self, etag: str | None, body: bytes) -> bytes:
        if etag is None:
            return gzip.compress(body, 1)
        cached = self._gzip_cache.get(etag)
        if cached is None:
            if len(self._gzip_cache) > 20_000:
                self._gzip_cache.clear()
            cached = self._gzip_cache[etag] = gzip.compress(body, 1, mtime=0)
        return cached


def _http_impl() -> str:
    """httptools (pinned in the test extra) is ~2x faster than h11; fall back if absent."""
    try:
        import httptools  # noqa: F401
    except ImportError:
        return "h11"
    return "httptools"


def _bind(port: int = 0) -> socket.socket:
    # proto must be IPPROTO_TCP (not 0), or asyncio skips TCP_NODELAY on accepted sockets and
    # every keep-alive response waits ~40 ms for a delayed ACK.
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(1024)
    sock.setblocking(False)
    return sock


def _hosts_for(replica: Replica) -> list[str]:
    return [h for h in HOSTS if any(s.host == h for s in replica.specs.values())] or list(HOSTS)


class _Runtime:
    """Sockets, app and uvicorn server of one running replica (in this process)."""

    def __init__(self, replica: Replica, port_base: int = 0) -> None:
        import uvicorn

        hosts = _hosts_for(replica)
        self.sockets = {h: _bind(port_base + n if port_base else 0) for n, h in enumerate(hosts)}
        self.raw_sock = _bind(port_base + len(hosts) if port_base else 0)
        self.ports = {h: s.getsockname()[1] for h, s in self.sockets.items()}
        self.raw_port = self.raw_sock.getsockname()[1]
        self.app = ReplicaApp(replica, self.ports, self.raw_port)
        self.raw = faults.RawFaultServer(self._log_raw)
        config = uvicorn.Config(self.app, lifespan="off", log_level="warning", access_log=False, http=_http_impl(),
                                loop="asyncio", ws="none", timeout_graceful_shutdown=1, timeout_keep_alive=30,
                                server_header=False)
        self.server = uvicorn.Server(config)
        err_log = logging.getLogger("uvicorn.error")
        if not any(isinstance(f, _DropFilter) for f in err_log.filters):
            err_log.addFilter(_DropFilter())

    def _log_raw(self, method: str, target: str, headers: dict[str, str], status: int) -> None:
        self.app.log.record(self.raw_port, method, target, headers)["status"] = status

    async def serve(self) -> None:
        await self.raw.start(self.raw_sock)
        try:
            await self.server.serve(sockets=list(self.sockets.values()))
        finally:
            await self.raw.close()


class ReplicaServer:
    """Context manager running the replica; see README.md for the URL scheme.

    mode="thread": uvicorn in a daemon thread of this process; `control` is a
    `LocalControl` and `replica` the live `Replica`. mode="process": a child
    `python -m tests.replica.server --json`; `control` is an `HttpControl`.
    """

    def __init__(self, articles: dict[str, int] | None = None, mode: str = "thread", seed: int = 0,
                 port_base: int = 0) -> None:
        if mode not in ("thread", "process"):
            raise ValueError("mode must be 'thread' or 'process'")
        self.articles = dict(DEFAULT_ARTICLES if articles is None else articles)
        self.mode = mode
        self.seed = seed
        self.port_base = port_base
        self.ports: dict[str, int] = {}
        self.raw_port = 0
        self.replica: Replica | None = None
        self.control: LocalControl | HttpControl | None = None
        self._runtime: _Runtime | None = None
        self._thread: threading.Thread | None = None
        self._proc: subprocess.Popen[str] | None = None

    # --- addresses ---------------------------------------------------------------------

    def base_url(self, site: str) -> str:
        """Base URL replacing the real origin; `site` is a host name or a site key."""
        host = site if "." in site else _host_of_key(site)
        return f"http://127.0.0.1:{self.ports[host]}/"

    def url(self, site: str, path: str) -> str:
        return self.base_url(site).rstrip("/") + path

    @property
    def raw_base_url(self) -> str:
        return f"http://127.0.0.1:{self.raw_port}/"

    @property
    def base_urls(self) -> dict[str, str]:
        return {h: self.base_url(h) for h in self.ports}

    # --- lifecycle ----------------------------------------------------------------------

    def start(self) -> ReplicaServer:
        if self.mode == "thread":
            self._start_thread()
        else:
            self._start_process()
        return self

    def _start_thread(self) -> None:
        self.replica = Replica(self.articles, seed=self.seed)
        rt = self._runtime = _Runtime(self.replica, self.port_base)
        self.ports, self.raw_port = rt.ports, rt.raw_port
        self._thread = threading.Thread(target=lambda: asyncio.run(rt.serve()), name="replica-server", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + 10
        while not rt.server.started:
            if not self._thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("replica server did not start")
            time.sleep(0.005)
        self.control = LocalControl(rt.app.control)

    def _start_process(self) -> None:
        cmd = [sys.executable, "-m", "tests.replica.server", "--json", "--seed", str(self.seed),
               "--sizes", json.dumps(self.articles), "--port-base", str(self.port_base)]
        env = dict(os.environ, PYTHONUNBUFFERED="1")
        self._proc = subprocess.Popen(cmd, cwd=REPO_ROOT, stdout=subprocess.PIPE, stdin=subprocess.PIPE,
                                      text=True, env=env)
        assert self._proc.stdout is not None
        line = self._proc.stdout.readline()
        if not line:
            self._proc.wait(5)
            raise RuntimeError(f"replica process exited with {self._proc.returncode} before printing its ports")
        info = json.loads(line)
        self.ports = {h: int(p) for h, p in info["ports"].items()}
        self.raw_port = int(info["raw_port"])
        self.control = HttpControl(self.base_url(next(iter(self.ports))))

    def stop(self) -> None:
        if self._runtime and self._thread:
            self._runtime.server.should_exit = True
            self._thread.join(timeout=5)
            for s in [*self._runtime.sockets.values(), self._runtime.raw_sock]:
                s.close()
            self._runtime = self._thread = None
        if self._proc:
            if isinstance(self.control, HttpControl):
                self.control.close()
            self._proc.terminate()
            try:
                self._proc.wait(5)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(5)
            self._proc = None

    def __enter__(self) -> ReplicaServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def _host_of_key(key: str) -> str:
    from .site import _spec

    return _spec(key, 1, 0).host


def _sizes_from_total(n: int) -> dict[str, int]:
    """--articles N: N news articles on nxzx, N/2 per 宿州 column, N/3 on kjj (the default ratio)."""
    return {"nxzx": n, "ahsz-zxta": math.ceil(n / 2), "ahsz-rdjy": math.ceil(n / 2), "kjj": math.ceil(n / 3)}


def _exit_on_eof(rt: _Runtime) -> None:
    sys.stdin.read()
    rt.server.should_exit = True


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m tests.replica.server", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, help="size N: nxzx N, each 宿州 column N/2, kjj N/3")
    ap.add_argument("--sizes", help='JSON object of per-site sizes, e.g. {"nxzx": 300, "kjj": 100}')
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--port-base", type=int, default=0, help="fixed ports base, base+1, ... (default: ephemeral)")
    ap.add_argument("--json", action="store_true", help="print one JSON line with the ports; exit when stdin closes (used by ReplicaServer)")
    args = ap.parse_args(argv)
    sizes = json.loads(args.sizes) if args.sizes else (
        _sizes_from_total(args.articles) if args.articles else dict(DEFAULT_ARTICLES))
    replica = Replica(sizes, seed=args.seed)
    rt = _Runtime(replica, args.port_base)
    info = {"ports": rt.ports, "raw_port": rt.raw_port,
            "base_urls": {h: f"http://127.0.0.1:{p}/" for h, p in rt.ports.items()}, "pid": os.getpid()}
    if args.json:
        print(json.dumps(info), flush=True)
    else:
        print("replica sites (Ctrl-C to stop):")
        for key, spec in replica.specs.items():
            print(f"  {key:10s} {spec.host:18s} {info['base_urls'][spec.host]}  ({sizes[key]} articles)")
        print(f"  raw faults {'':18s} http://127.0.0.1:{rt.raw_port}/_fault/...")
        print(f"  control    {'':18s} {next(iter(info['base_urls'].values()))}_replica/info", flush=True)
    signal.signal(signal.SIGTERM, lambda *_: setattr(rt.server, "should_exit", True))
    if args.json:  # started by ReplicaServer: exit when the parent goes away (stdin closes)
        threading.Thread(target=_exit_on_eof, args=(rt,), daemon=True).start()
    asyncio.run(rt.serve())


if __name__ == "__main__":
    main()
