"""A crawl's progress bar on the terminal (stderr): pages stored and what became of them."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from warehouse.crawl_runs import RunCounts


@contextlib.contextmanager
def progress_bar(enabled: bool, label: str, total: int) -> Iterator[Callable[[int, RunCounts], None]]:
    """A progress bar on the terminal (stderr); a no-op callback elsewhere."""
    if not enabled:
        yield lambda n, counts: None
        return
    with Progress(
        TextColumn("[bold]{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[detail]}"), TimeElapsedColumn(), console=Console(stderr=True),
    ) as progress:  # fmt: skip
        task_id = progress.add_task(label, total=total, detail="")

        def advance(n: int, c: RunCounts) -> None:
            progress.update(task_id, advance=n,
                            detail=f"new {c.new} changed {c.changed} failed {c.failed}")  # fmt: skip

        yield advance
