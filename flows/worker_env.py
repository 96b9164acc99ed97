"""What a worker's flow-run process must be told, and the one-line failure when it was not.

Apart from `deployments` (which makes the deployments) so the crawl can ask for its
archive without importing what imports the crawl.
"""

from __future__ import annotations

import settings

# What a worker's flow-run process must be told (README "Running on a schedule").
WORKER_SETTINGS = {
    "GOVARCHIVE_HOME": "the repository checkout the worker runs the crawl from",
    "GOVARCHIVE_DB": "the archive file the crawl writes",
    "GOVARCHIVE_SOURCES": "the sources file the deployments were made from (optional: the shipped one)",
}


class MissingSetting(RuntimeError):
    """A variable a worker's crawl needs is not set: the run fails naming it."""


def required(name: str) -> str:
    value = (settings.current().of_variable(name) or "").strip()
    if not value:
        raise MissingSetting(
            f"{name} is not set in the worker's environment: it must name {WORKER_SETTINGS[name]}"
            " (see prefect.yaml and the README, 'Running on a schedule')"
        )
    return value


def worker_archive() -> str:
    """The archive of a deployment run: GOVARCHIVE_DB, which `serve` and the worker set."""
    return required("GOVARCHIVE_DB")
