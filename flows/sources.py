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

import settings
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
    column: str | None = None  # the platform's column id/path, for a platform-templated entry
    guessed: tuple[str, ...] = ()  # keys whose values are guesses `sources check` must confirm
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


class ConfigError(ValueError):
    """A bad sources file: one line naming the file, the source (or platform) and the key."""


# Keys a source entry may carry; `host`, `scheme` and `column` fill a platform's templates.
ENTRY_KEYS = frozenset({
    "title", "platform", "start_urls", "allowed_hosts", "article_pattern", "pagination",
    "schedule", "schedule_timezone", "rps", "concurrency", "respect_robots",
    "max_listing_pages", "download_attachments", "attachment_max_bytes", "attachment_types",
    "host", "scheme", "column", "guessed",
})  # fmt: skip
# Keys of a `[platforms.NAME]` template (and any source key, as that platform's default).
PLATFORM_KEYS = frozenset({"listing", "listing_match"}) | ENTRY_KEYS - {"title", "host", "column"}
PAGINATION_STYLES = ("trs", "query")
# Politeness is owed per host: sources on one host must agree on it (one limiter per host).
HOST_KEYS = ("rps", "concurrency", "respect_robots")


@dataclass(frozen=True, slots=True)
class Platform:
    """A CMS's URL shapes, written once in the sources file: a source names platform, host, column.

    `listing` builds the start URL from {scheme}, {host} and {column}; `listing_match`
    (a regex with a `column` group, on path and query) recognises a listing URL of the
    platform (`govarchive sources add`); `{column}` in `article_pattern` stands for the
    column, regex-escaped. Every other key is a default for the platform's sources.
    """

    name: str
    listing: str | None
    listing_match: str | None
    defaults: dict[str, object]


def config_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The sources file in use: the argument, $GOVARCHIVE_SOURCES, or the shipped one."""
    chosen = path or settings.current().sources
    return Path(chosen) if chosen else _shipped()


_TWICE = re.compile(r"Cannot declare \('sources', '([^']+)'\) twice")


def _parse(where: Path) -> dict:
    try:
        return tomllib.loads(where.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"{where}: no such sources file") from exc
    except tomllib.TOMLDecodeError as exc:
        m = _TWICE.search(str(exc))
        if m:
            raise ConfigError(f"{where}: source {m.group(1)!r}: duplicate name ({exc})") from exc
        raise ConfigError(f"{where}: not valid TOML: {exc}") from exc


def _cron_problem(expr: object) -> str | None:
    """Why a schedule is not a 5-field cron expression Prefect would take, or None."""
    import datetime as dt

    from cronsim import CronSim, CronSimError

    if not isinstance(expr, str) or len(expr.split()) != 5:
        return f"{expr!r} is not a cron expression of 5 fields (minute hour day month weekday)"
    try:
        CronSim(expr, dt.datetime(2024, 1, 1))
    except CronSimError as exc:
        return f"{expr!r} is not a valid cron expression ({exc})"
    return None


def _platforms(data: dict, where: Path) -> dict[str, Platform]:
    out: dict[str, Platform] = {}
    for name, entry in (data.get("platforms") or {}).items():
        unknown = sorted(set(entry) - PLATFORM_KEYS)
        if unknown:
            raise ConfigError(f"{where}: platform {name!r}, key {unknown[0]!r}: unknown key")
        match = entry.get("listing_match")
        if match is not None:
            try:
                if "column" not in re.compile(match).groupindex:
                    raise ConfigError(f"{where}: platform {name!r}, key 'listing_match': "
                                      "needs a (?P<column>...) group")  # fmt: skip
            except re.error as exc:
                raise ConfigError(f"{where}: platform {name!r}, key 'listing_match': "
                                  f"bad regular expression: {exc}") from exc  # fmt: skip
        defaults = {k: v for k, v in entry.items() if k not in ("listing", "listing_match")}
        out[name] = Platform(name, entry.get("listing"), match, defaults)
    return out


def _fill(template: str, values: dict[str, str], *, regex: bool = False) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", re.escape(value) if regex else value)
    return template


def _merged(name: str, entry: dict, defaults: dict, platforms: dict[str, Platform], where: Path) -> dict:
    """The entry with its platform's templates filled in and defaults under it."""
    def bad(key: str, why: str) -> ConfigError:
        return ConfigError(f"{where}: source {name!r}, key {key!r}: {why}")

    unknown = sorted(set(entry) - ENTRY_KEYS)
    if unknown:
        raise bad(unknown[0], f"unknown key (unknown keys {unknown}; known: {', '.join(sorted(ENTRY_KEYS))})")
    platform = platforms.get(str(entry.get("platform", defaults.get("platform", ""))))
    merged = {**defaults, **(platform.defaults if platform else {}), **entry}
    if "column" in merged or "host" in merged:
        if platform is None:
            raise bad("platform", f"{merged.get('platform', 'generic')!r} is not a platform of this file "
                                  f"(known: {', '.join(sorted(platforms)) or 'none'}), so host/column mean nothing")
        for key in ("host", "column"):
            if not isinstance(merged.get(key), str) or not merged[key]:
                raise bad(key, "missing (a platform source names its host and column)")
        values = {"host": merged["host"], "column": merged["column"],
                  "scheme": str(merged.get("scheme", "https"))}  # fmt: skip
        if "start_urls" not in entry and platform.listing:
            merged["start_urls"] = [_fill(platform.listing, values)]
        if "allowed_hosts" not in entry:
            merged["allowed_hosts"] = [merged["host"]]
        if "article_pattern" in merged and "article_pattern" not in entry:
            merged["article_pattern"] = _fill(merged["article_pattern"], values, regex=True)
    return merged


