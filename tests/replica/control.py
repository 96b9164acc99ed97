"""Steering a running replica: the request log, `/_replica/...` routes, and Python handles.

Tests change the sites while a crawler works against them (new articles, edits,
blanks, redesigns, pinned faults) and then read the request log to check politeness
(rate, conditional GETs). `LocalControl` (thread mode) and `HttpControl` (any mode)
have the same methods, so a test does not care how the server runs.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs

import httpx

from .site import ArticleTruth, Replica


class RequestLog:
    """Every request except control calls: {t, port, method, path, status, headers}."""

    def __init__(self, limit: int = 500_000) -> None:
        self.entries: list[dict[str, Any]] = []
        self.limit = limit
        self._lock = threading.Lock()

    def record(self, port: int, method: str, path: str, headers: dict[str, str]) -> dict[str, Any]:
        entry = {"t": time.time(), "port": port, "method": method, "path": path, "status": None, "headers": headers}
        with self._lock:
            if len(self.entries) >= self.limit:
                del self.entries[: self.limit // 10]
            self.entries.append(entry)
        return entry

    def snapshot(self, since: float = 0.0) -> list[dict[str, Any]]:
        with self._lock:
            return [dict(e) for e in self.entries if e["t"] >= since]

    def clear(self) -> None:
        with self._lock:
            self.entries.clear()


def _article_ref(raw: str) -> int | str:
    return int(raw) if raw.lstrip("-").isdigit() else raw


class ControlRoutes:
    """`/_replica/<action>`; parameters in the query string (or a JSON body for POST)."""

    def __init__(self, replica: Replica, log: RequestLog, info: dict[str, Any],
                 on_reset: Callable[[], None]) -> None:
        self.replica = replica
        self.log = log
        self.info = info
        self.on_reset = on_reset

    async def handle(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        body = b""
        while True:
            msg = await receive()
            body += msg.get("body", b"")
            if not msg.get("more_body"):
                break
        q: dict[str, Any] = {k: v[-1] for k, v in parse_qs(scope["query_string"].decode()).items()}
        if body.strip().startswith(b"{"):
            q.update(json.loads(body))
        action = scope["path"][len("/_replica/"):].strip("/")
        try:
            status, result = 200, self.dispatch(action, scope["method"], q)
        except (KeyError, IndexError, ValueError, TypeError) as exc:
            status, result = 400, {"error": f"{type(exc).__name__}: {exc}"}
        if result is None:
            status, result = 404, {"error": f"unknown control action {action!r}"}
        payload = json.dumps(result, ensure_ascii=False).encode()
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"application/json; charset=utf-8"), (b"content-length", str(len(payload)).encode())]})
        await send({"type": "http.response.body", "body": payload})

    def dispatch(self, action: str, method: str, q: dict[str, Any]) -> Any:
        r = self.replica
        if action == "info":
            return self.info | {"counts": {k: r.count(k) for k in r.specs}}
        if action == "log":
            if method == "DELETE" or q.get("clear") in ("1", "true", True):
                entries = self.log.snapshot()
                self.log.clear()
                return entries if method != "DELETE" else {"cleared": len(entries)}
            return self.log.snapshot(float(q.get("since", 0)))
        if action == "log/clear":
            self.log.clear()
            return {"cleared": True}
        if action == "add":
            return {"paths": r.add(q["site"], int(q.get("n", 1)))}
        if action == "change":
            return {"path": r.change(q["site"], _article_ref(str(q["article"])))}
        if action == "blank":
            return {"path": r.blank(q["site"], _article_ref(str(q["article"])))}
        if action == "redesign":
            r.redesign(q["site"], str(q.get("on", "1")).lower() not in ("0", "false", "no"))
            return {"ok": True}
        if action == "fault":
            host = q.pop("host", None) or r.host_of(q.pop("site"))
            path, kind = q.pop("path"), q.pop("kind")
            r.set_fault(host, path, kind, **q)
            return {"ok": True}
        if action == "faults/clear":
            r.clear_faults()
            return {"ok": True}
        if action == "reset":
            r.reset()
            self.log.clear()
            self.on_reset()
            return {"ok": True}
        if action == "truth":
            ref = q.get("article")
            text = str(q.get("text", "1")).lower() not in ("0", "false", "no")
            return [t.to_dict() for t in r.truth(q["site"], None if ref is None else _article_ref(str(ref)), text)]
        return None


class LocalControl:
    """In-process handle (thread mode): direct calls, no HTTP, nothing logged."""

    def __init__(self, routes: ControlRoutes) -> None:
        self._routes = routes
        self.replica = routes.replica

    def add(self, site: str, n: int = 1) -> list[str]:
        return self.replica.add(site, n)

    def change(self, site: str, article: int | str) -> str:
        return self.replica.change(site, article)

    def blank(self, site: str, article: int | str) -> str:
        return self.replica.blank(site, article)

    def redesign(self, site: str, on: bool = True) -> None:
        self.replica.redesign(site, on)

    def fault(self, site_or_host: str, path: str, kind: str, **params: Any) -> None:
        host = site_or_host if "." in site_or_host else self.replica.host_of(site_or_host)
        self.replica.set_fault(host, path, kind, **params)

    def clear_faults(self) -> None:
        self.replica.clear_faults()

    def reset(self) -> None:
        self._routes.dispatch("reset", "POST", {})

    def log(self, since: float = 0.0) -> list[dict[str, Any]]:
        return self._routes.log.snapshot(since)

    def clear_log(self) -> None:
        self._routes.log.clear()

    def truth(self, site: str, article: int | str | None = None, text: bool = True) -> list[ArticleTruth]:
        return self.replica.truth(site, article, text)

    def count(self, site: str) -> int:
        return self.replica.count(site)


class HttpControl:
    """The same handle over HTTP, for process mode (or a server started by someone else)."""

    def __init__(self, base_url: str) -> None:
        self.base = base_url.rstrip("/") + "/_replica/"
        self._client = httpx.Client(timeout=30, trust_env=False)

    def _call(self, action: str, method: str = "POST", **params: Any) -> Any:
        clean = {k: (str(v).lower() if isinstance(v, bool) else v) for k, v in params.items() if v is not None}
        resp = self._client.request(method, self.base + action, params=clean)
        if resp.status_code >= 400:
            raise RuntimeError(f"replica control {action}: {resp.status_code} {resp.text}")
        return resp.json()

    def add(self, site: str, n: int = 1) -> list[str]:
        return self._call("add", site=site, n=n)["paths"]

    def change(self, site: str, article: int | str) -> str:
        return self._call("change", site=site, article=article)["path"]

    def blank(self, site: str, article: int | str) -> str:
        return self._call("blank", site=site, article=article)["path"]

    def redesign(self, site: str, on: bool = True) -> None:
        self._call("redesign", site=site, on=int(on))

    def fault(self, site_or_host: str, path: str, kind: str, **params: Any) -> None:
        key = "host" if "." in site_or_host else "site"
        self._call("fault", path=path, kind=kind, **{key: site_or_host}, **params)

    def clear_faults(self) -> None:
        self._call("faults/clear")

    def reset(self) -> None:
        self._call("reset")

    def log(self, since: float = 0.0) -> list[dict[str, Any]]:
        return self._call("log", "GET", since=since)

    def clear_log(self) -> None:
        self._call("log/clear")

    def truth(self, site: str, article: int | str | None = None, text: bool = True) -> list[ArticleTruth]:
        rows = self._call("truth", "GET", site=site, article=article, text=int(text))
        return [ArticleTruth(**d) for d in rows]

    def count(self, site: str) -> int:
        return self._call("info", "GET")["counts"][site]

    def close(self) -> None:
        self._client.close()
