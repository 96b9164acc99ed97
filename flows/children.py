"""The processes a command starts (Prefect servers, store workers, served crawls) end with it.

Two mechanisms, because neither covers every way a command ends: `stop_tree` when it
ends cleanly (Ctrl-C, SIGTERM turned into KeyboardInterrupt, the end of the run), and
Linux's parent-death signal for a child whose parent was killed outright (SIGKILL).
"""

from __future__ import annotations

import contextlib
import signal


def die_with_parent() -> None:  # pragma: no cover - runs in the child, between fork and exec
    """`preexec_fn` for Popen: the child gets SIGTERM when its parent dies (Linux only)."""
    with contextlib.suppress(Exception):
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def stop_tree(grace: float = 10) -> None:
    """Terminate every process this one started, give them `grace` seconds, kill stragglers."""
    import psutil

    children = psutil.Process().children(recursive=True)
    for child in children:
        with contextlib.suppress(psutil.Error):
            child.terminate()
    _gone, alive = psutil.wait_procs(children, timeout=grace)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()


def sigterm_as_interrupt() -> None:
    """SIGTERM unwinds like Ctrl-C (finally blocks run, children are stopped), not a bare exit."""

    def handler(_signum: int, _frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, handler)
