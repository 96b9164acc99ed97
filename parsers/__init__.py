"""bytes -> Document. Pure: no network, no files, no database.

`parse(content, url, content_type)` is the whole public surface; its pipeline lives in
`parsers.pipeline`. The layers below it are each usable alone: `decode` (bytes -> text),
`meta` (2017 guideline tags), `header` (the 索引 label/value block in any layout),
`page` (title, 来源/时间 line, editor, 原文链接), `published` (date layers for pages
nobody wrote an adapter for), `reply` (proposal/suggestion reply columns), `content`
(main text by density, chrome removal), `attachments`, `sites` (adapters chosen by markup).
"""

from __future__ import annotations

from parsers.document import Attachment, Document
from parsers.errors import ParseError
from parsers.pipeline import MAX_DEPTH, MAX_PARSE_BYTES, PARSER_VERSION, parse

__all__ = ["MAX_DEPTH", "MAX_PARSE_BYTES", "PARSER_VERSION", "Attachment", "Document", "ParseError", "parse"]
