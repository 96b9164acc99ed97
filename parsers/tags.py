"""Lexbor's numeric tag ids, for the per-element loops.

Reading `node.tag` builds a new Python string on every access; `node.tag_id` is a
plain integer, about four times cheaper. Loops that run over every link or box of a
page compare ids, looked up once here from lexbor itself (so they always agree with
the parser in use).
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

_PROBE = LexborHTMLParser("")


def tag_id(name: str) -> int:
    """The id lexbor gives elements named `name` (known and unknown names alike)."""
    return _PROBE.create_node(name).tag_id


def tag_ids(*names: str) -> frozenset[int]:
    return frozenset(tag_id(name) for name in names)
