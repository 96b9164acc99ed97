"""Layer 4: site adapters, chosen by what a page *is*, not where it is hosted.

Each adapter is a small declaration (which container holds the body, which title
element, which extra chrome) plus a matcher over the parsed DOM. The Anhui platform
is mirrored on unrelated hosts, so matchers look at markup (`div.div_table_suoyin`,
TRS markers, 原文链接 + 免责声明), never at host names alone.
"""

from __future__ import annotations

from parsers.sites import aggregator, anhui, trs  # noqa: F401  (registers the adapters)
from parsers.sites.base import ADAPTERS, Adapter, pick, register

__all__ = ["ADAPTERS", "Adapter", "pick", "register"]
