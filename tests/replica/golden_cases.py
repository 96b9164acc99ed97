"""The golden corpus as data: replica pages with hand-written expectations.

One loader shared by the golden parser test, the replica server and the benchmarks,
so all three read the same bytes and agree on where each page "lives" and which
Content-Type header it is served with (the header is part of the case: some pages
declare their charset only there, some lie about it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

GOLDEN_DIR = Path(__file__).resolve().parent / "golden"


@dataclass(frozen=True, slots=True)
class GoldenCase:
    """One replica page: the exact bytes served, where it lives, and what a reader sees in it.

    `expected` is the whole JSON expectation (keys `fields`, `body_starts_with`,
    `body_ends_with`, `body_contains`, `body_not_contains`, `attachments`, `description`,
    `true_encoding`). See golden/README.md for the rules the expectations follow.
    """

    name: str
    url: str
    content_type: str | None
    body: bytes
    expected: dict[str, Any] = field(default_factory=dict)

    @property
    def path(self) -> str:
        """URL path (with query) the replica server should answer this page on."""
        parts = urlsplit(self.url)
        return parts.path + (f"?{parts.query}" if parts.query else "")

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def fields(self) -> dict[str, Any]:
        return self.expected.get("fields", {})

    @property
    def description(self) -> str:
        return self.expected.get("description", "")

    @property
    def true_encoding(self) -> str:
        """How the bytes really are encoded (Python codec name), whatever the page declares."""
        return self.expected.get("true_encoding", "utf-8")


def load_cases(directory: Path | None = None) -> list[GoldenCase]:
    """Every `<case>.json` with its sibling `<case>.html`, sorted by name.

    A JSON without its HTML is an error, not a skip: a silently missing page would make
    the corpus look greener than it is.
    """
    root = directory or GOLDEN_DIR
    cases: list[GoldenCase] = []
    for spec_path in sorted(root.glob("*.json")):
        expected = json.loads(spec_path.read_text(encoding="utf-8"))
        html_path = spec_path.with_suffix(".html")
        if not html_path.exists():
            raise FileNotFoundError(f"golden case {spec_path.stem}: missing {html_path.name}")
        cases.append(
            GoldenCase(
                name=spec_path.stem,
                url=expected["url"],
                content_type=expected.get("content_type"),
                body=html_path.read_bytes(),
                expected=expected,
            )
        )
    return cases
