"""`govarchive replay`: the raw archive (WARC) in pywb, indexed from the archive's own
`fetches` table (warehouse/replay_index.py) instead of a re-scan of the WARC files.

pywb runs in its own virtual environment (`make replay-venv` makes `.venv-replay/`;
`GOVARCHIVE_PYWB_PYTHON` names another interpreter that has pywb): its pinned
dependencies (redis 2.10, ...) cannot share an environment with Prefect's. The index
is a snapshot taken at start: restart to replay captures crawled since.
"""

from __future__ import annotations

import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

import settings
from warehouse import replay_index

ROOT = Path(__file__).resolve().parents[1]
RUNNER = Path(__file__).with_name("pywb_runner.py")
COLLECTION = "archive"


class ReplayError(RuntimeError):
    """pywb is missing or could not start."""


def pywb_python() -> str:
    """The interpreter that has pywb."""
    named = settings.current().pywb_python
    if named:
        if not shutil.which(named):
            raise ReplayError(f"GOVARCHIVE_PYWB_PYTHON={named} is not an executable")
        return named
    local = ROOT / ".venv-replay" / "bin" / "python"
    if local.exists():
        return str(local)
    raise ReplayError(
        "pywb is not installed: run `make replay-venv` (a separate .venv-replay/), or set "
        "GOVARCHIVE_PYWB_PYTHON to a Python that has pywb==2.10.0"
    )


def prepare(db: Path, run_dir: Path) -> tuple[Path, list[replay_index.Capture]]:
    """Write the replay set (capture list, 304 revisit records) into run_dir."""
    captures = replay_index.build_for_archive(db, run_dir)
    listing = run_dir / "captures.jsonl"
    replay_index.write_jsonl(captures, listing)
    return listing, captures


def start(db: Path, run_dir: Path, *, host: str = "127.0.0.1", port: int = 8322) -> subprocess.Popen[bytes]:
    """Start pywb on the archive (returns at once; the caller stops the process)."""
    python = pywb_python()
    listing, captures = prepare(db, run_dir)
    root = db.resolve().parent
    revisits = sum(c.confirmed_by_304 for c in captures)
    print(
        f"govarchive replay: http://{host}:{port}/{COLLECTION}/ ({len(captures)} captures, "
        f"{revisits} 304s replayed as the page they confirmed; archive {db})",
        file=sys.stderr,
        flush=True,
    )
    return subprocess.Popen(
        [python, str(RUNNER), str(run_dir), str(listing), str(root), host, str(port)],
        cwd=run_dir,
        start_new_session=True,
    )


def run_replay(db: Path, *, host: str = "127.0.0.1", port: int = 8322) -> int:
    """Serve until interrupted; SIGINT/SIGTERM stop pywb too."""
    from web.serve import is_loopback

    if not is_loopback(host):
        print(f"warning: replay on {host} is reachable from other machines", file=sys.stderr)
    run_dir = Path(tempfile.mkdtemp(prefix="govarchive-replay-"))
    proc: subprocess.Popen[bytes] | None = None

    def stop(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        proc = start(db, run_dir, host=host, port=port)
        return proc.wait()
    except KeyboardInterrupt:
        return 0
    finally:
        signal.signal(signal.SIGTERM, previous)
        if proc is not None and proc.poll() is None:
            proc.terminate()
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
        shutil.rmtree(run_dir, ignore_errors=True)
