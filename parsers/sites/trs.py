"""TRS WCM sites (宁夏政协 nxzx.gov.cn and many other government sites on the same CMS).

TRS leaves recognisable marks: the `TRS_Editor` body class, `TRS_UEDITOR`/`trs_` ids,
`createPageHTML(...)` pagination script and `tYYYYMMDD_NNNNNN.html` article paths.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from parsers.sites.base import Adapter, register

_ARTICLE_PATH = re.compile(r"/t\d{8}_\d+\.s?html?$")


def _matches(tree: LexborHTMLParser, url: str, page_text: str | None = None) -> bool:
    return bool(_ARTICLE_PATH.search(url.split("?")[0]))


TRS = register(
    Adapter(
        name="trs",
        marker=".TRS_Editor, .TRS_UEDITOR, .trs_editor_view, [id^=trs_]",
        matches=_matches,
        body=(".TRS_Editor", ".TRS_UEDITOR", ".trs_editor_view", "#zoom", "div.view", "div.article-content"),
        title=("h1", "div.title", "td.title", ".article-title", ".tit"),
        priority=10,
    )
)
