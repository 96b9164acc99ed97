"""The sources file in force, as Prefect deployments: one `crawl-source/<source>` per source.

Both ways of running on a schedule build them here, from `load_sources()` (the file
named by GOVARCHIVE_SOURCES, or the shipped one), so a deployment's cron and time zone
are always its source's:

- `govarchive serve` serves them from its own process (`served`): no work pool.
- `prefect deploy --all` runs `register_for_workers` as the build step of the one
  static entry in `prefect.yaml` (a YAML file cannot list the sources of a file it has
  not read); those deployments belong to the `govarchive` work pool and start, in the
  worker's flow-run process, with `enter_home` (the pull step).

The two kinds are told apart by their tags (`govarchive-serve`, `govarchive-worker`),
so neither ever overwrites, pauses or deletes the other's.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import settings
from flows.sources import Source, load_sources
from flows.worker_env import MissingSetting, required

TAG = "govarchive"
SERVE_TAG = "govarchive-serve"
WORKER_TAG = "govarchive-worker"
FLOW_NAME = "crawl-source"
ENTRYPOINT = "flows/crawl.py:crawl_source"

def enter_home() -> dict[str, str]:
    """prefect.yaml's pull step: enter GOVARCHIVE_HOME, naming the variable if it is unset."""
    home = Path(required("GOVARCHIVE_HOME")).expanduser()
    if not (home / "flows" / "crawl.py").is_file():
        raise MissingSetting(f"GOVARCHIVE_HOME={home} is not a govarchive checkout (no flows/crawl.py there)")
    os.chdir(home)
    return {"directory": str(home)}


def description(src: Source) -> str:
    return (
        f"{src.title}: crawl {', '.join(src.start_urls)} ({src.platform}) at `{src.schedule}`"
        f" {src.schedule_timezone}, {src.rps:g} request(s)/s per host. Run parameters: `full`"
        " (revisit every known article), `since` (YYYY-MM-DD), `max_pages`."
    )


def tags(src: Source, kind: str) -> list[str]:
    return [TAG, kind, src.platform]


def served() -> list[Any]:
    """RunnerDeployments for `govarchive serve` (one per source, concurrency limit 1)."""
    from prefect.schedules import Cron

    from flows.crawl import crawl_source

    closed_schema = _closed_schema_class()
    made = []
    for src in load_sources().values():
        dep: Any = crawl_source.to_deployment(  # a RunnerDeployment (typed as maybe a coroutine)
            name=src.name,
            schedule=Cron(src.schedule, timezone=src.schedule_timezone),
            parameters={"source_name": src.name},
            description=description(src),
            tags=tags(src, SERVE_TAG),
            concurrency_limit=1,
        )
        dep._parameter_openapi_schema = closed_schema(**closed(dep._parameter_openapi_schema.model_dump()))
        made.append(dep)
    return made


def closed(schema: dict[str, Any]) -> dict[str, Any]:
    """A run-parameter schema that refuses parameters it does not name.

    Prefect's schema of a flow lists its parameters but allows others, so the API created
    a run asked for `allow_private` or `base_url` (the CLI's knobs, never a deployment's),
    which then failed in the worker's process. Closed, the server refuses it at the door
    (HTTP 409), as `prefect deployment run --param` already did.
    """
    return {**schema, "additionalProperties": False}


def _closed_schema_class() -> type:
    from prefect.utilities.callables import ParameterSchema
    from pydantic import ConfigDict

    class ClosedSchema(ParameterSchema):
        """`ParameterSchema` that keeps `additionalProperties` (what `closed` adds), for serve's deployments."""

        model_config = ConfigDict(extra="allow")

    return ClosedSchema


@dataclass(frozen=True, slots=True)
class Existing:
    name: str
    tags: frozenset[str]
    work_pool: str | None

    def made_by(self, kind: str) -> bool:
        return kind in self.tags


def existing(client: Any) -> dict[str, Existing]:
    """The server's `crawl-source/*` deployments by source name."""
    from prefect.client.schemas.filters import FlowFilter, FlowFilterName

    found = client.read_deployments(flow_filter=FlowFilter(name=FlowFilterName(any_=[FLOW_NAME])))
    return {d.name: Existing(d.name, frozenset(d.tags or ()), d.work_pool_name) for d in found}


