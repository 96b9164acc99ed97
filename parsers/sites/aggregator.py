"""Re-posts on aggregator sites: the original body, then 原文链接, a 免责声明 and sidebars.

Recognised by those two markers together; the body is found by the generic detector
and cut at the 原文链接 / 免责声明 line, since everything after it is the re-poster's.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from parsers.sites.base import Adapter, register

_CUT = re.compile(r"^[\W_]*(?:原文链接|原文地址|文章来源[:：]\s*http|免责声明|\[免责声明\]|【免责声明】|声明[:：]本文)")


def _matches(tree: LexborHTMLParser, url: str) -> bool:
    body = tree.body
    if body is None:
        return False
    text = body.text(separator="")
    return ("原文链接" in text or "原文地址" in text) and "免责声明" in text


AGGREGATOR = register(
    Adapter(
        name="aggregator",
        matches=_matches,
        title=("h1", "h2", ".title"),
        cut_after=_CUT,
        priority=30,
    )
)
