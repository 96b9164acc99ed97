"""The per-host pace ledger (flows/host_ledger.py): its rule, its line, its file, and the dead."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from flows.host_ledger import (
    KEEP,
    PENDING,
    WAITING,
    WINDOW_SLACK,
    Entry,
    HostLedger,
    _current,
    earliest,
    file_name,
    ledger_for,
)


def _sent(at: float, interval: float = 0.5, pid: int | None = None, seq: int = 1) -> Entry:
    return Entry(at, interval, pid or os.getpid(), seq)


def test_the_rule_is_the_in_process_one_over_every_process_s_starts() -> None:
    now = 100.0
    assert earliest([], 0.5, now) == now  # nobody has asked the host lately
    # the interval after the latest start, whoever made it
    assert earliest([_sent(99.9, pid=1)], 0.5, now) == pytest.approx(100.4)
    # rps 2: no 2 starts within 1 s + slack, even when the interval alone would allow it
    assert earliest([_sent(99.4, pid=1), _sent(99.9, pid=2)], 0.5, now) == pytest.approx(100.4 + WINDOW_SLACK)
    # the slowest pace declared recently binds (a process that read a Crawl-delay of 2 s)
    assert earliest([_sent(99.9, interval=2.0, pid=1)], 0.5, now) == pytest.approx(101.9)
    # a request let through but not yet on the wire counts as leaving now; a waiting one not at all
    assert earliest([Entry(99.0, 0.5, os.getpid(), 7, PENDING)], 0.5, now) == pytest.approx(100.5)
    assert earliest([Entry(99.0, 0.5, os.getpid(), 8, WAITING, until=200.0)], 0.5, now) == now


def test_dead_and_old_entries_hold_nobody() -> None:
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    dead = int(gone.stdout)
    now = 1000.0
    entries = [
        Entry(999.9, 0.5, dead, 1, PENDING),  # its process died before sending
        Entry(960.0, 0.5, os.getpid(), 2, PENDING),  # pending 40 s: it never left
        _sent(998.0, seq=3),  # sent 2 s ago at 0.5 s: outside every rule
        _sent(990.0, interval=20.0, seq=4),  # a 20 s Crawl-delay still holds 10 s later
        _sent(999.8, seq=5),
        Entry(999.0, 0.5, os.getpid(), 6, WAITING, until=999.5),  # did not come back in time
        Entry(999.0, 0.5, dead, 7, WAITING, until=1001.0),  # its process died waiting
        Entry(999.0, 0.5, os.getpid(), 8, WAITING, until=1001.0),
    ]
    assert [e.seq for e in _current(entries, now, 0.5)] == [4, 5, 8]
    # ... but a request at a 3 s pace (it read a Crawl-delay) still waits for the one 2 s ago
    assert [e.seq for e in _current(entries, now, 3.0)] == [3, 4, 5, 8]
    line = Entry(999.0, 0.5, 42, 8, WAITING, until=1001.0).line()
    assert Entry.parse(line) == Entry(999.0, 0.5, 42, 8, WAITING, until=1001.0)
    assert Entry.parse("an unreadable line") is None


def test_two_ledgers_on_one_file_take_turns_in_line_and_the_file_stays_small(tmp_path: Path) -> None:
    path = tmp_path / file_name("user@Kjj.Example.gov.cn:8080")
    assert path.name == "kjj.example.gov.cn_8080"
    mine, theirs = HostLedger(path), HostLedger(path)
    first = mine.ticket()
    go, at = mine.reserve(0.5, first)
    assert go
    # the other is told to ask again soon (ours is pending: it leaves any moment) ...
    waiting = theirs.ticket()
    go, again = theirs.reserve(0.5, waiting)
    assert not go and again > at
    mine.sent(first, at + 0.01)
    # ... and, once ours is on the wire, the interval after its send time
    go, again = theirs.reserve(0.5, waiting)
    assert not go and again == pytest.approx(at + 0.51, abs=1e-5)
    states = [line.split()[4] for line in path.read_text().splitlines()]
    assert states == ["s", "w"]
    # when the slot comes, the request that has waited goes first, not a newcomer
    path.write_text(path.read_text().replace(f"{at + 0.01:.6f}", f"{at - 0.6:.6f}", 1))  # the slot is here
    newcomer = mine.ticket()
    assert mine.reserve(0.5, newcomer)[0] is False
    assert theirs.reserve(0.5, waiting)[0] is True
    # a request that stops waiting leaves the line
    theirs.sent(waiting, at)
    mine.withdraw(newcomer)
    assert [line.split()[4] for line in path.read_text().splitlines()] == ["s", "s"]
    # a 60 s pace declared by anyone holds everyone
    path.write_text(_sent(at - 5, interval=60.0, pid=1).line() + "an unreadable line is skipped\n")
    assert theirs.reserve(0.5, theirs.ticket())[0] is False
    # however many requests, at most KEEP entries are kept
    path.write_text("".join(_sent(at - 0.5 + 0.001 * k, interval=1e-4, seq=k).line() for k in range(KEEP + 5)))
    assert theirs.reserve(1e-4, theirs.ticket())[0] is True
    assert len(path.read_text().splitlines()) == KEEP


def test_an_unusable_directory_never_stops_a_crawl(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # removed under a running crawl (a temp cleaner): made again
    ledger = HostLedger(tmp_path / "gone" / "h")
    assert ledger.reserve(0.5, 1)[0] and (tmp_path / "gone" / "h").exists()
    # a file where the directory should be: the process paces the host alone
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("GOVARCHIVE_PACE_DIR", str(tmp_path / "file" / "pace"))
    assert ledger_for("127.0.0.2:80") is None
    broken = HostLedger(tmp_path / "file" / "h")
    assert broken.reserve(0.5, 1)[0] and broken.broken
    broken.sent(1, 1.0)
    monkeypatch.setenv("GOVARCHIVE_PACE_DIR", "off")
    assert ledger_for("127.0.0.2:80") is None