class DeploymentClash(RuntimeError):
    """A deployment of the same name exists that this way of running did not make."""


def clashes(found: dict[str, Existing], names: list[str], kind: str) -> list[str]:
    return [
        f"crawl-source/{n} (work pool {found[n].work_pool or 'none'}, tags {sorted(found[n].tags)})"
        for n in names
        if n in found and not found[n].made_by(kind)
    ]


def check_serve_may_register() -> None:
    """Refuse, in one line, to overwrite deployments `prefect deploy` made on this server."""
    from prefect import get_client

    with get_client(sync_client=True) as client:
        found = existing(client)
    theirs = clashes(found, list(load_sources()), SERVE_TAG)
    if theirs:
        raise DeploymentClash(
            "govarchive serve will not overwrite deployments it did not make: "
            + ", ".join(theirs)
            + ". They are run by a worker (`prefect worker start --pool govarchive`); delete them"
            " (`prefect deployment delete ...`) to serve these sources from this process instead."
        )


def register_for_workers(work_pool: str = "govarchive") -> dict[str, Any]:
    """Build step of `prefect deploy --all`: upsert one worker deployment per source in force.

    Deployments this step made earlier for sources no longer in the file are deleted;
    deployments made by `govarchive serve` are refused, never touched.
    """
    from prefect import get_client
    from prefect.client.schemas.actions import DeploymentScheduleCreate
    from prefect.client.schemas.schedules import CronSchedule
    from prefect.utilities.callables import parameter_schema

    from flows.crawl import crawl_source

    sources = load_sources()
    env = {}
    chosen = settings.current().sources
    if chosen:
        env["GOVARCHIVE_SOURCES"] = str(Path(chosen).resolve())
    schema = closed(parameter_schema(crawl_source).model_dump_for_openapi())
    with get_client(sync_client=True) as client:
        found = existing(client)
        theirs = clashes(found, list(sources), WORKER_TAG)
        if theirs:
            raise DeploymentClash(
                "prefect deploy will not overwrite deployments `govarchive serve` made: "
                + ", ".join(theirs) + "; stop serve and delete them first"
            )
        flow_id = client.create_flow_from_name(FLOW_NAME)
        made = []
        for src in sources.values():
            client.create_deployment(
                flow_id=flow_id,
                name=src.name,
                entrypoint=ENTRYPOINT,
                work_pool_name=work_pool,
                pull_steps=[{"flows.deployments.enter_home": {}}],
                schedules=[DeploymentScheduleCreate(
                    schedule=CronSchedule(cron=src.schedule, timezone=src.schedule_timezone),
                    active=True,
                )],  # fmt: skip
                parameters={"source_name": src.name},
                parameter_openapi_schema=schema,
                enforce_parameter_schema=True,
                description=description(src),
                tags=tags(src, WORKER_TAG),
                concurrency_limit=1,
                job_variables={"env": env} if env else {},
            )
            made.append(f"crawl-source/{src.name}")
        gone = [n for n, d in found.items() if d.made_by(WORKER_TAG) and n not in sources]
        for name in gone:
            dep = client.read_deployment_by_name(f"{FLOW_NAME}/{name}")
            client.delete_deployment(dep.id)
    print(f" > registered {len(made)} deployment(s) for work pool {work_pool!r}: {', '.join(made)}")
    if gone:
        print(f" > deleted {len(gone)} deployment(s) whose source left the file: {', '.join(gone)}")
    return {"deployments": made, "deleted": gone}


def _sync_flow() -> Any:
    from prefect import flow

    @flow(name="sync-deployments", description="Re-register the crawl-source deployments from the sources file in force.")
    def sync_deployments(work_pool: str = "govarchive") -> dict[str, Any]:
        return register_for_workers(work_pool)

    return sync_deployments


# prefect.yaml's one static entry (its build step registers the crawl-source deployments);
# run it from the UI after editing the sources file.
sync_deployments = _sync_flow()
