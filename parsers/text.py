"""Text helpers shared by the layers: whitespace as these pages use it, and block-aware text.

Government pages indent with full-width spaces and `&nbsp;`, space out labels
(`文&nbsp;&nbsp;号`), and separate paragraphs with `<p>`, `<div>` or bare `<br>`; every
layer needs the same idea of what a paragraph and a label are.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from selectolax.lexbor import LexborNode

from parsers.tags import tag_ids
from parsers.tree_walks import FAST, Tags, block_text_raw, cleaned_text, select

try:  # the page-word scan in C (`words_present`)
    from parsers._textscan import words_in as _words_in
except ImportError:  # not built: the regex scan
    _words_in = None

# Whitespace as rendered: ASCII, nbsp, en/em/thin spaces, zero-width, full-width space.
_WS = "\\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff"
_LABEL_JUNK = re.compile(f"[{_WS}:：*【】\\[\\]·•]+")

BLOCK_SELECTOR = ",".join(
    (
        "p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section",
        "article", "blockquote", "dd", "dt", "dl", "ul", "ol", "pre", "hr", "header", "footer",
        "form", "center", "address", "figure", "figcaption", "caption", "main", "aside", "nav",
    )
)
CELL_SELECTOR = "td, th"
_BLOCKS_AND_CELLS = Tags(f"{BLOCK_SELECTOR}, {CELL_SELECTOR}")
_BLOCKS, _CELLS, _BREAKS = Tags(BLOCK_SELECTOR), Tags(CELL_SELECTOR), Tags("br, hr")
_CELL_IDS = tag_ids("td", "th")
_BREAK_IDS = tag_ids("br", "hr")
_PARA = "\x1e"  # paragraph marker inserted around block elements before reading text
_CELL = "\x1f"


def clean_inline(text: str | None) -> str:
    """Collapse all whitespace kinds to one space and trim.

    `str.split()` knows every Unicode space (nbsp, full-width) and runs in C, several
    times faster than a regex on long texts; zero-width characters are dropped first.
    """
    if not text:
        return ""
    if "\u200b" in text or "\ufeff" in text:
        text = text.replace("\u200b", "").replace("\ufeff", "")
    return " ".join(text.split())


def clean_text(node: LexborNode, separator: str, limit: int) -> str | None:
    """`clean_inline(node.text(separator=separator))`, or None when that is surely longer
    than `limit` characters (more than `limit` of them are neither whitespace nor
    zero-width; the text is not read past that point). `separator`: "" or whitespace.

    One C pass over the text nodes, without the raw text or its split; without the
    extension, or for text that is not valid UTF-8, the text is read and cleaned as
    always, and never None: callers keep their own length test.
    """
    if separator and not separator.isspace():
        raise ValueError("clean_text joins text nodes with nothing or with whitespace")
    if FAST:
        found = cleaned_text(node, bool(separator), limit)
        if found is not False:
            return found  # type: ignore[return-value]  # (str or None once False is out)
    return clean_inline(node.text(separator=separator))


def words_present(text: str, words: Iterable[str]) -> frozenset[str]:
    """Which of `words` occur in `text`, found in one scan instead of one `in` each.

    On a real page's text (11 K characters, mostly CJK) every `word in text` is a scan of
    its own; the layers ask for some twenty words. With `parsers._textscan` built, one C
    pass looks only at characters some word starts with. Otherwise one alternation finds
    them left to right without overlaps, so a word that can only occur overlapping a found
    one (原文 inside 原文链接, 文号 after 原文) is confirmed with `in`. The answer is exact
    either way.
    """
    finder = _word_finder(tuple(words))
    if _words_in is not None and finder.starts is not None:
        return frozenset(_words_in(text, finder.words, finder.starts))
    found = set(finder.pattern.findall(text))
    for word in tuple(found):
        for other in finder.risky[word]:
            if other not in found and other in text:
                found.add(other)
    return frozenset(found)


@dataclass(frozen=True, slots=True)
class _WordFinder:
    words: tuple[str, ...]  # each once, longest first
    pattern: re.Pattern[str]  # their alternation
    risky: dict[str, tuple[str, ...]]  # for each, the words that may overlap it
    starts: bytes | None  # the C scan's bitmap of first characters (None: one is past the BMP)


@functools.lru_cache(maxsize=16)
def _word_finder(words: tuple[str, ...]) -> _WordFinder:
    ordered = tuple(sorted(set(words), key=len, reverse=True))  # longest first at one position
    pattern = re.compile("|".join(map(re.escape, ordered)))
    risky = {a: tuple(b for b in ordered if b != a and _may_overlap(a, b)) for a in ordered}
    bits = bytearray(_STARTS_SIZE)
    for word in ordered:
        c = ord(word[0])
        if c >= 8 * _STARTS_SIZE or len(ordered) > 64:
            return _WordFinder(ordered, pattern, risky, None)
        bits[c >> 3] |= 1 << (c & 7)
    return _WordFinder(ordered, pattern, risky, bytes(bits))


_STARTS_SIZE = 8192  # one bit per character of the BMP


def _may_overlap(a: str, b: str) -> bool:
    """Whether `b` can start inside an occurrence of `a` (or lie within it)."""
    return b in a or any(a.endswith(b[:k]) for k in range(1, min(len(a), len(b))))


def finditer_not_after(
    bare: re.Pattern[str], text: str, excluded: Callable[[str], bool]
) -> Iterator[re.Match[str]]:
    """`finditer` of `(?<!X)bare` over `text`, where `excluded(ch)` says whether `ch` is an X.

    A pattern that starts with a lookbehind gives the regex engine no first character to
    skip to, so it tries every position of the text (over a page's text, 5-8x slower than
    the same pattern without it). Here the bare pattern finds each candidate and the
    character before it is checked by hand; a refused candidate's search resumes one
    character on, as the engine's own would. Only for patterns that never match empty.
    """
    pos = 0
    while (m := bare.search(text, pos)) is not None:
        start = m.start()
        if start > 0 and excluded(text[start - 1]):
            pos = start + 1
            continue
        yield m
        pos = m.end()


def squash(text: str) -> str:
    """Text without any whitespace (label matching and length measures)."""
    return "".join(text.split())


def normalize_label(text: str) -> str:
    """A header label as a key: no spaces of any width, no colons or brackets."""
    return _LABEL_JUNK.sub("", text)


def block_text(node: LexborNode) -> str:
    """Text of `node` with paragraph breaks ("\\n\\n") where blocks and `<br>` break lines.

    Block boundaries are marked with a control character, in one C walk that reads the
    text (`tree_walks.block_text_raw`); without the extension the marks are put into the
    tree and the C side joins the text, which mutates the subtree: call it on markup you
    no longer need as HTML.
    """
    raw = block_text_raw(node, _BLOCKS, _CELLS, _BREAKS, _PARA, _CELL) if FAST else _marked_text(node)
    # Each paragraph cleaned (_INNER_WS runs to one space, edges stripped). The runs are
    # collapsed in one pass over the whole text instead of one per paragraph: no run
    # crosses a paragraph mark (_INNER_WS does not match it), so it is the same.
    flat = _INNER_WS.sub(" ", raw.replace(_CELL, " "))
    lines = [piece.strip(_EDGE_WS) for piece in flat.split(_PARA)]
    return "\n\n".join(line for line in lines if line)


def _marked_text(node: LexborNode) -> str:
    """The text with the marks `block_text` splits on, by putting them into the tree."""
    own = node.mem_id
    for block in select(node, _BLOCKS_AND_CELLS):  # one pass over the subtree
        tag = block.tag_id
        if tag in _CELL_IDS:
            block.insert_after(_CELL)
            continue
        if block.mem_id == own:
            continue
        if tag in _BREAK_IDS:
            block.insert_after(_PARA)
            continue
        block.insert_before(_PARA)
        block.insert_after(_PARA)
    return node.text(separator="")


# Inside a paragraph, runs of breaking whitespace and nbsp are one space, but a
# full-width space is typography ("第三条　本办法…") and is kept; at the edges
# (indentation) every kind is stripped.
_INNER_WS = re.compile("[ \t\r\n\f\v\u00a0\u2000-\u200b\u202f\u205f\ufeff]+")
_EDGE_WS = " \t\r\n\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u202f\u205f\u3000\ufeff"
