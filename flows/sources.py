"""Source configuration: the shipped `sources.toml` (or $GOVARCHIVE_SOURCES) as dataclasses.

`--base-url` rewriting happens here, once: a rebased source has its start URLs and
allowed hosts moved onto the mirror, and everything downstream just follows links.
"""

from __future__ import annotations

import dataclasses
import os
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from flows.mirror import Mirror


@dataclass(frozen=True, slots=True)
class Pagination:
    style: str  # "trs" | "query"
    template: str | None = None  # trs: "index_{n}.html"
    param: str | None = None  # query: "pageIndex"
    first: int = 1  # number of the second page (trs) or the first page (query)


@dataclass(frozen=True, slots=True)
class Source:
    name: str
    title: str
    platform: str
    start_urls: tuple[str, ...]
    allowed_hosts: frozenset[str]
    article_pattern: str
    pagination: Pagination
    schedule: str
    schedule_timezone: str = "Asia/Shanghai"
    rps: float = 1.0
    concurrency: int = 2
    respect_robots: bool = True
    max_listing_pages: int = 200
    download_attachments: bool = True
    attachment_max_bytes: int = 50 * 1024 * 1024
    attachment_types: tuple[str, ...] = ()
    rebased_from: str | None = None  # the real origin when pointed at a mirror
    mirror: Mirror | None = None  # set by rebased(): how URLs map between origin and mirror
    _article_re: re.Pattern[str] | None = field(default=None, compare=False, repr=False)

    def is_article(self, url: str) -> bool:
        parts = urlsplit(url)
        if not self.host_allowed(url):
            return False
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        rx = self._article_re or re.compile(self.article_pattern)
        return bool(rx.search(target))

    def host_allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        return (parts.hostname or "").lower() in self.allowed_hosts or parts.netloc.lower() in self.allowed_hosts

    def to_mirror(self, url: str) -> str:
        """Where to request a page this source knows by `url` (itself, without a mirror)."""
        return self.mirror.to_mirror(url) if self.mirror else url

    def to_origin(self, url: str) -> str:
        """The URL the archive knows a page by that was found at `url` (see flows/mirror.py)."""
        return self.mirror.to_origin(url) if self.mirror else url

    def rebased(self, base_url: str) -> Source:
        """This source moved onto `base_url` (a mirror or the local replica), paths kept."""
        base = urlsplit(base_url)
        if base.scheme not in ("http", "https") or not base.netloc:
            raise ValueError(f"--base-url must be an http(s) URL, got {base_url!r}")
        prefix = base.path.rstrip("/")

        def move(url: str) -> str:
            p = urlsplit(url)
            return urlunsplit((base.scheme, base.netloc, prefix + p.path, p.query, ""))

        original = urlsplit(self.start_urls[0])
        return dataclasses.replace(
            self,
            start_urls=tuple(move(u) for u in self.start_urls),
            allowed_hosts=frozenset({base.netloc.lower()}),
            article_pattern=self.article_pattern.replace("^/", "^" + re.escape(prefix) + "/", 1)
            if prefix
            else self.article_pattern,
            rebased_from=f"{original.scheme}://{original.netloc}",
            mirror=Mirror(f"{original.scheme}://{original.netloc}",
                          urlunsplit((base.scheme, base.netloc, prefix, "", ""))),
            _article_re=None,
        )


def _config_text(path: str | os.PathLike[str] | None) -> str:
    chosen = path or os.environ.get("GOVARCHIVE_SOURCES")
    if chosen:
        return Path(chosen).read_text(encoding="utf-8")
    return resources.files("flows").joinpath("sources.toml").read_text(encoding="utf-8")


def load_sources(path: str | os.PathLike[str] | None = None) -> dict[str, Source]:
    """All configured sources by name; a config error names the entry and the key."""
    data = tomllib.loads(_config_text(path))
    defaults = data.get("defaults", {})
    known = {f.name for f in dataclasses.fields(Source)}
    out: dict[str, Source] = {}
    for name, entry in data.get("sources", {}).items():
        merged = {**defaults, **entry}
        unknown = set(merged) - known
        if unknown:
            raise ValueError(f"source {name!r}: unknown keys {sorted(unknown)}")
        try:
            src = Source(
                name=name,
                title=merged["title"],
                platform=merged.get("platform", "generic"),
                start_urls=tuple(merged["start_urls"]),
                allowed_hosts=frozenset(h.lower() for h in merged["allowed_hosts"]),
                article_pattern=merged["article_pattern"],
                pagination=Pagination(**merged["pagination"]),
                schedule=merged["schedule"],
                schedule_timezone=merged.get("schedule_timezone", "Asia/Shanghai"),
                rps=float(merged.get("rps", 1.0)),
                concurrency=int(merged.get("concurrency", 2)),
                respect_robots=bool(merged.get("respect_robots", True)),
                max_listing_pages=int(merged.get("max_listing_pages", 200)),
                download_attachments=bool(merged.get("download_attachments", True)),
                attachment_max_bytes=int(merged.get("attachment_max_bytes", 50 * 1024 * 1024)),
                attachment_types=tuple(merged.get("attachment_types", ())),
            )
        except KeyError as exc:
            raise ValueError(f"source {name!r}: missing key {exc.args[0]!r}") from exc
        re.compile(src.article_pattern)
        out[name] = src
    return out


def get_source(name: str, path: str | os.PathLike[str] | None = None) -> Source:
    sources = load_sources(path)
    if name not in sources:
        raise KeyError(f"unknown source {name!r}; configured: {', '.join(sorted(sources))}")
    return sources[name]


_CLAIMS: dict[str, list[Source]] = {}


def source_for_url(url: str) -> str | None:
    """The configured source whose article pattern claims this URL, if any.

    A page ingested by hand (`govarchive ingest`) that a source would have crawled
    belongs to that source, so `documents.source` does not depend on how it came in.
    A configuration that cannot be read claims nothing (ingest must still work).
    """
    key = os.environ.get("GOVARCHIVE_SOURCES", "")
    if key not in _CLAIMS:
        try:
            _CLAIMS[key] = list(load_sources().values())
        except (OSError, ValueError, tomllib.TOMLDecodeError):
            _CLAIMS[key] = []
    return next((s.name for s in _CLAIMS[key] if s.is_article(url)), None)