def _build(name: str, merged: dict, where: Path) -> Source:
    def bad(key: str, why: str) -> ConfigError:
        return ConfigError(f"{where}: source {name!r}, key {key!r}: {why}")

    for key in ("title", "start_urls", "allowed_hosts", "article_pattern", "pagination", "schedule"):
        if key not in merged:
            raise ConfigError(f"{where}: source {name!r}: missing key {key!r}")
    try:
        article_re = re.compile(merged["article_pattern"])
    except (re.error, TypeError) as exc:
        raise bad("article_pattern", f"bad regular expression: {exc}") from exc
    problem = _cron_problem(merged["schedule"])
    if problem:
        raise bad("schedule", problem)
    tz = merged.get("schedule_timezone", "Asia/Shanghai")
    try:
        import zoneinfo

        zoneinfo.ZoneInfo(tz)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise bad("schedule_timezone", f"{tz!r} is not a time zone name") from exc
    pg = merged["pagination"]
    try:
        pagination = Pagination(**pg)
    except TypeError as exc:
        raise bad("pagination", f"{exc}") from exc
    if pagination.style not in PAGINATION_STYLES:
        raise bad("pagination", f"style {pagination.style!r} is not one of {', '.join(PAGINATION_STYLES)}")
    starts = merged["start_urls"]
    if isinstance(starts, str) or not starts:
        raise bad("start_urls", "must be a non-empty list of URLs")
    for u in starts:
        if urlsplit(str(u)).scheme not in ("http", "https") or not urlsplit(str(u)).netloc:
            raise bad("start_urls", f"{u!r} is not an http(s) URL")
    try:
        return Source(
            name=name,
            title=merged["title"],
            platform=merged.get("platform", "generic"),
            start_urls=tuple(starts),
            allowed_hosts=frozenset(h.lower() for h in merged["allowed_hosts"]),
            article_pattern=merged["article_pattern"],
            pagination=pagination,
            schedule=merged["schedule"],
            schedule_timezone=tz,
            rps=float(merged.get("rps", 1.0)),
            concurrency=int(merged.get("concurrency", 2)),
            respect_robots=bool(merged.get("respect_robots", True)),
            max_listing_pages=int(merged.get("max_listing_pages", 200)),
            download_attachments=bool(merged.get("download_attachments", True)),
            attachment_max_bytes=int(merged.get("attachment_max_bytes", 50 * 1024 * 1024)),
            attachment_types=tuple(merged.get("attachment_types", ())),
            column=merged.get("column"),
            guessed=tuple(merged.get("guessed", ())),
            _article_re=article_re,
        )
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: source {name!r}: {exc}") from exc


def _collisions(sources: dict[str, Source], where: Path) -> None:
    """Two entries for one listing, or two sources on one host that disagree on its pace."""
    by_start: dict[str, str] = {}
    by_host: dict[str, Source] = {}
    for src in sources.values():
        for u in src.start_urls:
            if u in by_start:
                raise ConfigError(f"{where}: source {src.name!r}, key 'start_urls': {u} is already "
                                  f"the listing of source {by_start[u]!r}")  # fmt: skip
            by_start[u] = src.name
        for host in sorted({urlsplit(u).netloc.lower() for u in src.start_urls}):
            first = by_host.setdefault(host, src)
            for key in HOST_KEYS:
                if getattr(first, key) != getattr(src, key):
                    raise ConfigError(
                        f"{where}: source {src.name!r}, key {key!r}: host {host} is also crawled by "
                        f"{first.name!r} with {key} = {getattr(first, key)!r}, here "
                        f"{getattr(src, key)!r}; sources on one host share its pace, give them the same {key}"
                    )


def _shipped() -> Path:
    return Path(str(resources.files("flows").joinpath("sources.toml")))


def _all_platforms(data: dict, where: Path) -> dict[str, Platform]:
    """The shipped file's platforms, then this file's (which may add or replace some)."""
    shipped = _shipped()
    base = {} if where.resolve() == shipped.resolve() else _platforms(_parse(shipped), shipped)
    return {**base, **_platforms(data, where)}


def load_platforms(path: str | os.PathLike[str] | None = None) -> dict[str, Platform]:
    where = config_path(path)
    return _all_platforms(_parse(where), where)


def load_sources(path: str | os.PathLike[str] | None = None) -> dict[str, Source]:
    """All configured sources by name; a config error names the file, the entry and the key."""
    where = config_path(path)
    data = _parse(where)
    defaults = data.get("defaults", {})
    unknown = sorted(set(defaults) - ENTRY_KEYS)
    if unknown:
        raise ConfigError(f"{where}: [defaults], key {unknown[0]!r}: unknown key")
    platforms = _all_platforms(data, where)
    out: dict[str, Source] = {}
    for name, entry in (data.get("sources") or {}).items():
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: source {name!r}: not a table")
        out[name] = _build(name, _merged(name, entry, defaults, platforms, where), where)
    _collisions(out, where)
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
    key = settings.current().sources or ""
    if key not in _CLAIMS:
        try:
            _CLAIMS[key] = list(load_sources().values())
        except (OSError, ValueError, tomllib.TOMLDecodeError):
            _CLAIMS[key] = []
    return next((s.name for s in _CLAIMS[key] if s.is_article(url)), None)
