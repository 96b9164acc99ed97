"""Reading one proposal's paper trail: the proposal, its replies, the reports and the copies.

What `govarchive proposal TEXT_OR_KEY` prints. A key in any printed form
(`宿州市政协|六届二次会议|321`, `宿州市政协六届二次会议第0321号提案`) goes through
`parsers.proposal_key.parse_key`; a page's URL finds the proposals it belongs to; other
text is looked for in proposal titles and proposers.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from parsers.proposal_key import parse_key
from warehouse import db as dbmod


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
        found = con.execute(
            "SELECT proposal_key FROM proposal_refs WHERE proposal_key = ? LIMIT 1", [key]
        ).fetchall()
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
    """One proposal's row and pages. Reads `proposal_links` once for the key and derives the
    proposal's row from it as the `proposals` view does (the views evaluated whole, then
    joined, took seconds at 100,000 documents; a test holds the two equal)."""
    refs = con.execute(
        "SELECT url, role, body, kind, session, proposal_no, proposal_title, proposer"
        " FROM proposal_refs WHERE proposal_key = ?",
        [key],
    ).fetchall()
    if not refs:
        return None
    links = con.execute(
        "SELECT role, url, bureau, handling, handling_label, matched_by, copy_of"
        " FROM proposal_links WHERE proposal_key = ?",
        [key],
    ).fetchall()
    docs = _documents(con, [r[1] for r in links])
    kinds = _copy_kinds(con, [r[1] for r in links if r[0] == "repost"])
    result = Trail(_proposal_row(key, refs, links, docs))
    order = sorted(links, key=lambda r: (docs.get(r[1], (None, None))[1] is None, docs.get(r[1], (None, None))[1] or dt.datetime.min, r[1]))
    seen: set[tuple[str, str]] = set()
    for role, url, bureau, handling, label, matched_by, copy_of in order:
        if (role, url) in seen:
            continue
        seen.add((role, url))
        title, published, reply_class = docs.get(url, (None, None, None))
        kind, score = kinds.get((url, copy_of), (None, None)) if copy_of else (None, None)
        page = TrailPage(url, title, published, bureau, reply_class, handling, label, matched_by,
                         copy_of, kind, score)  # fmt: skip
        {"reply": result.replies, "report": result.reports, "repost": result.copies}[role].append(page)
    return result


def _mode(values: list[str | None]) -> str | None:
    counted = Counter(v for v in values if v)
    return max(counted, key=lambda v: (counted[v], v)) if counted else None


def _proposal_row(
    key: str, refs: list[tuple], links: list[tuple], docs: dict[str, tuple]
) -> dict[str, Any]:
    first = refs[0]
    by_url = {r[0]: r for r in refs}
    linked = [(role, url, handling) for role, url, _, handling, *_ in links]
    titles = [(role, handling, by_url[url][6], by_url[url][7]) for role, url, handling in linked if url in by_url]
    lead = [t for t in titles if t[0] == "reply" and t[1] == "lead"]
    reply = [t for t in titles if t[0] == "reply"]
    replies = {url for role, url, _ in linked if role == "reply"}
    dates = [docs[u][1] for u in replies if u in docs and docs[u][1] is not None]
    return {
        "proposal_key": key, "body": first[2], "kind": first[3], "session": first[4], "proposal_no": first[5],
        "proposal_title": _mode([t[2] for t in lead]) or _mode([t[2] for t in reply]) or _mode([t[2] for t in titles]),
        "proposer": _mode([t[3] for t in lead]) or _mode([t[3] for t in reply]) or _mode([t[3] for t in titles]),
        "replies": len(replies), "first_reply_at": min(dates) if dates else None,
    }  # fmt: skip


def _documents(con: duckdb.DuckDBPyConnection, urls: list[str]) -> dict[str, tuple]:
    if not urls:
        return {}
    with dbmod.registered(con, "_trail_pages", "url", sorted(set(urls)), pa.string()):
        rows = con.execute(
            "SELECT url, title, published_at, reply_class FROM document_versions"
            " SEMI JOIN _trail_pages USING (url) WHERE is_current"
        ).fetchall()
    return {r[0]: r[1:] for r in rows}


def _copy_kinds(
    con: duckdb.DuckDBPyConnection, copies: list[str]
) -> dict[tuple[str, str], tuple[str, float]]:
    """(copy, original) -> (kind, score) of the document_links rows between them
    (a repost link, naming its original, is preferred to the same_text pair)."""
    if not copies:
        return {}
    found: dict[tuple[str, str], tuple[str, float]] = {}
    with dbmod.registered(con, "_copies", "url", copies, pa.string()):
        for url, other, kind, score in con.execute(
            "SELECT url, other_url, kind, score FROM document_links"
            " WHERE url IN (SELECT url FROM _copies) OR other_url IN (SELECT url FROM _copies)"
            " ORDER BY kind = 'repost'"
        ).fetchall():
            found[(url, other)] = (kind, score)
            if kind == "same_text":
                found.setdefault((other, url), (kind, score))
    return found


def find(path: Path, text: str) -> tuple[list[str], Trail | None]:
    """(matching keys, the trail of the one match or None when none or several match)."""
    with dbmod.reader(path) as con:
        keys = matching_keys(con, text)
        return keys, (trail(con, keys[0]) if len(keys) == 1 else None)
