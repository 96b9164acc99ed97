"""A host's recent request starts, shared by every crawl process on the machine.

Politeness is owed to a host by the machine, not by a process: `govarchive serve` and
Prefect workers run each due source in a process of its own, so two sources on one host
that fall due at the same minute would each keep the host's pace and together send it
twice its rate. A `HostLedger` is one small file per host (`<pace dir>/<host_port>`) that
every process writes its request starts into; `HostLimiter.turn` (flows/hosts.py) lets a
request go only when the ledger agrees, by the same rule it applies in process (`earliest`).

How it stays safe and cheap:
- the file is read and rewritten under `fcntl.flock`, held for one read and one write of
  at most `KEEP` lines (a reserve that may go and its send together, two such holds, took
  ~200 µs median on a shared 2-core machine: bench/pace_bench.py), never across a sleep: a process that may not go
  releases the lock, sleeps until the computed time and asks again;
- a request is entered when it is let through (`reserve`, state pending) and its time
  replaced by the moment its headers left (`sent`), as the in-process pace counts from the
  send; while another process's request is pending, it counts as leaving now, so nobody
  follows it closer than the interval however late it leaves;
- turns go in line: a request that was told to wait is entered as waiting, and when a
  slot comes the one that has waited longest, of any process, takes it; without the line
  whoever woke first won, and under load one crawl took every turn until it was done;
- a dead process blocks nobody: the kernel drops its lock, its pending and waiting entries
  are ignored once its pid is gone (or after `PENDING_MAX` s, or when a waiter is not back
  `WAITER_GRACE` s after it meant to be), and old times age out;
- times are `time.monotonic()`, which on Linux is one clock (CLOCK_MONOTONIC) for every
  process of the machine, and immune to wall-clock jumps;
- the pace that binds is the slowest any process declared recently (each entry carries
  its process's interval), as `HostLimiter.tighten` does for sources within a process.

Not shared: the cap on requests in flight (`concurrency`). Across processes it would need
leases that outlive nobody (a crashed holder's slot), while at the paces used (1-2
requests/s against hosts answering in well under a second) the interval is what binds;
N processes on one host keep at most N × concurrency requests in flight.

The directory is the `GOVARCHIVE_PACE_DIR` setting, by default one per user in the
machine's temporary directory, so every process of the user agrees on it whatever its
working directory or archive; `off` paces each process alone.
"""

from __future__ import annotations

import contextlib
import fcntl
import itertools
import logging
import math
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import settings
from warehouse.pids import alive

WINDOW = 1.0  # the window "requests per second" is counted in (as flows/hosts.py)
WINDOW_SLACK = 0.05  # room for jitter between our send and the server's stamp of it
KEEP = 64  # entries kept per host: more than any window's worth at any sane rps
PENDING_MAX = 30.0  # a request let through but not sent after this long no longer holds others
POLL = 0.01  # how soon to ask again while another process's request is about to leave
ROUNDING = 1e-5  # times are written to the µs: our own next start may read as a hair late
WAITER_GRACE = 1.0  # a waiter not back this long after its wake-up time loses its place

log = logging.getLogger(__name__)
_SEQ = itertools.count(1)


SENT, PENDING, WAITING = "s", "p", "w"


@dataclass(frozen=True, slots=True)
class Entry:
    """One request of one process: when, at what interval its process paces the host, whose,
    and its state: sent (`at` is when its headers left), pending (let through at `at`, not
    yet on the wire) or waiting for its turn (since `at`; it asks again by `until`)."""

    at: float
    interval: float
    pid: int
    seq: int
    state: str = SENT
    until: float = 0.0

    @property
    def sent(self) -> bool:
        return self.state == SENT

    def line(self) -> str:
        return f"{self.at:.6f} {self.interval:.6f} {self.pid} {self.seq} {self.state} {self.until:.6f}\n"

    @classmethod
    def parse(cls, line: str) -> Entry | None:
        parts = line.split()
        if len(parts) != 6 or parts[4] not in (SENT, PENDING, WAITING):
            return None
        try:
            return cls(float(parts[0]), float(parts[1]), int(parts[2]), int(parts[3]), parts[4], float(parts[5]))
        except ValueError:
            return None


