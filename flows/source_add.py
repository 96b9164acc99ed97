"""`govarchive sources add LISTING_URL`: a column of a known platform, probed, then appended.

A listing URL is recognised by a platform's `listing_match` (sources.toml), which yields
the column; the new entry names platform, host and column and nothing else, so the
platform's templates stay the one place its URL shapes are written. The entry is probed
exactly like `sources check` before it is written, and the file is validated with it
before anything is appended: a typo never lands in the configuration.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from flows.check import CheckResult, check_source
from flows.sources import ConfigError, config_path, load_platforms, load_sources

DEFAULT_SCHEDULE = "0 7 * * *"


@dataclass(slots=True)
class Recognised:
    platform: str
    scheme: str
    host: str
    column: str


@dataclass(slots=True)
class Added:
    name: str
    file: Path
    check: CheckResult
    written: bool
    entry: str


def recognise(url: str, path: str | Path | None = None) -> Recognised:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ValueError(f"{url!r} is not an http(s) URL")
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    for name, platform in load_platforms(path).items():
        if platform.listing_match:
            m = re.search(platform.listing_match, target)
            if m:
                return Recognised(name, parts.scheme, parts.netloc.lower(), m.group("column"))
    known = ", ".join(n for n, p in load_platforms(path).items() if p.listing_match)
    raise ValueError(f"{url} is not a listing URL of a known platform ({known})")


def default_name(r: Recognised) -> str:
    label = r.host.split(":")[0].split(".")[0]
    return re.sub(r"[^A-Za-z0-9_-]+", "-", f"{label}-{r.column}").strip("-")


def _toml_string(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def entry_text(name: str, r: Recognised, title: str, schedule: str) -> str:
    lines = [f"[sources.{name}]", f"title = {_toml_string(title)}", f"platform = {_toml_string(r.platform)}",
             f"host = {_toml_string(r.host)}", f"column = {_toml_string(r.column)}"]  # fmt: skip
    if r.scheme != "https":
        lines.append(f"scheme = {_toml_string(r.scheme)}")
    lines.append(f"schedule = {_toml_string(schedule)}")
    return "\n".join(lines) + "\n"


def _with_entry(where: Path, entry: str) -> str:
    text = where.read_text(encoding="utf-8") if where.exists() else ""
    return text.rstrip("\n") + ("\n\n" if text.strip() else "") + entry


def _validated(where: Path, text: str, name: str):  # noqa: ANN202 - Source
    """Load the file as it would be with the entry; errors are reported against `where`."""
    with tempfile.TemporaryDirectory() as tmp:
        probe = Path(tmp) / where.name
        probe.write_text(text, encoding="utf-8")
        try:
            return load_sources(probe)[name]
        except ConfigError as exc:
            raise ConfigError(str(exc).replace(str(probe), str(where))) from exc


async def add_source(url: str, *, name: str | None = None, schedule: str = DEFAULT_SCHEDULE,
                     path: str | Path | None = None, allow_private: bool = False) -> Added:  # fmt: skip
    where = config_path(path)
    r = recognise(url, path)
    name = name or default_name(r)
    if name in load_sources(path):
        raise ConfigError(f"{where}: source {name!r}: duplicate name (already configured); pick --name")
    placeholder = entry_text(name, r, name, schedule)
    source = _validated(where, _with_entry(where, placeholder), name)
    result = await check_source(source, allow_private=allow_private)
    entry = entry_text(name, r, result.column_title or name, schedule)
    if not result.ok:
        return Added(name, where, result, False, entry)
    text = _with_entry(where, entry)
    _validated(where, text, name)
    where.write_text(text, encoding="utf-8")
    return Added(name, where, result, True, entry)
