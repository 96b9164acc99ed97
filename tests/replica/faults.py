"""Misbehaving servers, over real sockets, for the crawler's resilience tests.

Two layers. `handle_fault` serves `/_fault/...` on every replica port from the ASGI
app (statuses, Retry-After, flaky tokens, redirects, broken gzip, huge streamed
bodies, hangs, trickles, connections dropped mid-body). `RawFaultServer` is a bare
asyncio TCP server on its own port for what a well-behaved HTTP stack refuses to
send: a TCP reset, a Content-Length that lies in either direction, a non-HTTP reply.
`apply_path_fault` lets a test pin one of the ASGI faults onto a real page path.
"""

from __future__ import annotations

import asyncio
import contextlib
import gzip
import os
import socket
import struct
import time
from collections.abc import Awaitable, Callable
from email.utils import formatdate
from typing import Any
from urllib.parse import parse_qs

from . import files, templates

Send = Callable[[dict[str, Any]], Awaitable[None]]
Receive = Callable[[], Awaitable[dict[str, Any]]]

OFFSITE_REDIRECT = "http://www.example.com/offsite/page.html"
BUSY_TEXT = "系统繁忙，请稍后再试"


class DropConnection(Exception):
    """Raised inside the ASGI app to make uvicorn close the socket mid-response."""


def ok_page(label: str) -> bytes:
    return (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>OK</title></head>'
        f'<body><div id="zoom"><p>replica fault route {label}: success</p></div></body></html>'
    ).encode()


async def send_simple(send: Send, status: int, body: bytes = b"", content_type: str | None = "text/html; charset=utf-8",
                      headers: dict[str, str] | None = None, head: bool = False) -> None:
    hdrs = [(b"content-length", str(len(body)).encode())]
    if content_type:
        hdrs.append((b"content-type", content_type.encode()))
    for k, v in (headers or {}).items():
        hdrs.append((k.lower().encode(), v.encode("latin-1")))
    await send({"type": "http.response.start", "status": status, "headers": hdrs})
    await send({"type": "http.response.body", "body": b"" if head else body})


def _retry_headers(q: dict[str, str]) -> dict[str, str]:
    if "retry_after" in q:
        return {"retry-after": q["retry_after"]}
    if "retry_after_date" in q:
        return {"retry-after": formatdate(time.time() + float(q["retry_after_date"]), usegmt=True)}
    return {}


async def _wait_disconnect(receive: Receive, seconds: float) -> None:
    async def until_gone() -> None:
        while (await receive())["type"] != "http.disconnect":
            pass

    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(until_gone(), timeout=seconds)


async def _drop(send: Send, body: bytes, at: int, content_type: str = "text/html; charset=utf-8") -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [
        (b"content-length", str(len(body)).encode()), (b"content-type", content_type.encode())]})
    await send({"type": "http.response.body", "body": body[:at], "more_body": True})
    await asyncio.sleep(0.05)
    raise DropConnection("replica: connection dropped mid-body on purpose")


async def _trickle(send: Send, body: bytes, interval: float, status: int = 200) -> None:
    await send({"type": "http.response.start", "status": status, "headers": [
        (b"content-length", str(len(body)).encode()), (b"content-type", b"text/html; charset=utf-8")]})
    for n in range(len(body)):
        await send({"type": "http.response.body", "body": body[n:n + 1], "more_body": n + 1 < len(body)})
        if n + 1 < len(body):
            await asyncio.sleep(interval)


async def _huge(send: Send, size: int, content_type: str, chunked: bool, head: bool) -> None:
    headers = [(b"content-type", content_type.encode())]
    if not chunked:
        headers.append((b"content-length", str(size).encode()))
    await send({"type": "http.response.start", "status": 200, "headers": headers})
    if head:
        await send({"type": "http.response.body", "body": b""})
        return
    chunk = (b"<p>" + "巨大的页面".encode() * 4000 + b"</p>\n")[:65536]
    sent = 0
    while sent < size:
        piece = chunk[: min(len(chunk), size - sent)]
        sent += len(piece)
        await send({"type": "http.response.body", "body": piece, "more_body": sent < size})
    if size == 0:
        await send({"type": "http.response.body", "body": b""})


