"""A full disk is the user's to fix, not a bug: say so in one line instead of a traceback.

DuckDB reports ENOSPC as its own IOException/TransactionException with the OS text in
the message; Python file writes (the WARC side) raise OSError with an errno. Both are
recognised here so the CLI can fail the run cleanly. What was committed before the
failure stays (the archive is written batch by batch); running again after freeing
space resumes from the frontier.
"""

from __future__ import annotations

import errno

_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG}
_TEXTS = ("No space left on device", "Disk quota exceeded", "File too large")


def storage_problem(exc: BaseException) -> str | None:
    """A one-line explanation when `exc` (or what caused it) is a full disk, else None."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        text = str(current)
        if (isinstance(current, OSError) and current.errno in _ERRNOS) or any(t in text for t in _TEXTS):
            reason = next((t for t in _TEXTS if t in text), None) or (
                current.strerror if isinstance(current, OSError) else None
            )
            return (
                f"the archive could not be written ({reason or 'disk full'}); work committed "
                "before this point is kept: free some space and run the command again to resume"
            )
        current = current.__cause__ or current.__context__
    return None
