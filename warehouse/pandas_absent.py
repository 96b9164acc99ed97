"""Tell DuckDB's Python client at once that pandas is not installed, instead of searching each time.

DuckDB 1.5.5 tries `import pandas` about twice for each bound parameter of an
`execute(sql, params)` (to recognise pandas' NA and Timestamp values). govarchive does
not install pandas, so every try is a failed import: a search of every `sys.path` entry
on disk. Measured: half of a 1.1 ms parameterized insert; in a 64-host `crawl all`,
11,900 such searches took 5.9 s of the archive writer thread's 42 s (cProfile).

A finder first in `sys.meta_path` answers those imports with the same
ModuleNotFoundError, without the search. It does so only for an import statement (its
caller is the import system's `_find_and_load_unlocked`): a probe such as
`importlib.util.find_spec("pandas")` still gets None, as the standard finders answer. On
an interpreter whose import system is laid out otherwise the finder answers None
throughout, i.e. the search happens as before: slower, never wrong. (A `None` in
`sys.modules` is the documented way to block an import, but DuckDB's import cache then
takes `sys.modules["pandas"]` for a loaded pandas and fails on it.) The finder is added
only when pandas cannot be found: where pandas is installed, nothing changes.
"""

from __future__ import annotations

import importlib.abc
import importlib.util
import sys
from collections.abc import Sequence
from types import ModuleType

ABSENT = "pandas"


class _Absent(importlib.abc.MetaPathFinder):
    """Fails the import of ABSENT (and its submodules) at once."""

    def find_spec(self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None) -> None:
        if fullname != ABSENT and not fullname.startswith(ABSENT + "."):
            return None
        caller = sys._getframe(2)  # import statement: _find_and_load_unlocked -> _find_spec -> here
        if caller.f_code.co_name == "_find_and_load_unlocked":
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None  # a probe (importlib.util.find_spec): the standard answer


def mark_pandas_absent() -> bool:
    """Make `import pandas` fail fast if pandas is not installed; True when it does now."""
    if any(isinstance(finder, _Absent) for finder in sys.meta_path):
        return True
    if ABSENT in sys.modules or importlib.util.find_spec(ABSENT) is not None:
        return False
    sys.meta_path.insert(0, _Absent())
    return True
