"""Reading one proposal's paper trail: the proposal, its replies, the reports and the copies.

What `govarchive proposal TEXT_OR_KEY` prints. A key in any printed form
(`宿州市政协|六届二次会议|321`, `宿州市政协六届二次会议第0321号提案`) goes through
`parsers.proposal_key.parse_key`; a page's URL finds the proposals it belongs to; other
text is looked for in proposal titles and proposers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from parsers.proposal_key import parse_key
from warehouse import db as dbmod

_PROPOSAL_COLUMNS = (
    "proposal_key", "body", "kind", "session", "proposal_no", "proposal_title", "proposer",
    "replies", "first_reply_at",
)  # fmt: skip


@dataclass(slots=True)
class TrailPage:
    url: str
    title: str | None
    published_at: dt.datetime | None
    bureau: str | None = None
    reply_class: str | None = None
    handling: str | None = None  # lead | co
    handling_label: str | None = None  # 主办 | 协办 | 会办
    matched_by: str | None = None  # number | title
    copy_of: str | None = None
    link_kind: str | None = None  # repost (原文链接) | same_text
    score: float | None = None


@dataclass(slots=True)
class Trail:
    proposal: dict[str, Any]
    replies: list[TrailPage] = field(default_factory=list)
    reports: list[TrailPage] = field(default_factory=list)
    copies: list[TrailPage] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        def safe(v: Any) -> Any:
            return v.isoformat(sep=" ") if isinstance(v, dt.datetime) else v

        return {
            "proposal": {k: safe(v) for k, v in self.proposal.items()},
            **{
                name: [{k: safe(v) for k, v in asdict(p).items()} for p in getattr(self, name)]
                for name in ("replies", "reports", "copies")
            },
        }


    def lines(self) -> list[str]:
        """The trail as the CLI prints it."""
        p = self.proposal
        kind = "提案" if p["kind"] == "proposal" else "建议"
        out = [
            f"{p['proposal_key']}  ({kind})",
            f"  title:    {p['proposal_title'] or '-'}",
            f"  proposer: {p['proposer'] or '-'}",
            f"  replies:  {p['replies']}" + (f", first {_day(p['first_reply_at'])}" if p["first_reply_at"] else ""),
            f"replies ({len(self.replies)}):",
        ]
        for r in self.replies:
            role = f"{r.handling} ({r.handling_label})" if r.handling else "-"
            out.append(
                f"  {_day(r.published_at)}  {r.bureau or '-'}  class {r.reply_class or '-'}  role {role}  {r.url}"
            )
        out.append(f"reports ({len(self.reports)}):")
        for r in self.reports:
            out.append(f"  {_day(r.published_at)}  {r.title or '-'}  (by {r.matched_by})  {r.url}")
        out.append(f"copies ({len(self.copies)}):")
        for r in self.copies:
            how = r.link_kind or "copy"
            if r.link_kind == "same_text" and r.score is not None:
                how = f"same_text {r.score:.2f}"
            out.append(f"  {r.url}  <- {how} of {r.copy_of or '-'}")
        return out


def _day(value: dt.datetime | None) -> str:
    return value.strftime("%Y-%m-%d") if value else "----------"


def matching_keys(con: duckdb.DuckDBPyConnection, text: str) -> list[str]:
    """Proposal keys `text` names: a key, a page URL, or words of a title / a proposer."""
    text = text.strip()
    key = parse_key(text)
    if key:
        found = con.execute("SELECT proposal_key FROM proposals WHERE proposal_key = ?", [key]).fetchall()
        if found:
            return [found[0][0]]
    if text.startswith(("http://", "https://")):
        rows = con.execute(
            "SELECT DISTINCT proposal_key FROM proposal_links WHERE url = ? ORDER BY 1", [text]
        ).fetchall()
        return [r[0] for r in rows]
    rows = con.execute(
        """
        SELECT proposal_key FROM proposals
        WHERE contains(proposal_title, ?) OR proposer = ? OR contains(proposer, ?)
        ORDER BY first_reply_at NULLS LAST, proposal_key
        """,
        [text, text, text],
    ).fetchall()
    return [r[0] for r in rows]


def trail(con: duckdb.DuckDBPyConnection, key: str) -> Trail | None:
    row = con.execute(
        f"SELECT {', '.join(_PROPOSAL_COLUMNS)} FROM proposals WHERE proposal_key = ?", [key]
    ).fetchone()
    if row is None:
        return None
    result = Trail(dict(zip(_PROPOSAL_COLUMNS, row, strict=True)))
    rows = con.execute(
        """
        SELECT l.role, l.url, d.title, d.published_at, l.bureau, d.reply_class, l.handling,
               l.handling_label, l.matched_by, l.copy_of, dl.kind, dl.score
        FROM proposal_links l
        LEFT JOIN documents d ON d.url = l.url
        LEFT JOIN (SELECT url, other_url, kind, score FROM document_links
                   UNION ALL SELECT other_url, url, kind, score FROM document_links
                   WHERE kind = 'same_text') dl
          ON dl.url = l.url AND dl.other_url = l.copy_of
        WHERE l.proposal_key = ?
        ORDER BY d.published_at NULLS LAST, l.url, dl.kind <> 'repost'
        """,
        [key],
    ).fetchall()
    seen: set[tuple[str, str]] = set()
    for role, url, *rest in rows:
        if (role, url) in seen:  # a copy linked both ways keeps its first (repost) row
            continue
        seen.add((role, url))
        page = TrailPage(url, *rest)
        {"reply": result.replies, "report": result.reports, "repost": result.copies}[role].append(page)
    return result


def find(path: Path, text: str) -> tuple[list[str], Trail | None]:
    """(matching keys, the trail of the one match or None when none or several match)."""
    with dbmod.reader(path) as con:
        keys = matching_keys(con, text)
        return keys, (trail(con, keys[0]) if len(keys) == 1 else None)
