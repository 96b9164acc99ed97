"""安徽 政务公开 platform (宿州 and its bureaus, and the same CMS across Anhui and its mirrors).

The "索引" header `div.div_table_suoyin > table.table_suoyin` is the platform's
signature, so it is the matcher; the body sits in `div.j-fontContent` (older
templates: `div.newscontnet`, `#zoom`).
"""

from __future__ import annotations

from parsers.sites.base import Adapter, register

ANHUI = register(
    Adapter(
        name="anhui_disclosure",
        marker="div.div_table_suoyin, table.table_suoyin, div.j-fontContent",
        body=("div.j-fontContent", "div.newscontnet", "#zoom", "div.wzcon", "div.gzk-article"),
        title=("h1.newstitle", "div.newstitle", "h1"),
        chrome=("div.div_table_suoyin", "div.newsinfo", "div.fontsize", "div.ewm", "div.share"),
        priority=20,
    )
)
