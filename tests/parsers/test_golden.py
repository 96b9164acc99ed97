"""The golden corpus: replica pages checked against what a careful reader sees in them.

Expectations were written by hand from the pages, never from parser output, so a
failure here means the parser and the reader disagree: read the page before
"fixing" the expectation. Each case reports every mismatch at once (case, field,
expected, got) so one run shows the whole picture.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest


def _load_golden_cases_module():
    """Import tests/replica/golden_cases.py by path.

    Going through the `tests.replica` package would also import the replica server
    (its __init__ pulls it in); the corpus must stay readable even when the server
    is broken or its test-only dependencies are missing.
    """
    if "golden_cases" in sys.modules:
        return sys.modules["golden_cases"]
    path = Path(__file__).resolve().parents[1] / "replica" / "golden_cases.py"
    spec = importlib.util.spec_from_file_location("golden_cases", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["golden_cases"] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


_golden = _load_golden_cases_module()
GoldenCase = _golden.GoldenCase
load_cases = _golden.load_cases

CASES = load_cases()
MIN_CASES = 28
DECODING_SENTINELS = {"\ufffd", "\ufeff"}
ALLOWED_SPEC_KEYS = {
    "url",
    "content_type",
    "description",
    "true_encoding",
    "fields",
    "body_starts_with",
    "body_ends_with",
    "body_contains",
    "body_not_contains",
    "attachments",
}


def _mismatch(case: str, what: str, expected: Any, got: Any) -> str:
    return f"[{case}] {what}:\n    expected: {expected!r}\n    got:      {got!r}"


def _check(case: GoldenCase, got: dict[str, Any]) -> list[str]:
    """Every disagreement between the expectation and the parsed document."""
    problems: list[str] = []
    spec = case.expected
    for name, want in spec.get("fields", {}).items():
        if name not in got:
            problems.append(_mismatch(case.name, name, want, "<key missing from to_dict()>"))
        elif got[name] != want:
            problems.append(_mismatch(case.name, name, want, got[name]))

    body = got.get("body_text")
    body_checks = ("body_starts_with", "body_ends_with", "body_contains", "body_not_contains")
    if any(k in spec for k in body_checks) and not isinstance(body, str):
        problems.append(_mismatch(case.name, "body_text", "a string", body))
        body = ""
    body = body or ""
    if "body_starts_with" in spec and not body.startswith(spec["body_starts_with"]):
        problems.append(
            _mismatch(case.name, "body_starts_with", spec["body_starts_with"], body[:160])
        )
    if "body_ends_with" in spec and not body.endswith(spec["body_ends_with"]):
        problems.append(_mismatch(case.name, "body_ends_with", spec["body_ends_with"], body[-160:]))
    for needle in spec.get("body_contains", []):
        if needle not in body:
            problems.append(_mismatch(case.name, "body_contains", needle, "<absent from body_text>"))
    for needle in spec.get("body_not_contains", []):
        if needle in body:
            at = body.index(needle)
            problems.append(
                _mismatch(case.name, "body_not_contains", needle, body[max(0, at - 40) : at + 60])
            )

    if "attachments" in spec and got.get("attachments") != spec["attachments"]:
        problems.append(_mismatch(case.name, "attachments", spec["attachments"], got.get("attachments")))
    return problems


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_golden_case(case: GoldenCase) -> None:
    from parsers import parse

    doc = parse(case.body, case.url, case.content_type)
    problems = _check(case, doc.to_dict(json_safe=True))
    assert not problems, f"{len(problems)} mismatch(es):\n" + "\n".join(problems)


def test_corpus_is_complete_and_well_formed() -> None:
    """Guards the corpus itself (no parser involved): enough cases, known keys only."""
    from parsers.document import Document

    assert len(CASES) >= MIN_CASES, f"only {len(CASES)} golden cases"
    known_fields = set(Document(url="x").to_dict())
    for case in CASES:
        unknown = set(case.expected) - ALLOWED_SPEC_KEYS
        assert not unknown, f"[{case.name}] unknown spec keys {unknown}"
        bad = set(case.fields) - known_fields
        assert not bad, f"[{case.name}] fields not in Document.to_dict(): {bad}"
        assert case.url.startswith(("http://", "https://")), case.name
        assert case.description, f"[{case.name}] needs a description"
        assert case.body, f"[{case.name}] empty page"
    # The replica server answers each page on its host + path: two cases on one URL collide.
    seen: dict[tuple[str, str], str] = {}
    for case in CASES:
        key = (case.host, case.path)
        assert key not in seen, f"[{case.name}] same URL as [{seen[key]}]: {case.url}"
        seen[key] = case.name


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_expectations_are_on_the_page(case: GoldenCase) -> None:
    """Every expected body snippet must really be printed on the page.

    Decodes with the encoding the case was written in (`true_encoding`) and compares
    against the page text with tags and whitespace dropped: catches typos in the
    expectations without depending on how the parser lays text out.
    """
    from selectolax.lexbor import LexborHTMLParser

    encoding = case.true_encoding
    html = case.body.decode(encoding)
    text = LexborHTMLParser(html).body.text(separator="")
    flat = "".join(text.split())

    def squash(s: str) -> str:
        return "".join(s.split())

    snippets = [case.expected.get("body_starts_with"), case.expected.get("body_ends_with")]
    snippets += case.expected.get("body_contains", [])
    title = case.fields.get("title")
    if title:
        snippets.append(title)
    snippets += [a["name"] for a in case.expected.get("attachments", [])]
    missing = [s for s in snippets if s and squash(s) not in flat]
    assert not missing, f"[{case.name}] expected text not on the page: {missing}"
    # A body_not_contains needle absent from the page would pass vacuously: each one
    # must be chrome (or header) that is really printed somewhere on the page. The
    # decoding sentinels (U+FFFD from a wrong codec, a BOM left in) are the exception:
    # their whole point is that a correct reading never prints them.
    vacuous = [
        s
        for s in case.expected.get("body_not_contains", [])
        if s not in DECODING_SENTINELS and squash(s) not in flat
    ]
    assert not vacuous, f"[{case.name}] body_not_contains not on the page at all: {vacuous}"
