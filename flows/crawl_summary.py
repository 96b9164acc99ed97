"""What a crawl reports: its summary (a line, a Markdown artifact) and the two ways it fails."""

from __future__ import annotations

from dataclasses import dataclass, field

from warehouse.crawl_runs import RunCounts


class CrawlFailed(RuntimeError):
    """The crawl could not do its job at all (no listing page readable): exit non-zero."""


class CrawlNotRun(RuntimeError):
    """Raised by the Prefect flow when its crawl could not run, so the flow run ends `Failed`
    (retries, automations and notifications see it); carries the run's summary."""

    def __init__(self, *summaries: CrawlSummary) -> None:
        failed = [s for s in summaries if s.status == "failed"] or list(summaries)
        super().__init__("\n".join(s.line() for s in failed))
        self.summaries = list(summaries)

    def __reduce__(self) -> tuple[type, tuple[CrawlSummary, ...]]:  # Prefect may persist it
        return (CrawlNotRun, tuple(self.summaries))


@dataclass(slots=True)
class CrawlSummary:
    run_id: str
    source: str
    status: str
    counts: RunCounts
    notes: list[str] = field(default_factory=list)

    def line(self) -> str:
        c = self.counts
        text = (
            f"{self.source}: {self.status} — discovered {c.discovered}, fetched {c.fetched}, "
            f"new {c.new}, changed {c.changed}, unchanged {c.unchanged}, failed {c.failed} "
            f"(run {self.run_id})"
        )
        return text + "".join(f"\n  note: {n}" for n in self.notes)

    def markdown(self) -> str:
        """The run as the Prefect UI shows it (a Markdown artifact)."""
        c = self.counts
        rows = [("discovered", c.discovered), ("fetched", c.fetched), ("new", c.new),
                ("changed", c.changed), ("unchanged", c.unchanged), ("failed", c.failed)]  # fmt: skip
        lines = [f"# {self.source}: {self.status}", "", f"Run `{self.run_id}`", "",
                 "| count | pages |", "|---|---:|", *(f"| {k} | {v} |" for k, v in rows)]  # fmt: skip
        if self.notes:
            lines += ["", "## Notes", "", *(f"- {n}" for n in self.notes)]
        if c.failed:
            lines += ["", f"{c.failed} page(s) failed: `govarchive query \"SELECT url, error FROM fetches"
                      f" WHERE run_id = '{self.run_id}' AND error IS NOT NULL\"` lists them."]  # fmt: skip
        return "\n".join(lines) + "\n"
