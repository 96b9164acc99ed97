"""What one replica article says, derived from (column, index, version) alone.

Everything is a pure function of a seeded RNG keyed by the article index, so page
20,000 costs nothing until it is asked for and is the same bytes on every run.
Identity (title, date, proposer, ...) never changes; the body text depends on the
version, which is how the replica models an edited page.
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import cache, lru_cache

from . import corpus

TRS = "trs"
AHSZ = "ahsz"


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    """One crawlable column of one virtual site; sizes and clocks are fixed at start."""

    key: str
    host: str
    platform: str  # TRS | AHSZ
    column_id: str
    name: str
    kind: str  # "news" (nxzx), "proposal", "suggestion", "mixed" (kjj)
    per_page: int
    id_base: int
    id_stride: int
    start: datetime
    step: timedelta
    seed: int = 0

    def article_id(self, i: int) -> int:
        return self.id_base + i * self.id_stride + (i * 3) % self.id_stride

    def index_of_id(self, article_id: int) -> int | None:
        """Inverse of `article_id`; None when the number is not one of ours."""
        offset = article_id - self.id_base
        if offset < 0:
            return None
        i = offset // self.id_stride
        return i if self.article_id(i) == article_id else None


@dataclass(frozen=True, slots=True)
class Attachment:
    name: str
    path: str


@dataclass(frozen=True, slots=True)
class Identity:
    """The parts of an article that listings show and edits never change."""

    index: int
    article_id: int
    path: str
    title: str
    published_at: datetime
    encoding: str  # "utf-8" or "gb18030" (declared gb2312, meta only)
    kind: str  # "news" | "proposal" | "suggestion" | "disclosure"


@dataclass(frozen=True, slots=True)
class Article:
    ident: Identity
    version: int
    source_name: str
    paragraphs: tuple[str, ...]  # prose paragraphs, in order, without salutation/trailer
    salutation: str | None = None
    opening: str | None = None
    closing: str | None = None
    reporter: str | None = None  # as printed, e.g. "单 瑞"
    editor: str | None = None
    session: str | None = None
    proposal_no: str | None = None
    proposer: str | None = None
    proposal_title: str | None = None
    reply_class: str | None = None
    contact_unit: str | None = None
    contact_phone: str | None = None
    page_editor: str | None = None  # 编辑:宿州信息公开009
    header: tuple[tuple[str, str], ...] = ()  # disclosure header, label -> value as printed
    attachments: tuple[Attachment, ...] = field(default_factory=tuple)
    colon: str = ":"


def _rng(spec: ColumnSpec, i: int, salt: str) -> random.Random:
    return random.Random(f"{spec.seed}:{spec.key}:{i}:{salt}")


def published_at(spec: ColumnSpec, i: int) -> datetime:
    jitter = _rng(spec, i, "t").random() * 0.6
    t = spec.start + spec.step * (i + jitter)
    return t.replace(microsecond=0)


def _name(rng: random.Random) -> str:
    given = "".join(rng.choice(corpus.GIVEN) for _ in range(rng.choice((1, 2, 2))))
    return rng.choice(corpus.SURNAMES) + given


def _session(year: int) -> str:
    return {2021: "五届五次会议", 2022: "六届一次会议", 2023: "六届二次会议", 2024: "六届三次会议"}.get(
        year, corpus.SZ_SESSIONS[year % len(corpus.SZ_SESSIONS)]
    )


def _article_kind(spec: ColumnSpec, i: int) -> str:
    if spec.kind != "mixed":
        return spec.kind
    return ("disclosure", "proposal", "suggestion")[i % 3]


def _path(spec: ColumnSpec, i: int, when: datetime) -> str:
    aid = spec.article_id(i)
    if spec.platform == TRS:
        return f"/zxgz/{spec.column_id}/{when:%Y%m}/t{when:%Y%m%d}_{aid}.html"
    return f"/public/{spec.column_id}/{aid}.html"


@lru_cache(maxsize=65536)
def identity(spec: ColumnSpec, i: int) -> Identity:
    rng = _rng(spec, i, "id")
    when = published_at(spec, i)
    kind = _article_kind(spec, i)
    if kind == "news":
        topic, headline = rng.choice(corpus.NX_TOPICS)
        who = rng.choice(corpus.NX_PROPOSERS)
        title = f"{headline}——{who} 自治区政协委员聚焦{topic}建言获答复"
    elif kind == "disclosure":
        template, _ = corpus.KJJ_NOTICES[rng.randrange(len(corpus.KJJ_NOTICES))]
        title = template.format(year=when.year)
    else:
        no = f"{rng.randrange(1, 600):04d}"
        if kind == "proposal":
            title = f"关于宿州市政协{_session(when.year)}第{no}号提案的答复"
        else:
            title = f"关于市{_session(when.year)[:2]}人大{_session(when.year)[2:]}第{no}号建议的答复"
    encoding = "gb18030" if spec.platform == TRS and i % 7 == 6 else "utf-8"
    return Identity(i, spec.article_id(i), _path(spec, i, when), title, when, encoding, kind)


_MAKERS = {
    "year": lambda r: str(2019 + int(r.random() * 5)),
    "pct": lambda r: f"{5 + r.random() * 35:.1f}",
    "pct2": lambda r: f"{0.4 + r.random() * 2.1:.2f}",
    "money": lambda r: f"{0.5 + r.random() * 29.5:.2f}",
    "money2": lambda r: f"{0.1 + r.random() * 0.4:.2f}",
    "num": lambda r: str(5 + int(r.random() * 155)),
    "num2": lambda r: str(3 + int(r.random() * 57)),
    "n1": lambda r: str(1 + int(r.random() * 29)),
    "n2": lambda r: str(2 + int(r.random() * 58)),
    "n3": lambda r: str(10 + int(r.random() * 290)),
}


@cache
def _fields(template: str) -> tuple[str, ...]:
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _fill(rng: random.Random, template: str, **known: str) -> str:
    """Only the placeholders a sentence uses cost random draws (this is the hot loop)."""
    fields = _fields(template)
    if not fields:
        return template
    return template.format(**{f: known[f] if f in known else _MAKERS[f](rng) for f in fields})


def _paragraphs(rng: random.Random, pool: list[str], count: tuple[int, int], **known: str) -> tuple[str, ...]:
    out = []
    for _ in range(rng.randrange(*count)):
        sentences = rng.sample(pool, rng.randrange(2, 5))
        out.append("".join(_fill(rng, s, **known) for s in sentences))
    return tuple(out)


@lru_cache(maxsize=4096)
def build(spec: ColumnSpec, i: int, version: int = 0, text: bool = True) -> Article:
    """text=False skips the body (the expensive part); every other field is identical."""
    ident = identity(spec, i)
    long = 2 if i % 6 == 1 else 1  # some replies are as long as seed 003
    rng = _rng(spec, i, "id")  # same stream as identity: replay the choices it made
    body_rng = _rng(spec, i, f"body{version}")
    if ident.kind == "news":
        topic, _ = rng.choice(corpus.NX_TOPICS)
        who = rng.choice(corpus.NX_PROPOSERS)
        dept = body_rng.choice(corpus.NX_DEPARTMENTS)
        known = {"topic": topic, "who": who, "dept": dept, "name": _name(body_rng),
                 "year": str(ident.published_at.year)}
        paras: tuple[str, ...] = ()
        if text:  # lead (who proposed, who answered), a body with subheads, an outlook
            lead = "".join(_fill(body_rng, corpus.NX_SENTENCES[n], **known) for n in (0, 1, 2, 5))
            middle = _paragraphs(body_rng, corpus.NX_SENTENCES[3:14], (6 * long, 20 * long), **known)
            heads = iter(body_rng.sample(corpus.NX_SUBHEADS, 3))
            middle = tuple(p if n % 4 != 1 else next(heads, p) for n, p in enumerate(middle))
            outlook = _fill(body_rng, corpus.NX_SENTENCES[14], **known) + _fill(body_rng, corpus.NX_SENTENCES[15])
            paras = (lead, *middle, outlook)
        return Article(
            ident=ident,
            version=version,
            source_name=_rng(spec, i, "src").choice(corpus.NX_SOURCES),
            paragraphs=paras,
            reporter=_rng(spec, i, "rep").choice(corpus.NX_REPORTERS),
            editor=_rng(spec, i, "rep").choice(corpus.NX_EDITORS),
        )
    meta_rng = _rng(spec, i, "meta")
    bureau, org, phone = meta_rng.choice(corpus.SZ_BUREAUS)
    if spec.key == "kjj":
        bureau, org, phone = corpus.SZ_BUREAUS[0]
    field_name = corpus.SZ_FIELDS[[b[0] for b in corpus.SZ_BUREAUS].index(bureau)]
    colon = "：" if i % 4 == 3 else ":"
    when = ident.published_at
    seq = meta_rng.randrange(1, 200)
    index_no = f"{org}/{when:%Y%m}-{seq:05d}"
    attachments: tuple[Attachment, ...] = ()
    if spec.key == "kjj" and i % 5 == 0:
        stem = ident.title if len(ident.title) < 30 else ident.title[:30]
        attachments = (
            Attachment(f"{stem}.pdf", f"/group1/M00/00/{i}.pdf"),
            Attachment(f"{stem}（附表）.docx", f"/group1/M00/00/{i}.docx"),
        )
    if ident.kind == "disclosure":
        category = next(c for t, c in corpus.KJJ_NOTICES if t.format(year=when.year) == ident.title)
        paras = _paragraphs(body_rng, corpus.KJJ_SENTENCES, (5 * long, 14 * long)) if text else ()
        header = _header(index_no, category, bureau, when, ident.title)
        return Article(
            ident=ident, version=version, source_name=bureau, paragraphs=paras,
            page_editor=f"宿州信息公开{meta_rng.randrange(1, 30):03d}", header=header,
            attachments=attachments, colon=colon,
        )
    kind_word = "提案" if ident.kind == "proposal" else "建议"
    role = "委员" if ident.kind == "proposal" else "代表"
    category = "政协委员提案办理" if ident.kind == "proposal" else "人大代表建议办理"
    proposal_no = ident.title.split("第")[1].split("号")[0]
    proposer = _name(meta_rng)
    ptitle = meta_rng.choice(corpus.SZ_PROPOSAL_TITLES)
    reply_class = meta_rng.choices("ABC", weights=(3, 5, 2))[0]
    known = {"kind": kind_word, "field": field_name, "ptitle": ptitle}
    body: list[str] = []
    heads = corpus.SZ_SECTION_HEADS[: body_rng.randrange(0, 4)] if text else []
    for head in heads or ([None] if text else []):
        if head:
            body.append(head)
        body.extend(_paragraphs(body_rng, corpus.SZ_SENTENCES, (3 * long, 8 * long), **known))
    return Article(
        ident=ident,
        version=version,
        source_name=bureau,
        paragraphs=tuple(body),
        salutation=f"尊敬的{proposer}{role}：",
        opening=_fill(body_rng, body_rng.choice(corpus.SZ_OPENINGS), **known) if text else None,
        closing=_fill(body_rng, body_rng.choice(corpus.SZ_CLOSINGS), **known) if text else None,
        session=_session(when.year),
        proposal_no=proposal_no,
        proposer=proposer,
        proposal_title=ptitle,
        reply_class=reply_class,
        contact_unit=bureau,
        contact_phone=phone,
        page_editor=f"宿州信息公开{meta_rng.randrange(1, 30):03d}",
        header=_header(index_no, category, bureau, when, ident.title),
        attachments=attachments,
        colon=colon,
    )


def _header(index_no: str, category: str, issuer: str, when: datetime, title: str) -> tuple[tuple[str, str], ...]:
    return (
        ("索引号", index_no),
        ("信息分类", category),
        ("发布机构", issuer),
        ("成文日期", f"{when:%Y-%m-%d}"),
        ("发布日期", f"{when:%Y-%m-%d %H:%M}"),
        ("文号", ""),
        ("有效性", "有效"),
        ("生效时间", ""),
        ("废止时间", "暂无"),
        ("名称", title),
        ("政策咨询机关", "暂无"),
        ("政策咨询电话", "暂无"),
    )
