"""The parsed document: the one shape every layer of `parsers/` fills and every loader reads.

Field names are the `documents` columns of shared/CONTRACT.md, so `to_dict()` can be
loaded and printed without a mapping table in between.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Any

# Contract columns filled from the disclosure header ("索引" table), in the order
# CONTRACT.md lists them. `parsers.header` maps labels onto these names.
HEADER_COLUMNS: tuple[str, ...] = (
    "index_no",
    "info_category",
    "issuer",
    "written_date",
    "publish_date",
    "doc_no",
    "validity",
    "effective_date",
    "expiry_date",
    "doc_name",
    "consult_org",
    "consult_phone",
)
# The fields `Document.content_hash` covers, in its order.
_HASHED = ("title", "body_text", "published_at", "source_name", *HEADER_COLUMNS)

@dataclass(slots=True)
class Attachment:
    """A file linked from the body (附件); part of the record, so kept with its link text."""

    name: str
    url: str

    def to_dict(self) -> dict[str, str]:
        return {"name": self.name, "url": self.url}


@dataclass(slots=True)
class Document:
    """Everything the archive knows about one page version.

    `url` is the address asked for, `final_url` the one answered after redirects.
    `source` and `fetched_at` are set by the flow that fetched the page; the parser
    leaves them as given. Dates are `datetime.date`, timestamps `datetime.datetime`
    (naive, in the site's local time, which is China Standard Time).
    """

    url: str
    final_url: str | None = None
    site: str | None = None  # host name of final_url (or url)
    source: str | None = None  # configured crawl source, None for manual ingest
    title: str | None = None
    published_at: dt.datetime | None = None
    source_name: str | None = None  # 来源
    reporter: str | None = None  # 记者
    editor: str | None = None  # 责任编辑 / 编辑
    original_url: str | None = None  # 原文链接 on re-posts
    body_text: str | None = None  # paragraphs separated by "\n\n"
    body_html: str | None = None  # cleaned body markup, links absolute
    content_sha256: str | None = None  # hash of the extracted content, see content_hash()
    fetched_at: dt.datetime | None = None
    parser_version: str | None = None
    metadata: dict[str, str] = field(default_factory=dict)  # every header label -> value as printed
    # disclosure header columns
    index_no: str | None = None
    info_category: str | None = None
    issuer: str | None = None
    written_date: dt.date | None = None
    publish_date: dt.datetime | None = None
    doc_no: str | None = None
    validity: str | None = None
    effective_date: dt.date | None = None
    expiry_date: dt.date | None = None
    doc_name: str | None = None
    consult_org: str | None = None
    consult_phone: str | None = None
    # reply columns
    proposal_no: str | None = None
    session: str | None = None
    proposer: str | None = None
    proposal_title: str | None = None
    reply_class: str | None = None
    contact_unit: str | None = None
    contact_phone: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    # beyond the contract: how the page was read
    doc_type: str | None = None  # proposal_reply | suggestion_reply | disclosure | article
    adapter: str | None = None  # site adapter that extracted the body ("generic" for the fallback)
    encoding: str | None = None
    encoding_confidence: float | None = None
    warnings: list[str] = field(default_factory=list)

    def content_hash(self) -> str:
        """Hash of what the page says, not of its bytes.

        Site chrome (view counters, sidebars, "latest news" dates) changes on every
        fetch; hashing the extracted fields means a new version is recorded only when
        the document itself changed.
        """
        # One string, encoded and hashed once: the same bytes as field by field (a sha256
        # of a concatenation is that of its parts fed in turn), a fortieth of the calls.
        parts = []
        for name in _HASHED:
            value = getattr(self, name)
            parts.append(f"{name}\x00{value if value is not None else ''}\x01")
        parts.extend(f"{att.name}\x00{att.url}\x01" for att in self.attachments)
        return hashlib.sha256("".join(parts).encode("utf-8")).hexdigest()

    def to_dict(self, *, json_safe: bool = False) -> dict[str, Any]:
        """The contract's keys (plus the parse diagnostics), values as Python objects.

        With `json_safe`, dates become ISO strings so the result can go to `json.dumps`.
        """
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if f.name == "attachments":
                value = [a.to_dict() for a in value]
            elif f.name in ("metadata",):
                value = dict(value)
            elif f.name == "warnings":
                value = list(value)
            elif json_safe and isinstance(value, dt.date | dt.datetime):
                value = value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value.isoformat()
            out[f.name] = value
        return out


CONTRACT_KEYS: tuple[str, ...] = tuple(
    f.name
    for f in dataclasses.fields(Document)
    if f.name not in ("doc_type", "adapter", "encoding", "encoding_confidence", "warnings")
)
