"""Every setting of govarchive in one typed object, read from the environment at the edge.

The CLI and each flow entry build it once (`Settings.from_env`) and pin it for the run
(`use`); code below asks `current()` when it needs a value, never `os.environ` and never
at import time, so one run sees one set of values and a test can state its own. A value
that must cross into a worker process travels inside the worker's start request, not by
environment variable.

Each field names its variable and says what it does (`doc`); README's "Settings" table
lists the same variables, and `tests/setup/test_settings_documented.py` fails when the
two differ. Invalid values fail at the edge with one line naming the variable.

This package imports nothing of the project's, so every layer (flows, web, warehouse) may
use it (see the import-linter contract in pyproject.toml).
"""

from __future__ import annotations

import contextlib
import contextvars
import dataclasses
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any


class SettingError(ValueError):
    """A variable holds a value its setting cannot take."""


def _setting(env: str, default: Any, doc: str) -> Any:
    return field(default=default, metadata={"env": env, "doc": doc})


@dataclass(frozen=True, slots=True)
class Settings:
    # where things are
    db: str | None = _setting("GOVARCHIVE_DB", None, "the archive file (default ./data/archive.duckdb)")
    sources: str | None = _setting("GOVARCHIVE_SOURCES", None, "another sources file than the shipped one")
    home: str | None = _setting("GOVARCHIVE_HOME", None, "for workers: the checkout crawls run from")
    pywb_python: str | None = _setting("GOVARCHIVE_PYWB_PYTHON", None, "the Python that has pywb")
    # fetching
    allow_private: bool = _setting("GOVARCHIVE_ALLOW_PRIVATE", False, "ingest/parse may fetch private addresses")
    pace_dir: str | None = _setting(
        "GOVARCHIVE_PACE_DIR", None, "where crawl processes share each host's pace (`off`: each paces alone)"
    )
    # the archive file
    lock_wait: float = _setting("GOVARCHIVE_LOCK_WAIT", 30.0, "seconds to wait for the archive file")
    writer_memory: str = _setting("GOVARCHIVE_WRITER_MEMORY", "128MB", "DuckDB cap of a writing connection")
    worker_memory: str = _setting("GOVARCHIVE_WORKER_MEMORY", "64MB", "DuckDB cap in the store worker")
    bulk_memory: str = _setting("GOVARCHIVE_BULK_MEMORY", "1GB", "DuckDB cap of a bulk load")
    writer_threads: int = _setting("GOVARCHIVE_WRITER_THREADS", 1, "DuckDB threads of a writer")
    checkpoint_threshold: str = _setting("GOVARCHIVE_CHECKPOINT_THRESHOLD", "1GB", "WAL size that checkpoints")
    allocator_flush: str | None = _setting(
        "GOVARCHIVE_ALLOCATOR_FLUSH", None, "DuckDB allocator_flush_threshold (128MB; 16MB in the store worker)"
    )
    # crawling
    store_worker: str = _setting("GOVARCHIVE_STORE_WORKER", "auto", "auto | 0 | always: a store worker process")
    hold_seconds: float = _setting("GOVARCHIVE_HOLD_SECONDS", 3.0, "seconds a crawl keeps the file between batches")
    hold_mb: float = _setting("GOVARCHIVE_HOLD_MB", 8.0, "... and at most this many MB of pages")
    crawl_sources: int = _setting("GOVARCHIVE_CRAWL_SOURCES", 128, "crawl all: sources fetching at once")
    crawl_retries: int = _setting("GOVARCHIVE_CRAWL_RETRIES", 2, "Prefect retries of a crawl that could not run")
    crawl_retry_delay: int = _setting("GOVARCHIVE_CRAWL_RETRY_DELAY", 60, "seconds between those retries")
    # Prefect
    prefect_port: int = _setting("GOVARCHIVE_PREFECT_PORT", 4200, "port of `govarchive serve`'s server (Prefect's own default)")
    ephemeral_api: str = _setting("GOVARCHIVE_EPHEMERAL_API", "child", "child | prefect: who starts the temporary API")
    # attachments
    attachment_text: bool = _setting("GOVARCHIVE_ATTACHMENT_TEXT", True, "read attachments' text during a crawl")
    attachment_memory_mb: float = _setting("GOVARCHIVE_ATTACHMENT_MEMORY_MB", 1024.0, "RLIMIT_AS of the reader")
    attachment_timeout: float = _setting("GOVARCHIVE_ATTACHMENT_TIMEOUT", 60.0, "seconds per attachment")
    attachment_cpu_seconds: int = _setting("GOVARCHIVE_ATTACHMENT_CPU_SECONDS", 0, "RLIMIT_CPU of the reader")
    convert_timeout: float = _setting("GOVARCHIVE_CONVERT_TIMEOUT", 60.0, "seconds per DOC/WPS conversion")
    doc_converters: tuple[str, ...] = _setting(
        "GOVARCHIVE_DOC_CONVERTERS", ("antiword", "libreoffice"), "DOC/WPS converters, in order"
    )
    ocr_languages: str = _setting("GOVARCHIVE_OCR_LANGUAGES", "chi_sim+eng", "tesseract languages")
    # the web app
    web_wait: float = _setting("GOVARCHIVE_WEB_WAIT", 5.0, "seconds a page waits for a crawl's hold")
    web_keep: float = _setting("GOVARCHIVE_WEB_KEEP", 5.0, "seconds the web app keeps its read connection")
    # errors
    debug: bool = _setting("GOVARCHIVE_DEBUG", False, "tracebacks instead of one-line errors")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings the environment states; SettingError names a bad variable."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = environ.get(f.metadata["env"])
            if raw is None or (raw == "" and f.default is None):
                continue
            values[f.name] = _convert(f, raw)
        return cls(**values)

    def environment(self) -> dict[str, str]:
        """The variables that state these settings (for a child process that reads them at its edge)."""
        out = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if value is None:
                continue
            if isinstance(value, bool):
                value = "1" if value else "0"
            elif isinstance(value, tuple):
                value = ",".join(value)
            out[f.metadata["env"]] = str(value)
        return out

    def of_variable(self, name: str) -> Any:
        """The value of the setting that variable `name` states."""
        for f in dataclasses.fields(self):
            if f.metadata["env"] == name:
                return getattr(self, f.name)
        raise KeyError(name)

    def replace(self, **changes: Any) -> Settings:
        return dataclasses.replace(self, **changes)


