"""Re-posts on aggregator sites: the original body, then 原文链接, a 免责声明 and sidebars.

Recognised by those two markers together; the body is found by the generic detector
and cut at the 原文链接 / 免责声明 line (the pipeline's `_cut_reposter_tail`), since
everything after it is the re-poster's.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsers.sites.base import Adapter, register


def _matches(tree: LexborHTMLParser, url: str, page_text: str | None = None) -> bool:
    if page_text is None:
        body = tree.body
        if body is None:
            return False
        text = body.text(separator="")
    else:
        text = page_text.replace("\n", "")  # words split across elements read as one
    return ("原文链接" in text or "原文地址" in text) and "免责声明" in text


AGGREGATOR = register(
    Adapter(
        name="aggregator",
        matches=_matches,
        title=("h1", "h2", ".title"),
        priority=30,
    )
)
