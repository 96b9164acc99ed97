"""Writes the golden corpus: `<case>.html` (exact bytes served) and `<case>.json` (expectations).

Run `.venv/bin/python tests/replica/golden/make_pages.py` from the repository root after
editing a case. The cases live in `cases_*.py` (one module per site family), the site
templates in `chrome.py`. Every page text and every expectation there is written by hand
from what the page shows; nothing here imports `parsers` (the corpus exists to check the
parser, so it must not be derived from it). The written files are what tests read; this
script only keeps the 30 pages consistent with each other.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import cases_ahsz  # noqa: F401  (registers cases on import)
import cases_cities  # noqa: F401
import cases_encodings  # noqa: F401
import cases_generic  # noqa: F401
import cases_mixed  # noqa: F401
import cases_nxzx  # noqa: F401
from spec import CASES, Case

HERE = Path(__file__).resolve().parent


def to_json(c: Case) -> dict[str, Any]:
    out: dict[str, Any] = {
        "url": c.url,
        "content_type": c.content_type,
        "true_encoding": c.encoding,
        "description": c.description,
        "fields": {"url": c.url, **c.fields},
    }
    if c.body_starts_with is not None:
        out["body_starts_with"] = c.body_starts_with
    if c.body_ends_with is not None:
        out["body_ends_with"] = c.body_ends_with
    if c.body_contains:
        out["body_contains"] = c.body_contains
    if c.body_not_contains:
        out["body_not_contains"] = c.body_not_contains
    if c.attachments is not None:
        out["attachments"] = c.attachments
    return out


def main() -> None:
    names = [c.name for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    for c in CASES:
        (HERE / f"{c.name}.html").write_bytes(c.html.encode(c.encoding))
        text = json.dumps(to_json(c), ensure_ascii=False, indent=2) + "\n"
        (HERE / f"{c.name}.json").write_text(text, encoding="utf-8")
    print(f"wrote {len(CASES)} cases to {HERE}")


if __name__ == "__main__":
    main()
