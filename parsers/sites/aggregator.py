"""Re-posts on aggregator sites: the original body, then 原文链接, a 免责声明 and sidebars.

Recognised by those two markers together; the body is found by the generic detector
and cut at the 原文链接 / 免责声明 line (the pipeline's `_cut_reposter_tail`), since
everything after it is the re-poster's.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsers.sites.base import Adapter, register

_LINK_WORDS = ("原文链接", "原文地址")
_DISCLAIMER = "免责声明"


def _matches(tree: LexborHTMLParser, url: str, page_text: str | None = None) -> bool:
    if page_text is None:
        body = tree.body
        if body is None:
            return False
        text = body.text(separator="")
    else:
        # Each character of a marker must be printed somewhere; a one-character test is a
        # fast scan, so most pages are ruled out before the text is joined up.
        if any(ch not in page_text for ch in "原文免责声明"):
            return False
        text = page_text.replace("\n", "")  # words split across elements read as one
    return any(word in text for word in _LINK_WORDS) and _DISCLAIMER in text


AGGREGATOR = register(
    Adapter(
        name="aggregator",
        matches=_matches,
        title=("h1", "h2", ".title"),
        priority=30,
    )
)
