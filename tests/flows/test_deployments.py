"""Deployment plumbing that needs no server: worker settings, the run lock, safe parameters."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from flows import deployments, worker_env
from flows.run_lock import SourceBusy, source_lock


def test_a_worker_without_its_archive_or_home_fails_naming_the_variable(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.delenv("GOVARCHIVE_DB", raising=False)
    with pytest.raises(deployments.MissingSetting, match="GOVARCHIVE_DB is not set"):
        worker_env.worker_archive()
    monkeypatch.delenv("GOVARCHIVE_HOME", raising=False)
    with pytest.raises(deployments.MissingSetting, match="GOVARCHIVE_HOME is not set"):
        deployments.enter_home()
    monkeypatch.setenv("GOVARCHIVE_HOME", str(tmp_path))
    with pytest.raises(deployments.MissingSetting, match="not a govarchive checkout"):
        deployments.enter_home()


def test_the_pull_step_enters_the_checkout(monkeypatch) -> None:
    home = Path(__file__).resolve().parents[2]
    monkeypatch.setenv("GOVARCHIVE_HOME", str(home))
    monkeypatch.chdir("/")
    assert deployments.enter_home() == {"directory": str(home)}
    assert Path.cwd() == home


def test_a_deployment_run_may_change_only_the_safe_knobs() -> None:
    from flows.crawl import crawl_source

    params = set(inspect.signature(crawl_source.fn).parameters)
    assert params == {"source_name", "full", "since", "max_pages"}  # no base_url, allow_private, db


def test_deployments_of_the_other_kind_are_clashes() -> None:
    found = {
        "a": deployments.Existing("a", frozenset({"govarchive", "govarchive-worker"}), "govarchive"),
        "b": deployments.Existing("b", frozenset({"govarchive", "govarchive-serve"}), None),
    }
    assert deployments.clashes(found, ["a", "b", "c"], deployments.SERVE_TAG) == [
        "crawl-source/a (work pool govarchive, tags ['govarchive', 'govarchive-worker'])"
    ]
    assert [c.split(" ")[0] for c in deployments.clashes(found, ["a", "b"], deployments.WORKER_TAG)] == ["crawl-source/b"]


def test_a_second_run_of_a_source_is_refused_while_the_first_lives(tmp_path: Path) -> None:
    db = tmp_path / "archive.duckdb"
    with source_lock(db, "nxzx-tagz"):
        with pytest.raises(SourceBusy, match="being crawled .* by another run"), source_lock(db, "nxzx-tagz"):
            pass
        with source_lock(db, "ahsz-kjj"):  # other sources are free
            pass
    with source_lock(db, "nxzx-tagz"):  # released with its holder
        pass


def test_the_cli_refuses_a_crawl_of_a_source_being_crawled(cli, db_path: Path, replica) -> None:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    with source_lock(db_path, "nxzx-tagz"):
        result = cli("crawl", "nxzx-tagz", "--base-url", replica.base_url("nxzx"))
    assert result.exit_code == 1
    assert "is being crawled" in result.stderr and "not starting a second one" in result.stderr

