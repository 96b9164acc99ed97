"""What a crawl pointed at a mirror (`--base-url`) stores, and under which URL.

A mirror (or the local replica) serves the configured source's pages at another
address. The archive keeps both, each where it belongs:

- the document, the frontier and everything a reader queries know a page by the
  configured source's URL (`https://www.ahsz.gov.cn/public/...`): crawling the same
  source from two mirrors, or from one replica on a new random port, is the same
  archive, not a second copy;
- what was actually asked of the network, the mirror's URL, is what `fetches.url`,
  `fetches.final_url` and the WARC record say (`fetches.origin_url` links the two).

Only the source's own origin (scheme and host of its first start URL) is mapped; any
other URL passes through unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit


@dataclass(frozen=True, slots=True)
class Mirror:
    origin: str  # "https://www.ahsz.gov.cn"
    base: str  # "http://127.0.0.1:8123/prefix" (no trailing slash)

    def to_mirror(self, url: str) -> str:
        """The address to request for a page known by `url`."""
        p, o, b = urlsplit(url), urlsplit(self.origin), urlsplit(self.base)
        if p.netloc.lower() != o.netloc.lower() or p.scheme not in ("http", "https"):
            return url
        return urlunsplit((b.scheme, b.netloc, b.path + (p.path or "/"), p.query, p.fragment))

    def to_origin(self, url: str) -> str:
        """The URL the archive knows a page by, for an address on the mirror."""
        p, o, b = urlsplit(url), urlsplit(self.origin), urlsplit(self.base)
        if p.netloc.lower() != b.netloc.lower() or not p.path.startswith(b.path):
            return url
        path = p.path[len(b.path):]
        if b.path and path and not path.startswith("/"):
            return url  # "/mirror2/..." under base "/mirror": not ours
        return urlunsplit((o.scheme, o.netloc, path or "/", p.query, p.fragment))
