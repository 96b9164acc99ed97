"""`govarchive serve`: every configured source as a Prefect deployment on its cron schedule.

`prefect.serve` runs the schedules in this process (ephemeral API by default, or the
server named by PREFECT_API_URL); `prefect.yaml` at the repository root describes the
same deployments for a Prefect server with workers.
"""

from __future__ import annotations

from prefect import serve
from prefect.schedules import Cron

from flows.crawl import CrawlOptions, crawl_source
from flows.sources import load_sources


def deployments(db: str | None = None) -> list:
    out = []
    for src in load_sources().values():
        out.append(
            crawl_source.to_deployment(
                name=src.name,
                schedule=Cron(src.schedule, timezone=src.schedule_timezone),
                parameters={"source_name": src.name, "db": db, "options": CrawlOptions()},
                description=f"{src.title} — {', '.join(src.start_urls)}",
                tags=["govarchive", src.platform],
            )
        )
    return out


def serve_all(db: str | None = None) -> None:
    serve(*deployments(db))