class FaultRoutes:
    """`/_fault/...` on every port; `ports` maps host -> port for cross-replica redirects."""

    def __init__(self, ports: dict[str, int]) -> None:
        self.ports = ports
        self.flaky: dict[str, int] = {}

    def reset(self) -> None:
        self.flaky.clear()

    async def handle(self, scope: dict[str, Any], receive: Receive, send: Send, host: str) -> None:
        name = scope["path"][len("/_fault/"):]
        q = {k: v[-1] for k, v in parse_qs(scope["query_string"].decode()).items()}
        head = scope["method"] == "HEAD"
        parts = name.split("/")
        route = parts[0]
        arg = parts[1] if len(parts) > 1 else ""
        if route == "status":
            code = int(arg or 500)
            body = f"<html><body><h1>{code}</h1></body></html>".encode()
            await send_simple(send, code, body, headers=_retry_headers(q), head=head)
        elif route == "flaky":
            token = arg or "default"
            seen = self.flaky.get(token, 0)
            self.flaky[token] = seen + 1
            if seen < int(q.get("fail", 2)):
                code = int(q.get("status", 503))
                await send_simple(send, code, f"<html><body>{code}</body></html>".encode(),
                                  headers=_retry_headers(q), head=head)
            else:
                await send_simple(send, 200, ok_page(f"flaky/{token} after {seen} failures"), head=head)
        elif route == "busy":
            await send_simple(send, 200, templates.busy_page().encode(), head=head)
        elif route == "loop":
            nxt = "b" if arg != "b" else "a"
            await send_simple(send, 302, b"", headers={"location": f"/_fault/loop/{nxt}"}, head=head)
        elif route == "redirect-chain":
            n = int(arg or 3)
            location = f"/_fault/redirect-chain/{n - 1}" if n > 1 else "/_fault/ok"
            await send_simple(send, 302, b"", headers={"location": location}, head=head)
        elif route == "redirect-offsite":
            await send_simple(send, 302, b"", headers={"location": q.get("to", OFFSITE_REDIRECT)}, head=head)
        elif route == "redirect-replica":
            target = arg or next((h for h in self.ports if h != host), host)
            url = f"http://127.0.0.1:{self.ports[target]}{q.get('path', '/')}"
            await send_simple(send, int(q.get("status", 302)), b"", headers={"location": url}, head=head)
        elif route == "redirect":
            await send_simple(send, int(q.get("status", 302)), b"", headers={"location": q["to"]}, head=head)
        elif route == "bad-gzip":
            body = b"\x1f\x8b\x08\x00" + os.urandom(512)
            await send_simple(send, 200, body, headers={"content-encoding": "gzip"}, head=head)
        elif route == "huge":
            await _huge(send, int(q.get("size", 50_000_000)), q.get("type", "text/html; charset=utf-8"),
                        q.get("chunked") == "1", head)
        elif route in ("pdf", "png"):
            body = files.make_pdf("replica fault pdf") if route == "pdf" else files.make_png()
            ctype = q.get("type", files.PDF_TYPE if route == "pdf" else files.PNG_TYPE)
            await send_simple(send, 200, body, ctype, head=head)
        elif route == "empty":
            await send_simple(send, 200, b"", head=head)
        elif route == "ok":
            await send_simple(send, 200, ok_page("ok"), head=head)
        elif route == "slow":
            await asyncio.sleep(float(q.get("delay", 2)))
            await send_simple(send, 200, ok_page("slow"), head=head)
        elif route == "hang":
            await _wait_disconnect(receive, float(q.get("seconds", 3600)))
        elif route == "drop":
            body = ok_page("drop") + b"<!--" + b"x" * int(q.get("size", 20000)) + b"-->"
            await _drop(send, body, int(q.get("at", len(body) // 3)))
        elif route == "trickle":
            body = ok_page("trickle")[: int(q.get("bytes", 10_000))]
            await _trickle(send, body, float(q.get("interval", 1.0)))
        else:
            await send_simple(send, 404, b"<html><body>404 Not Found</body></html>", head=head)


async def apply_path_fault(fault: Any, send: Send, receive: Receive, page_body: bytes | None,
                           head: bool) -> bool:
    """Serve a fault pinned on a real path; False means "now serve the real page".

    Kinds: status (code, retry_after), flaky (fail, status, retry_after), busy, hang,
    slow (delay, then the real page), drop (real page cut at `at`), trickle (interval),
    empty, bad-gzip, redirect (to, status).
    """
    p = fault.params
    fault.hits += 1
    kind = fault.kind
    if kind == "status":
        code = int(p.get("code", 500))
        await send_simple(send, code, f"<html><body>{code}</body></html>".encode(),
                          headers=_retry_headers({k: str(v) for k, v in p.items()}), head=head)
    elif kind == "flaky":
        if fault.hits > int(p.get("fail", 2)):
            return False
        code = int(p.get("status", 503))
        await send_simple(send, code, f"<html><body>{code}</body></html>".encode(),
                          headers=_retry_headers({k: str(v) for k, v in p.items()}), head=head)
    elif kind == "busy":
        await send_simple(send, 200, templates.busy_page().encode(), head=head)
    elif kind == "hang":
        await _wait_disconnect(receive, float(p.get("seconds", 3600)))
    elif kind == "slow":
        await asyncio.sleep(float(p.get("delay", 2)))
        return False
    elif kind == "drop":
        body = page_body or ok_page("drop")
        await _drop(send, body, int(p.get("at", len(body) // 3)))
    elif kind == "trickle":
        await _trickle(send, page_body or ok_page("trickle"), float(p.get("interval", 1.0)))
    elif kind == "empty":
        await send_simple(send, 200, b"", head=head)
    elif kind == "bad-gzip":
        await send_simple(send, 200, b"\x1f\x8b\x08\x00" + os.urandom(256), headers={"content-encoding": "gzip"}, head=head)
    elif kind == "redirect":
        await send_simple(send, int(p.get("status", 302)), b"", headers={"location": str(p["to"])}, head=head)
    else:
        raise ValueError(f"unknown fault kind {kind!r}")
    return True


# --- byte level ---------------------------------------------------------------------------

RAW_ROUTES = ("reset", "hang", "trickle", "short-length", "long-length", "not-http", "gzip-truncated", "ok")


class RawFaultServer:
    """A hand-written HTTP/1.0-ish responder: one request per connection, then close.

    Routes (path only, query params as noted): /_fault/reset (?at=N bytes of body before
    RST), /_fault/hang, /_fault/trickle (?interval=1&bytes=N), /_fault/short-length
    (declares fewer bytes than it sends), /_fault/long-length (declares more, then closes),
    /_fault/not-http, /_fault/gzip-truncated, /_fault/ok.
    """

    def __init__(self, on_request: Callable[[str, str, dict[str, str], int], None] | None = None) -> None:
        self.on_request = on_request
        self.server: asyncio.base_events.Server | None = None
        self.port = 0

    async def start(self, sock: socket.socket) -> None:
        self.server = await asyncio.start_server(self._serve, sock=sock)
        self.port = sock.getsockname()[1]

    async def close(self) -> None:
        if self.server:
            self.server.close()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            raw = await asyncio.wait_for(reader.readuntil(b"\r\n\r\n"), timeout=10)
        except (TimeoutError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            writer.close()
            return
        lines = raw.decode("latin-1").split("\r\n")
        method, target = (lines[0].split(" ") + ["", ""])[:2]
        headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:] if ln)}
        path, _, query = target.partition("?")
        q = {k: v[-1] for k, v in parse_qs(query).items()}
        route = path.removeprefix("/_fault/")
        status = 200 if route in RAW_ROUTES else 404
        if self.on_request:
            self.on_request(method, target, headers, status)
        try:
            await self._respond(route, q, writer, reader)
        except (ConnectionError, OSError):
            pass
        finally:
            if not writer.transport.is_closing():
                writer.close()

    async def _respond(self, route: str, q: dict[str, str], writer: asyncio.StreamWriter,
                       reader: asyncio.StreamReader) -> None:
        body = ok_page(f"raw {route}") + b"<!--" + b"y" * 4000 + b"-->"

        def head(length: int | None, extra: str = "") -> bytes:
            cl = f"Content-Length: {length}\r\n" if length is not None else ""
            return (f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n{cl}{extra}"
                    "Connection: close\r\n\r\n").encode()

        if route == "reset":
            writer.write(head(len(body)) + body[: int(q.get("at", len(body) // 2))])
            await writer.drain()
            await asyncio.sleep(0.05)
            sock = writer.get_extra_info("socket")
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            writer.transport.abort()
        elif route == "hang":
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(reader.read(), timeout=float(q.get("seconds", 3600)))
        elif route == "trickle":
            data = body[: int(q.get("bytes", 10_000))]
            writer.write(head(len(data)))
            for n in range(len(data)):
                writer.write(data[n:n + 1])
                await writer.drain()
                await asyncio.sleep(float(q.get("interval", 1.0)))
        elif route == "short-length":
            writer.write(head(len(body) // 2) + body)
        elif route == "long-length":
            writer.write(head(len(body) * 2) + body)
        elif route == "not-http":
            writer.write(b"\x00\x01garbage that is not an HTTP response\r\n\r\n")
        elif route == "gzip-truncated":
            z = gzip.compress(body)
            writer.write(head(len(z), "Content-Encoding: gzip\r\n") + z[: len(z) // 2])
        elif route == "ok":
            writer.write(head(len(body)) + body)
        else:
            nf = b"<html><body>404</body></html>"
            writer.write(f"HTTP/1.1 404 Not Found\r\nContent-Length: {len(nf)}\r\nConnection: close\r\n\r\n".encode() + nf)
        if not writer.transport.is_closing():
            await writer.drain()
