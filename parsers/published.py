"""When a page was published, from pages nobody wrote an adapter for: layers, each usable alone.

The pipeline first asks the layers it always had (the 来源/时间 info line in
`parsers.page`, the 2017 guideline `PubDate` tag in `parsers.meta`, the disclosure
header's 发布日期). Where they find nothing, these layers are asked in order, and the
first that answers wins:

1. `structured_date`: machine-readable marks that news CMSs emit — JSON-LD
   `datePublished`, OpenGraph / `article:published_time`, `<meta name=publishdate>` and
   its spellings, `<time datetime>`. Serves commercial news sites and modern CMSs.
2. `title_line_date`: the line printed right under the headline, labelled or not, often
   with the source's name or the site's address on the same line
   (`http://www.sina.net 2005年03月21日 11:21 《理财周刊》`, `AUTO.SOHU.COM  2005年05月13日14:15`,
   `2022-02-13 20:04:17` alone). Serves portals and newspapers of every age.
3. `url_date`: the date most CMSs write into the article's path (`/2005-05/07/`,
   `/202310/t20231010_123.html`, `/20231010/`). Day precision only.
4. `page_date`: a page-wide candidate scorer for the date printed somewhere else (below
   the body, above the title on e-paper pages), which never takes a date from a list of
   other articles, a copyright/footer line, or running prose.

Every layer returns None rather than guess.
"""

from __future__ import annotations

import bisect
import datetime as dt
import json
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsers.dates import DATE_RE, parse_datetime
from parsers.first_pass import PageMarks
from parsers.text import clean_inline

# ---------------------------------------------------------------- 1. structured marks

# Meta names/properties that carry the publication moment (lower-cased).
PUBLISHED_META = (
    "article:published_time",
    "og:release_date",
    "og:published_time",
    "publishdate",
    "publish_date",
    "publishtime",
    "publish_time",
    "pubdate",
    "pubtime",
    "datepublished",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "sailthru.date",
    "weibo:article:create_at",
)
_META_SELECTOR = "meta[name], meta[property], meta[itemprop]"
_JSONLD_SELECTOR = 'script[type="application/ld+json"]'
_MIN_YEAR = 1995  # the Chinese web's first news sites; an earlier "publication" is a typo
_JSONLD_DATE = re.compile(r'"datePublished"\s*:\s*"([^"]{8,40})"')


def _plausible(value: dt.datetime | None, today: dt.date | None = None) -> dt.datetime | None:
    if value is None or value.year < _MIN_YEAR:
        return None
    if today is not None and value.date() > today + dt.timedelta(days=2):
        return None
    return value


def _iso(text: str | None) -> dt.datetime | None:
    """An ISO-8601 or printed timestamp; a time-zone offset is dropped (the wall clock is kept)."""
    if not text:
        return None
    value = parse_datetime(text.strip()[:40])
    return _plausible(value)


def structured_date(tree: LexborHTMLParser, marks: PageMarks | None = None) -> dt.datetime | None:
    """JSON-LD, OpenGraph/article meta, publishdate-style meta, then `<time datetime>`.

    `marks`: what `first_pass.read_marks_and_strip` copied out of the intact page;
    without it the tree is searched (it must still hold its scripts and meta tags).
    """
    if marks is None:
        marks = PageMarks(
            metas=[node.attributes for node in tree.css(_META_SELECTOR)],
            jsonld=[script.text(deep=True) for script in tree.css(_JSONLD_SELECTOR)],
            times=[(n.attributes.get("datetime"), n.text()) for n in tree.css("time[datetime], time[pubdate]")],
        )
    for raw in marks.jsonld:
        found = _jsonld_published(raw)
        if found is not None:
            return found
    metas: dict[str, str] = {}
    for attrs in marks.metas:
        name = (attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or "").strip().lower()
        content = attrs.get("content")
        if name in PUBLISHED_META and content and name not in metas:
            metas[name] = content
    for name in PUBLISHED_META:
        found = _iso(metas.get(name))
        if found is not None:
            return found
    for datetime_attr, text in marks.times:
        found = _iso(datetime_attr or text)
        if found is not None:
            return found
    return None


