"""Re-posts on aggregator sites: the original body, then 原文链接, a 免责声明 and sidebars.

Recognised by those two markers together; the body is found by the generic detector
and cut at the 原文链接 / 免责声明 line (the pipeline's `_cut_reposter_tail`), since
everything after it is the re-poster's.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from parsers.sites.base import Adapter, register


def _spread(word: str) -> str:
    return "\n*".join(word)  # the page text puts a line break between elements


# The two markers, each possibly split across elements (原文<a>链接</a>): one scan.
_MARKERS = re.compile(f"(?P<link>{_spread('原文链接')}|{_spread('原文地址')})|(?P<disclaimer>{_spread('免责声明')})")


def _matches(tree: LexborHTMLParser, url: str, page_text: str | None = None) -> bool:
    if page_text is None:
        body = tree.body
        if body is None:
            return False
        page_text = body.text(separator="")
    seen = {m.lastgroup for m in _MARKERS.finditer(page_text)}
    return seen == {"link", "disclaimer"}


AGGREGATOR = register(
    Adapter(
        name="aggregator",
        matches=_matches,
        title=("h1", "h2", ".title"),
        priority=30,
    )
)
