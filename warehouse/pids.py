"""Whether a process id still names a live process: how a file's writer is known to be gone.

A WARC file's name carries its writer's pid (warehouse/orphans.py: a live writer may still
append to it), and so does a host ledger's entry (flows/host_ledger.py: a dead process's
turn is skipped). Signal 0 asks the kernel without touching the process; another user's
process answers PermissionError, which still means alive.
"""

from __future__ import annotations

import os


def alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process, alive
        return True
    return True