def _jsonld_published(raw: str) -> dt.datetime | None:
    try:
        data = json.loads(raw)
    except ValueError:
        m = _JSONLD_DATE.search(raw)  # a sloppy block (trailing commas) still names the field
        return _iso(m.group(1)) if m else None
    stack = [data]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            value = item.get("datePublished")
            if isinstance(value, str):
                found = _iso(value)
                if found is not None:
                    return found
            stack.extend(v for v in item.values() if isinstance(v, dict | list))
        elif isinstance(item, list):
            stack.extend(item)
    return None


# ---------------------------------------------------------------- 2. the line under the title

LIST_WINDOW = 4  # lines either side looked at for other dates
LIST_DATES = 2  # this many other date lines that close: a list of other articles
TITLE_LINE_MAX = 90  # a date line is short: date, source, maybe the site's address and widgets
TITLE_LINE_LOOKAHEAD = 14  # text lines read after the headline before giving up
_PROSE = re.compile(r"[，。；！？]")
_FOOTER = re.compile(r"©|copyright|版权|ICP|备案|公网安备", re.I)
_CODE = re.compile(r"[=;{}<>\"]")  # script text (lexbor's text() includes it) is no date line
# Baidu's 百家号 platform (and CMSs copying it) prints a two-digit year after the label:
# 发布时间：18-03-08 23:16. Only after that label is it read as 2018-03-08.
_SHORT_YEAR = re.compile(r"发布时间\s*[:：]\s*(\d{2})-(\d{1,2})-(\d{1,2})(?!\d)(?:\s+(\d{1,2}):(\d{2})(?!\d))?")
# A date the line reports on (e.g. 【看中国2005年07月03日报道】 inside a lede) is not
# the page's own publication line; the line must be mostly date, address and source.
_LINE_JUNK = re.compile(r"https?://\S+|[A-Za-z0-9.-]+\.(?:com|cn|net|org)(?:\.cn)?\b|[\W_]", re.I)
MAX_TITLE_LINE_WORDS = 24  # characters left once date, address and punctuation are gone


def _following_lines(title_node: LexborNode, limit: int) -> list[str]:
    """Text lines printed after `title_node` in reading order, at most `limit` of them."""
    lines: list[str] = []
    node: LexborNode | None = title_node
    for _ in range(8):  # ancestors climbed; the headline sits a few levels under its block
        if node is None or node.tag in ("body", "html"):
            break
        sibling = node.next
        while sibling is not None:
            if sibling.tag not in ("script", "style", "-comment"):
                text = sibling.text(separator="\n") if sibling.is_element_node else (sibling.text() or "")
                for raw in text.split("\n"):
                    line = clean_inline(raw)
                    if line:
                        lines.append(line)
                        if len(lines) >= limit:
                            return lines
            sibling = sibling.next
        node = node.parent
    return lines


_FW = str.maketrans("０１２３４５６７８９：－／．　", "0123456789:-/. ")


def date_line(line: str) -> dt.datetime | None:
    """The date of a short line that is *about* the page: date, maybe time, source, site address."""
    if len(line) > TITLE_LINE_MAX or _FOOTER.search(line) or _CODE.search(line):
        return None
    line = line.translate(_FW)
    m = DATE_RE.search(line)
    if m is None:
        return _short_year(line)
    rest = _LINE_JUNK.sub("", line[: m.start()] + line[m.end() :])
    if len(rest) > MAX_TITLE_LINE_WORDS or _PROSE.search(line[m.end() : m.end() + 3]):
        return None  # 2019年10月15日，沈阳，… : a sentence that starts with a date
    return _plausible(parse_datetime(m.group(0)))


def _short_year(line: str) -> dt.datetime | None:
    m = _SHORT_YEAR.search(line)
    if m is None:
        return None
    try:
        value = dt.datetime(2000 + int(m[1]), int(m[2]), int(m[3]), int(m[4] or 0), int(m[5] or 0))
    except ValueError:
        return None
    return _plausible(value)


