"""Archived text prepared for display: highlighted snippets, paragraphs, version diffs.

Everything here returns plain strings in small structures; the templates escape them
(Jinja autoescape), so no archived text is ever turned into markup by this module.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

SNIPPET_CHARS = 120


def snippet_parts(text: str, words: list[str], width: int = SNIPPET_CHARS) -> list[tuple[str, bool]]:
    """The stretch of text around the first match, as (piece, is_match) pairs."""
    text = re.sub(r"\s+", " ", text or "").strip()
    lower = text.lower()
    found = [p for p in (lower.find(w.lower()) for w in words if w) if p >= 0]
    start = max(min(found) - width // 3, 0) if found else 0
    piece = text[start : start + width]
    parts: list[tuple[str, bool]] = []
    if start > 0:
        parts.append(("…", False))
    if words:
        pattern = re.compile(
            "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)), re.I
        )
        at = 0
        for m in pattern.finditer(piece):
            if m.start() > at:
                parts.append((piece[at : m.start()], False))
            parts.append((m.group(0), True))
            at = m.end()
        if at < len(piece):
            parts.append((piece[at:], False))
    else:
        parts.append((piece, False))
    if start + width < len(text):
        parts.append(("…", False))
    return parts


def paragraphs(text: str | None) -> list[str]:
    """Body text as paragraphs (the parser separates them with blank lines)."""
    if not text:
        return []
    return [p.strip() for p in re.split(r"\n\s*\n|\n", text) if p.strip()]


@dataclass(slots=True)
class DiffLine:
    op: str  # " " same, "-" removed, "+" added, "…" skipped unchanged lines
    text: str


def diff_lines(old: str | None, new: str | None, context: int = 2) -> list[DiffLine]:
    """A readable line diff of two texts: changed lines with a little context around them.

    Chinese prose has few line breaks, so lines are cut at sentence ends (。！？) too.
    """

    def lines(text: str | None) -> list[str]:
        return [x for x in re.split(r"(?<=[。！？!?])|\n+", text or "") if x and x.strip()]

    a, b = lines(old), lines(new)
    out: list[DiffLine] = []
    for group in difflib.SequenceMatcher(None, a, b, autojunk=False).get_grouped_opcodes(context):
        if out:
            out.append(DiffLine("…", ""))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                out.extend(DiffLine(" ", x) for x in a[i1:i2])
                continue
            out.extend(DiffLine("-", x) for x in a[i1:i2])
            out.extend(DiffLine("+", x) for x in b[j1:j2])
    return out


def safe_href(url: str | None) -> str | None:
    """The URL if it may be a link (http or https), else None: `javascript:`, `data:`,
    `file:` and relative links from archived pages are shown as text, never as links."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url if scheme in ("http", "https") else None


def csv_cell(value: object) -> str:
    """A value for a CSV cell that a spreadsheet will not run as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text
