"""Listing (column index) pages → the links on them, with their listed titles and dates.

The crawler decides which links are articles (by the source's pattern); this module
only reads the page, so it stays pure like the rest of `parsers/`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin

from selectolax.lexbor import LexborHTMLParser

from parsers.decode import decode
from parsers.tree_walks import HREF_LINKS, select

_DATE = re.compile(r"(\d{2,4})[-/.年](\d{1,2})[-/.月](\d{1,2})")
_TRS_PAGES = re.compile(r"createPageHTML\(\s*(\d+)")
_TOTAL_PAGES = re.compile(r"共\s*(\d+)\s*页")


@dataclass(slots=True)
class ListingLink:
    url: str
    title: str
    date: dt.date | None = None


@dataclass(slots=True)
class Listing:
    links: list[ListingLink] = field(default_factory=list)
    page_count: int | None = None  # as the page itself announces it, when it does
    title: str | None = None  # the column's name: meta ColumnName, else <title> up to "_site"


def _date(text: str) -> dt.date | None:
    m = _DATE.search(text)
    if not m:
        return None
    year, month, day = (int(g) for g in m.groups())
    if year < 100:
        year += 2000
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def parse_listing(content: bytes, url: str, content_type: str | None = None) -> Listing:
    text = decode(content, content_type).text
    tree = LexborHTMLParser(text)
    listing = Listing()
    seen: set[str] = set()
    for a in select(tree, HREF_LINKS):
        href = (a.attributes.get("href") or "").strip()
        if not href or href.startswith(("javascript:", "mailto:", "#")):
            continue
        absolute = urldefrag(urljoin(url, href))[0]
        if absolute in seen:
            continue
        seen.add(absolute)
        title = (a.attributes.get("title") or a.text(strip=True) or "").strip()
        holder = a.parent
        date = None
        if holder is not None and holder.tag in ("li", "tr", "td", "div", "p", "dd"):
            date = _date(holder.text(separator=" ", strip=True).replace(title, ""))
        listing.links.append(ListingLink(absolute, title, date))
    meta = tree.css_first('meta[name="ColumnName"]')
    named = (meta.attributes.get("content") or "").strip() if meta is not None else ""
    node = tree.css_first("title")
    titled = node.text(strip=True).split("_")[0].strip() if node is not None else ""
    listing.title = named or titled or None
    for rx in (_TRS_PAGES, _TOTAL_PAGES):
        m = rx.search(text)
        if m:
            listing.page_count = int(m.group(1))
            break
    return listing