def per_window(interval: float) -> int:
    """How many sends may fall in one WINDOW at this interval: ceil(rps), at least 1."""
    return max(1, math.ceil(WINDOW / interval - 1e-9))


def window_bound(times: Sequence[float], interval: float) -> float:
    """The earliest start the window rule allows after sends at `times` (oldest first):
    no `per_window(interval)` starts within WINDOW + WINDOW_SLACK; -inf when it does not bind."""
    n = per_window(interval)
    return times[-n] + WINDOW + WINDOW_SLACK if len(times) >= n else -math.inf


def earliest(entries: list[Entry], interval: float, now: float) -> float:
    """When the next request may start, given the host's recent requests by any process.

    The rule of `HostLimiter.next_start`: at least the interval after the latest start, and
    no `ceil(rps)` starts within WINDOW + WINDOW_SLACK. The interval is the slowest that
    any recent entry's process declared, or ours; a pending entry counts as leaving now.
    """
    entries = [e for e in entries if e.state != WAITING]
    gap = max([interval, *(e.interval for e in entries)])
    if not entries or gap <= 0:
        return now
    times = sorted(e.at if e.sent else max(e.at, now) for e in entries)
    return max(times[-1] + gap, window_bound(times, gap))


def _current(entries: list[Entry], now: float, interval: float) -> list[Entry]:
    """The entries that still constrain a request at `interval`: recent, and not left
    pending by the dead."""
    keep = []
    for e in entries:
        if e.state == WAITING and (e.until < now or not alive(e.pid)):
            continue  # it did not come back for its turn: it has lost its place
        if e.state == PENDING and (now - e.at > PENDING_MAX or not alive(e.pid)):
            continue  # its request never left, or its process is gone: it holds nobody
        if e.sent and now - e.at > max(e.interval, interval, WINDOW + WINDOW_SLACK):
            continue  # aged out of every rule
        keep.append(e)
    return keep[-KEEP:]


def file_name(host: str) -> str:
    """`host[:port]` (userinfo dropped, lower-cased) as a safe file name."""
    host = host.rsplit("@", 1)[-1].lower()
    return re.sub(r"[^a-z0-9.-]", "_", host) or "_"


