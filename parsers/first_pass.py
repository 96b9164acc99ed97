"""The first pass over a freshly parsed page: read the marks no reader sees, then drop the junk.

Several early layers want elements that the junk removal takes away or that sit in the
head: the 2017 guideline's `<meta>` tags (`meta`), JSON-LD blocks, OpenGraph meta and
`<time datetime>` (`published.structured_date`), `<base href>` (links). Each of them
used to walk the whole tree with its own selector, and then `content.strip_junk`
walked it again; on real pages every such walk costs about a tenth of the whole lexbor
parse. Here one selector pass finds all of them, their values are copied out, and the
junk goes (innermost first) — the same result as the separate passes, in one walk.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser

from parsers.content import HIDDEN_STYLES, JUNK_OR_HIDDEN, JUNK_SET, is_hidden_blob
from parsers.tags import tag_id, tag_ids
from parsers.tree_walks import Tags, select

_SELECTOR = Tags(f"{JUNK_OR_HIDDEN.selector}, time, base")  # (their attributes are checked below)
_JSONLD = "application/ld+json"
_JUNK_IDS = tag_ids(*JUNK_SET)
_META, _SCRIPT, _TIME, _BASE = (tag_id(name) for name in ("meta", "script", "time", "base"))


@dataclass(slots=True)
class PageMarks:
    """What the page says about itself in markup, copied out before that markup goes.

    `metas`: every `<meta>`'s attributes, in page order; `jsonld`: the text of each
    `<script type="application/ld+json">`; `times`: each `<time>` with a `datetime` or
    `pubdate` attribute as (its datetime attribute or None, its text); `base_href`: the
    first `<base href>`'s value.
    """

    metas: list[dict[str, str | None]] = field(default_factory=list)
    jsonld: list[str] = field(default_factory=list)
    times: list[tuple[str | None, str]] = field(default_factory=list)
    base_href: str | None = None


def read_marks_and_strip(tree: LexborHTMLParser) -> PageMarks:
    """One selector pass: copy out meta/JSON-LD/time/base, then remove junk and hidden blobs."""
    marks = PageMarks()
    nodes = select(tree, _SELECTOR)
    found_base = False
    for node in nodes:
        tag = node.tag_id
        if tag == _META:
            marks.metas.append(node.attributes)
        elif tag == _SCRIPT:
            kind = node.attrs.get("type")
            if kind is not None and kind.lower() == _JSONLD:
                marks.jsonld.append(node.text(deep=True))
        elif tag == _TIME:
            attrs = node.attributes
            if "datetime" in attrs or "pubdate" in attrs:
                marks.times.append((attrs.get("datetime"), node.text()))
        elif tag == _BASE and not found_base:
            attrs = node.attributes
            if "href" in attrs:
                marks.base_href, found_base = attrs["href"], True
    for node in reversed(nodes):  # innermost first: never touch a removed node
        tag = node.tag_id
        if tag in _JUNK_IDS:
            node.decompose()
        elif (tag != _TIME and tag != _BASE or is_hidden_style(node.attrs.get("style"))) and is_hidden_blob(node):
            node.decompose()  # a time/base is here for its value; it is a blob only if also hidden
    return marks


def is_hidden_style(style: str | None) -> bool:
    """The inline style the hidden-blob selector looks for (`display:none` and its spellings)."""
    return style is not None and any(mark in style for mark in HIDDEN_STYLES)