def documented() -> dict[str, str]:
    """Variable name -> what it does, for every setting."""
    return {f.metadata["env"]: f.metadata["doc"] for f in dataclasses.fields(Settings)}


_FALSE = ("", "0", "false", "no", "off")


def _convert(f: dataclasses.Field, raw: str) -> Any:
    kind = type(f.default) if f.default is not None else str
    try:
        if kind is bool:
            return raw.strip().lower() not in _FALSE
        if kind is tuple:
            return tuple(p.strip() for p in raw.split(",") if p.strip())
        if kind is int:
            return int(raw)
        if kind is float:
            return float(raw)
        return raw
    except ValueError:
        raise SettingError(f"{f.metadata['env']}={raw!r}: not a {kind.__name__}") from None


_PINNED: contextvars.ContextVar[Settings | None] = contextvars.ContextVar("govarchive_settings", default=None)
_PROCESS: list[Settings] = []  # pinned for the whole process, every thread (a worker's entry)


def current() -> Settings:
    """The run's settings: those pinned by the edge, else the environment's as it is now."""
    pinned = _PINNED.get()
    if pinned is not None:
        return pinned
    return _PROCESS[0] if _PROCESS else Settings.from_env()


@contextlib.contextmanager
def use(settings: Settings) -> Iterator[Settings]:
    """Pin `settings` for what runs inside (the CLI's command, a flow run, a worker, a test)."""
    token = _PINNED.set(settings)
    try:
        yield settings
    finally:
        _PINNED.reset(token)


@contextlib.contextmanager
def edge() -> Iterator[Settings]:
    """At an entry point (a flow run, a command): the settings already pinned by whoever
    called it, else the environment's, pinned for what runs inside."""
    pinned = _PINNED.get() or (_PROCESS[0] if _PROCESS else None)
    if pinned is not None:
        yield pinned
        return
    with use(Settings.from_env()) as own:
        yield own


def pin(settings: Settings) -> None:
    """Pin `settings` for the rest of this process, all its threads (a worker's entry point)."""
    _PROCESS[:] = [settings]
