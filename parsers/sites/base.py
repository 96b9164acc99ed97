"""The adapter shape and its registry."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser

from parsers.tree_walks import select_css_first


@dataclass(frozen=True, slots=True)
class Adapter:
    """How one family of sites lays out an article.

    `body` selectors are tried in order (first match wins; none matching means the
    generic detector runs inside `scope`, or over the page). `chrome` selectors are
    removed from the page before extraction; `chrome_lines` drops body elements whose
    text matches (line-level furniture the family adds).
    """

    name: str
    # (tree, url, page_text) -> bool; page_text is the body's text when the caller has it
    # (None otherwise: a matcher that needs it reads it itself).
    matches: Callable[[LexborHTMLParser, str, str | None], bool] | None = None
    body: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    chrome: tuple[str, ...] = ()
    chrome_lines: re.Pattern[str] | None = None
    priority: int = 0
    # A selector whose presence alone accepts the page (checked before `matches`). The
    # markers of all adapters are looked for in one selector pass: on most pages none
    # is there, and one walk of the tree says so for all of them.
    marker: str | None = None


ADAPTERS: list[Adapter] = []


def register(adapter: Adapter) -> Adapter:
    ADAPTERS.append(adapter)
    ADAPTERS.sort(key=lambda a: a.priority, reverse=True)
    return adapter


def pick(tree: LexborHTMLParser, url: str, page_text: str | None = None) -> Adapter | None:
    """The highest-priority adapter whose matcher accepts the page.

    `page_text`: the body's text (`body.text(separator="\n")`) when the caller has read
    it, so a matcher that looks for words does not read the page a second time.
    """
    markers = [a.marker for a in ADAPTERS if a.marker]
    any_marker = bool(markers) and select_css_first(tree, ", ".join(markers)) is not None
    for adapter in ADAPTERS:
        try:
            if any_marker and adapter.marker and select_css_first(tree, adapter.marker) is not None:
                return adapter
            if adapter.matches is not None and adapter.matches(tree, url, page_text):
                return adapter
        except Exception:  # a broken matcher must not take the page down with it
            continue
    return None
