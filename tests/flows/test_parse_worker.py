"""The parse worker of a `crawl all`: a real child process parsing batches, and what happens when it dies."""

from __future__ import annotations

from pathlib import Path

from flows.parse_worker import ParseWorker
from flows.store.batch import ParseFailure, parse_all, parseable
from warehouse.exchange import FetchResult
from warehouse.fetch_failure import FailureKind, FetchFailure

PAGE = (Path(__file__).parents[1] / "parsers" / "fixtures" / "ahsz_reply.html").read_bytes()
URL = "https://kjj.ahsz.gov.cn/public/2654977/1000001.html"


def _batch() -> list[FetchResult]:
    html = [("Content-Type", "text/html; charset=utf-8")]
    return [
        FetchResult(URL, URL, 200, html, PAGE),
        FetchResult(URL + "?empty", URL + "?empty", 200, html, b"   "),  # parses to a failure
        FetchResult(URL + "?304", URL + "?304", 304, html),  # not parsed at all
        FetchResult(URL + "?gone", URL + "?gone", None,
                    recorded_failure=FetchFailure.because(FailureKind.UNAVAILABLE, "no route")),  # fmt: skip
    ]


def test_the_worker_answers_what_the_store_cycle_would_parse() -> None:
    worker = ParseWorker()
    try:
        results = _batch()
        got = worker.parse(results)
        assert got is not None
        want = parse_all(parseable(results))
        assert len(got) == 2  # the page and the empty body; not the 304, not the failed fetch
        assert got[0] == want[0]
        assert isinstance(got[1], ParseFailure) and got[1].kind == "empty"
        assert worker.parse([results[2]]) == []  # nothing to parse: the child is not asked
    finally:
        worker.close()


def test_a_dead_worker_says_none_once_and_for_all() -> None:
    worker = ParseWorker()
    try:
        assert worker._proc is not None
        worker._proc.kill()
        worker._proc.wait()
        assert worker.parse(_batch()) is None  # the store cycle then parses the batch itself
        assert worker.failure is not None and "parse worker stopped" in worker.failure
        assert worker.parse(_batch()) is None
    finally:
        worker.close()
