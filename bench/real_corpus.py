"""The real-page corpus: public extractor test sets, read from their fetched git copies.

The pages are real Chinese news and government pages saved from the web by other
projects (GeneralNewsExtractor's test pages, a Chinese content-extraction dataset).
Their redistribution terms are unclear, so they stay out of this repository: the
bench reads them from the mirror that the search tool's `fetch` made under
`/work/.mirror` (or `$GOVARCHIVE_REAL_CORPUS`), and skips with one line when absent.

What each page shows was labelled by hand in `bench/real_labels.json` by reading the
page's plain text (`python bench/real_corpus.py show REPO:PATH` prints it with line
numbers): its title, the publication date printed on it (null when it prints none),
and the first and last line of its body. The expected body is the page's plain text
from the first to the last body line, inclusive.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from parsers.decode import decode  # noqa: E402

LABELS = Path(__file__).with_name("real_labels.json")
MIRROR = Path(os.environ.get("GOVARCHIVE_REAL_CORPUS", "/work/.mirror"))
# repo key in the labels -> directory of its fetched git copy under MIRROR
REPOS = {
    "gne": "GeneralNewsExtractor+GeneralNewsExtractor/repo",
    "cwced": "immortal-autumn+Chinese-Web-Content-Extraction-Dataset/repo",
}
_JUNK = ["script", "style", "noscript", "template", "svg"]


@dataclass(slots=True)
class RealPage:
    key: str  # "gne:tests/people/1.html"
    url: str
    body: bytes
    title: str | None
    published: str | None  # "YYYY-MM-DD" or "YYYY-MM-DD HH:MM(:SS)" as printed; None: prints none
    first_line: str
    last_line: str
    expected_body: str | None = None
    text: str = ""  # decoded once, for parsers that take a str


def _git_dir(repo: str) -> Path:
    return MIRROR / REPOS[repo]


def read_blob(key: str) -> bytes:
    repo, path = key.split(":", 1)
    return subprocess.run(
        ["git", "-C", str(_git_dir(repo)), "show", f"HEAD:{path}"], capture_output=True, check=True
    ).stdout


def plain_lines(content: bytes) -> list[str]:
    """The page's visible text, one line per text run: what a reader sees, no extraction."""
    tree = LexborHTMLParser(decode(content).text)
    tree.strip_tags(_JUNK)
    root = tree.body or tree.root
    text = root.text(separator="\n") if root is not None else ""
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def expected_body(lines: list[str], first: str, last: str) -> str | None:
    """The plain-text lines from the one holding `first` to the one holding `last`."""
    squash = lambda s: "".join(s.split())  # noqa: E731
    f, la = squash(first), squash(last)
    starts = [i for i, line in enumerate(lines) if f in squash(line)]
    if not starts:
        return None
    start = starts[0]
    ends = [i for i in range(start, len(lines)) if la in squash(lines[i])]
    if not ends:
        return None
    return "\n".join(lines[start : ends[0] + 1])


def available() -> str | None:
    """None when every mirror is present, else the line saying what is missing."""
    missing = [name for name in REPOS.values() if not (MIRROR / name).exists()]
    if missing:
        return f"real-page corpus not found under {MIRROR} ({', '.join(missing)}): fetch the repositories first"
    return None


def load_pages() -> list[RealPage]:
    labels = json.loads(LABELS.read_text(encoding="utf-8"))
    pages = []
    for entry in labels["pages"]:
        body = read_blob(entry["page"])
        page = RealPage(
            key=entry["page"],
            url=entry.get("url") or f"https://{entry['site']}/{entry['page'].rsplit('/', 1)[-1]}",
            body=body,
            title=entry.get("title"),
            published=entry.get("published"),
            first_line=entry["first_line"],
            last_line=entry["last_line"],
        )
        page.expected_body = expected_body(plain_lines(body), page.first_line, page.last_line)
        pages.append(page)
    return pages


def _show(key: str, width: int) -> None:
    for i, line in enumerate(plain_lines(read_blob(key))):
        print(f"{i:4d} {line[:width]}")


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "show":
        _show(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 80)
    elif len(sys.argv) >= 2 and sys.argv[1] == "check":
        for p in load_pages():
            if p.expected_body is None:
                print("no body span:", p.key)
        print("ok")
    else:
        print(__doc__)
