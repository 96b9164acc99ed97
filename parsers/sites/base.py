"""The adapter shape and its registry."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser


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
    matches: Callable[[LexborHTMLParser, str, str | None], bool]
    body: tuple[str, ...] = ()
    title: tuple[str, ...] = ()
    chrome: tuple[str, ...] = ()
    chrome_lines: re.Pattern[str] | None = None
    priority: int = 0


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
    for adapter in ADAPTERS:
        try:
            if adapter.matches(tree, url, page_text):
                return adapter
        except Exception:  # a broken matcher must not take the page down with it
            continue
    return None