def title_line_date(title_node: LexborNode | None) -> dt.datetime | None:
    """The first date line under the headline, before the body's prose starts."""
    if title_node is None:
        return None
    lines = _following_lines(title_node, TITLE_LINE_LOOKAHEAD + LIST_WINDOW)
    for i, line in enumerate(lines[:TITLE_LINE_LOOKAHEAD]):
        if len(line) >= 60 and _PROSE.search(line):
            return None  # the body has begun: a date further down is not the title line
        found = date_line(line)
        if found is not None:
            # A headline with no date line of its own can be followed by a box of other
            # articles with their dates (a sidebar printed before the body): not this page's.
            near = lines[i + 1 : i + 1 + LIST_WINDOW]
            if sum(1 for other in near if DATE_RE.search(other) and date_line(other)) >= LIST_DATES:
                return None
            return found
    return None


# ---------------------------------------------------------------- 3. the URL

_URL_DATES = (
    re.compile(r"/t((?:19|20)\d{2})(\d{2})(\d{2})_\d+"),  # TRS: /202310/t20231010_123.html
    re.compile(r"/((?:19|20)\d{2})-(\d{1,2})[/-](\d{1,2})/"),  # /2005-05/07/ and /2005-05-07/
    re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})/"),  # /2005/05/07/
    re.compile(r"/((?:19|20)\d{2})(\d{2})(\d{2})/"),  # /20231010/
    re.compile(r"/((?:19|20)\d{2})(\d{2})/(\d{2})/"),  # /202310/10/
    re.compile(r"[/_-]((?:19|20)\d{2})(\d{2})(\d{2})[_-]?\d*\.s?html?$"),  # /20231010_1.html
)


def url_date(url: str | None) -> dt.datetime | None:
    """The publication day a CMS wrote into the article's path (midnight: no time known)."""
    if not url:
        return None
    path = url.split("?", 1)[0].split("#", 1)[0]
    path = path[path.find("/", path.find("//") + 2) :] if "//" in path else path
    for pattern in _URL_DATES:
        m = pattern.search(path)
        if m:
            try:
                return _plausible(dt.datetime(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            except ValueError:
                continue
    return None


# ---------------------------------------------------------------- 4. page-wide scorer

_LABEL = re.compile(r"(?:发布|发表|更新|时间|日期|日\s*期|时\s*间)\s*[:：]?\s*$")
MIN_PAGE_SCORE = 4


def page_date(lines: list[str], title: str | None) -> dt.datetime | None:
    """The best-placed date line of the page, or None when no line is convincing.

    `lines`: the page's text lines in reading order (chrome included). A candidate is a
    short date line (`date_line`). It scores for a label before the date (发布时间：),
    for a time of day, and for sitting close to the headline; it is dropped when other
    date lines crowd round it (a list of other articles with their dates).
    """
    dated: list[tuple[int, dt.datetime, str]] = []
    for i, line in enumerate(lines):
        if len(line) <= TITLE_LINE_MAX and DATE_RE.search(line):
            value = date_line(line)
            if value is not None:
                dated.append((i, value, line))
    if not dated:
        return None
    at = _title_index(lines, title)
    best: tuple[int, int, dt.datetime] | None = None
    positions = [i for i, _, _ in dated]
    for i, value, line in dated:
        crowd = bisect.bisect_right(positions, i + LIST_WINDOW) - bisect.bisect_left(positions, i - LIST_WINDOW) - 1
        if crowd >= LIST_DATES:
            continue
        m = DATE_RE.search(line)
        before = line[: m.start()] if m else ""
        prev = lines[i - 1] if i > 0 else ""
        score = 0
        if _LABEL.search(before) or (not before.strip() and _LABEL.search(prev)):
            score += 3
        if value.time() != dt.time():
            score += 2
        if at is not None:
            distance = i - at
            if -3 <= distance <= 8:
                score += 3
            elif 0 < distance <= 40:
                score += 1
        if score >= MIN_PAGE_SCORE and (best is None or score > best[0]):
            best = (score, -i, value)
    return best[2] if best else None


def _title_index(lines: list[str], title: str | None) -> int | None:
    if not title:
        return None
    probe = "".join(title.split())[:16]
    for i, line in enumerate(lines):
        if probe and probe in "".join(line.split()):
            return i
    return None


def page_lines(page_text: str) -> list[str]:
    return [line for line in (clean_inline(raw) for raw in page_text.split("\n")) if line]


__all__ = [
    "PUBLISHED_META",
    "date_line",
    "page_date",
    "page_lines",
    "structured_date",
    "title_line_date",
    "url_date",
]