class HostLedger:
    """One host's file of recent requests; `reserve` before a request (until it may go),
    `sent` once it left, `withdraw` if it will not be made."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.broken = False  # the file could not be used: this process paces the host alone

    def _unusable(self, exc: OSError) -> None:
        self.broken = True
        _warn_once(self.path.parent, exc)

    @contextlib.contextmanager
    def _locked(self) -> Iterator[int]:
        """The file, open and locked for one read and write. Opened each time, not kept:
        a crawl of a thousand hosts keeps no thousand descriptors, and a forked child
        never shares its parent's lock; opening costs microseconds."""
        flags = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC
        try:
            fd = os.open(self.path, flags, 0o600)
        except FileNotFoundError:  # the directory went (a temp cleaner): make it again
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(self.path, flags, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield fd
        finally:
            os.close(fd)  # drops the lock too

    def _read(self, fd: int) -> list[Entry]:
        os.lseek(fd, 0, os.SEEK_SET)
        chunks = []
        while chunk := os.read(fd, 65536):
            chunks.append(chunk)
        text = b"".join(chunks).decode("ascii", errors="replace")
        return [e for e in map(Entry.parse, text.splitlines()) if e is not None]

    def _write(self, fd: int, entries: list[Entry]) -> None:
        data = "".join(e.line() for e in entries).encode("ascii")
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, data)
        os.ftruncate(fd, len(data))

    def ticket(self) -> int:
        """A new request's number (with our pid, its name in the file)."""
        return next(_SEQ)

    def reserve(self, interval: float, ticket: int) -> tuple[bool, float]:
        """(True, now) when request `ticket` may start now: entered as pending. Else (False,
        when to ask again), and it waits in line: the requests that have waited longest, of
        any process, go first, so a busy crawl cannot take every turn from another (without
        the line, whoever wakes first wins, and one crawl took a host for seconds on end).
        The lock is held only for this read and write. A file that cannot be used lets every
        request go, the in-process pace still holding."""
        if self.broken:
            return True, time.monotonic()
        try:
            return self._reserve(interval, ticket)
        except OSError as exc:
            self._unusable(exc)
            return True, time.monotonic()

    def _reserve(self, interval: float, ticket: int) -> tuple[bool, float]:
        pid = os.getpid()
        with self._locked() as fd:
            now = time.monotonic()
            entries = _current(self._read(fd), now, interval)
            mine = next((e for e in entries if e.pid == pid and e.seq == ticket), None)
            others = [e for e in entries if e is not mine]
            since = mine.at if mine is not None else now
            at = earliest(others, interval, now)
            ahead = any(e.state == WAITING and (e.at, e.pid, e.seq) < (since, pid, ticket) for e in others)
            if at <= now + ROUNDING and not ahead:
                others.append(Entry(now, interval, pid, ticket, PENDING))
                self._write(fd, others[-KEEP:])
                return True, now
            if at <= now + ROUNDING or any(e.state == PENDING for e in others):
                at = min(at, now + POLL) if at > now else now + POLL  # its turn, or a send, is imminent
            others.append(Entry(since, interval, pid, ticket, WAITING, until=at + WAITER_GRACE))
            self._write(fd, others[-KEEP:])
            return False, at

    def withdraw(self, ticket: int) -> None:
        """Request `ticket` will not be made (cancelled while it waited): out of the line."""
        self._update(ticket, lambda e: None)

    def sent(self, ticket: int, at: float) -> None:
        """Request `ticket` left at `at` (monotonic): its entry now counts from then."""
        self._update(ticket, lambda e: Entry(max(e.at, at), e.interval, e.pid, e.seq, SENT))

    def _update(self, ticket: int, change: Callable[[Entry], Entry | None]) -> None:
        if self.broken:
            return
        pid = os.getpid()
        try:
            with self._locked() as fd:
                entries = self._read(fd)
                for k, e in enumerate(entries):
                    if e.pid == pid and e.seq == ticket:
                        new = change(e)
                        entries[k : k + 1] = [] if new is None else [new]
                        self._write(fd, entries)
                        return
                # not there: pushed out by KEEP newer entries, long past
        except OSError as exc:
            self._unusable(exc)


_WARNED: set[Path] = set()


def _warn_once(where: Path, exc: OSError) -> None:
    if where not in _WARNED:
        _WARNED.add(where)
        log.warning("pace ledger %s unusable (%s): its hosts are paced by this process alone", where, exc)


def pace_dir() -> Path | None:
    """The directory every crawl process of this user shares, or None (`off`)."""
    chosen = settings.current().pace_dir
    if chosen is not None and chosen.strip().lower() == "off":
        return None
    return Path(chosen) if chosen else Path(tempfile.gettempdir()) / f"govarchive-pace-{os.getuid()}"


def ledger_for(host: str) -> HostLedger | None:
    """This host's ledger in the shared directory; None when off or the directory is unusable
    (then this process paces the host alone, and says so once: a crawl is not stopped by it)."""
    where = pace_dir()
    if where is None:
        return None
    ledger = HostLedger(where / file_name(host))
    try:
        where.mkdir(mode=0o700, parents=True, exist_ok=True)
        with ledger._locked():
            pass
    except OSError as exc:
        _warn_once(where, exc)
        return None
    return ledger
