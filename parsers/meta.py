"""Layer 1: the 政府网站发展指引 (2017) meta tags every government site must carry.

On an unknown site they are the most reliable title / date / source signal, so they
are read first and used wherever present; later layers only fill what they lack.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from parsers.dates import parse_datetime
from parsers.text import clean_inline

# Canonical spelling of the guideline's names (lookup is case-insensitive).
GUIDELINE_NAMES = (
    "SiteName",
    "SiteDomain",
    "SiteIDCode",
    "ColumnName",
    "ColumnDescription",
    "ColumnKeywords",
    "ColumnType",
    "ArticleTitle",
    "PubDate",
    "ContentSource",
    "Keywords",
    "Author",
    "Description",
    "Image",
    "Url",
)
_CANON = {n.lower(): n for n in GUIDELINE_NAMES}
_PLACEHOLDERS = {"", "暂无", "无", "-", "--", "null", "none", "undefined"}


@dataclass(slots=True)
class MetaTags:
    """The guideline tags found on a page (raw values under their canonical names)."""

    values: dict[str, str] = field(default_factory=dict)

    def get(self, name: str) -> str | None:
        value = self.values.get(name)
        return value if value and value.strip().lower() not in _PLACEHOLDERS else None

    @property
    def title(self) -> str | None:
        return self.get("ArticleTitle")

    @property
    def published_at(self) -> dt.datetime | None:
        return parse_datetime(self.get("PubDate"))

    @property
    def source(self) -> str | None:
        return self.get("ContentSource")

    @property
    def site_name(self) -> str | None:
        return self.get("SiteName")

    @property
    def column(self) -> str | None:
        return self.get("ColumnName")

    @property
    def url(self) -> str | None:
        return self.get("Url")


def read_meta(tree: LexborHTMLParser, metas: list[dict[str, str | None]] | None = None) -> MetaTags:
    """Guideline tags (plus og:title as a title fallback) from `<head>` and wherever else.

    `metas`: the `<meta>` elements' attributes when the caller has read them already
    (`first_pass.read_marks_and_strip`); otherwise the tree is searched.
    """
    if metas is None:
        metas = [node.attributes for node in tree.css("meta[name], meta[property]")]
    values: dict[str, str] = {}
    for attrs in metas:
        name = (attrs.get("name") or attrs.get("property") or "").strip()
        content = attrs.get("content")
        if content is None:
            continue
        canon = _CANON.get(name.lower())
        if canon is None and name.lower() == "og:title":
            canon = "og:title"
        if canon and canon not in values:
            values[canon] = clean_inline(content)
    return MetaTags(values)
