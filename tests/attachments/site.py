"""A small real HTTP site on 127.0.0.1: one page whose reply lives in its attachments.

The standard library's threading HTTP server is enough here: the page and files are
fixed bytes made by the test (tests/attachments/make.py).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(slots=True)
class File:
    body: bytes
    content_type: str


def reply_page(title: str, links: list[tuple[str, str]], body: str = "现将答复全文公开，详见附件。") -> bytes:
    items = "".join(f'<p><a href="{href}">{name}</a></p>' for href, name in links)
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><div class="header">网站首页</div>
<div class="article"><h1 class="title">{title}</h1>
<div class="info">发布时间：2024-05-06 09:30</div>
<div class="content"><p>{body}</p><p>附件：</p>{items}</div></div>
<div class="footer">主办单位：某某市人民政府办公室</div></body></html>""".encode()


@contextmanager
def serve(files: dict[str, File]) -> Iterator[str]:
    """Serve `files` by path; yields the base URL (http://127.0.0.1:PORT)."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            f = files.get(self.path.split("?")[0])
            if f is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", f.content_type)
            self.send_header("Content-Length", str(len(f.body)))
            self.end_headers()
            self.wfile.write(f.body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
