"""Layer 2: the disclosure header (政府信息公开 "索引" block), wherever and however laid out.

Sites print the same label/value pairs as `table` (th/td or td/td, one or two pairs a
row), `dl/dt/dd`, `ul/li/span`, or plain "label：value" text; labels are spaced out or
split across elements and use `:` or `：`. The reader first looks for a structure that
holds several known labels, then falls back to the page text. Every label goes into
`metadata` as printed; known ones are mapped to their contract columns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from parsers.dates import parse_date, parse_datetime
from parsers.tags import tag_id
from parsers.text import clean_inline, normalize_label, squash
from parsers.tree_walks import Tags, select

# label (normalized) -> contract column; the first spelling of each column is the contract's.
LABEL_COLUMNS: dict[str, str] = {
    "索引号": "index_no",
    "索引": "index_no",
    "信息索引号": "index_no",
    "信息分类": "info_category",
    "分类": "info_category",
    "发布机构": "issuer",
    "发布单位": "issuer",
    "公开主体": "issuer",
    "成文日期": "written_date",
    "成文时间": "written_date",
    "发文日期": "written_date",
    "印发日期": "written_date",
    "发布日期": "publish_date",
    "发布时间": "publish_date",
    "公开日期": "publish_date",
    "公开时间": "publish_date",
    "文号": "doc_no",
    "发文字号": "doc_no",
    "文件编号": "doc_no",
    "发文文号": "doc_no",
    "有效性": "validity",
    "时效": "validity",
    "效力状态": "validity",
    "是否有效": "validity",
    "有效状态": "validity",
    "生效时间": "effective_date",
    "生效日期": "effective_date",
    "实施日期": "effective_date",
    "施行日期": "effective_date",
    "废止时间": "expiry_date",
    "废止日期": "expiry_date",
    "失效时间": "expiry_date",
    "失效日期": "expiry_date",
    "名称": "doc_name",
    "标题": "doc_name",
    "文件名称": "doc_name",
    "信息名称": "doc_name",
    "政策咨询机关": "consult_org",
    "咨询机关": "consult_org",
    "政策咨询电话": "consult_phone",
    "咨询电话": "consult_phone",
}
# Labels that only ever occur in disclosure headers, known but without a column.
OTHER_LABELS = (
    "发文机关", "发文单位", "发文机构",  # who signed the document, not who published it
    "主题分类", "体裁分类", "组配分类", "服务对象分类", "公开方式", "公开范围", "公开形式",
    "公开时限", "主题词", "关键词", "关键字", "内容概述", "所属机构", "所属主题", "信息来源",
    "生成日期", "统一编号", "登记号", "主题", "体裁", "文种", "载体类型", "有效期",
)
KNOWN_LABELS: frozenset[str] = frozenset((*LABEL_COLUMNS, *OTHER_LABELS))
# Short labels are too common in prose to count as evidence of a header on their own.
_EVIDENCE = frozenset(label for label in KNOWN_LABELS if len(label) >= 3 or label in ("文号", "名称", "时效"))
DATE_COLUMNS = {"written_date", "effective_date", "expiry_date"}
DATETIME_COLUMNS = {"publish_date"}
PLACEHOLDERS = frozenset({"", "暂无", "无", "-", "--", "—", "——", "/", "空", "null", "none", "无信息"})
MAX_LABEL = 10  # characters in a normalized label
MAX_VALUE = 200  # a header value longer than this is running text, not a value

_ws = "[\\s\u00a0\u2000-\u200b\u3000]*"
_ws1 = _ws[:-1] + "+"
_KNOWN_RE = "|".join(
    _ws.join(re.escape(ch) for ch in label) for label in sorted(KNOWN_LABELS, key=len, reverse=True)
)
# A known label followed by a colon (labels split by spaces of any width allowed).
_KNOWN_COLON = re.compile(f"(?<![\u4e00-\u9fff])({_KNOWN_RE}){_ws}[:：]")
# Any short CJK label followed by a colon, used inside an already-found header.
_ANY_COLON = re.compile(
    f"(?:^|(?<=[\\s\u3000\u00a0]))([\u4e00-\u9fff]{{2,{MAX_LABEL}}}|[\u4e00-\u9fff](?:{_ws1}[\u4e00-\u9fff]){{1,5}}){_ws}[:：]"
)
_DIGIT = re.compile(r"\d")


@dataclass(slots=True)
class Header:
    """What the header says: labels as printed, the mapped columns, and where it sat."""

    metadata: dict[str, str] = field(default_factory=dict)
    columns: dict[str, Any] = field(default_factory=dict)
    nodes: list[LexborNode] = field(default_factory=list)
    layout: str | None = None


def is_placeholder(value: str | None) -> bool:
    return value is None or clean_inline(value).lower() in PLACEHOLDERS


_RANK = {label: i for i, label in enumerate(LABEL_COLUMNS)}


def map_columns(metadata: dict[str, str]) -> dict[str, Any]:
    """Known labels -> contract columns, placeholders as None, dates parsed.

    When several labels map to one column (发布机构 and 发文机关), the contract's own
    label wins, then the order of `LABEL_COLUMNS`.
    """
    columns: dict[str, Any] = {}
    for label, value in sorted(metadata.items(), key=lambda kv: _RANK.get(kv[0], 999)):
        column = LABEL_COLUMNS.get(label)
        if column is None or column in columns:
            continue
        if is_placeholder(value):
            columns.setdefault(column, None)
            continue
        if column in DATE_COLUMNS:
            columns[column] = parse_date(value)
        elif column in DATETIME_COLUMNS:
            columns[column] = parse_datetime(value)
        else:
            columns[column] = clean_inline(value)
    return columns


_EVIDENCE_RE = re.compile("|".join(sorted(_EVIDENCE, key=len, reverse=True)))


def _evidence(text: str) -> int:
    """How many distinct header labels the text prints (spacing inside labels ignored)."""
    return len(set(_EVIDENCE_RE.findall(squash(text))))


def _looks_like_label(text: str, strong: bool) -> bool:
    stripped = clean_inline(text)
    norm = normalize_label(stripped)
    if not norm or len(norm) > MAX_LABEL:
        return False
    if norm in KNOWN_LABELS:
        return True
    if stripped.endswith((":", "：")):
        return not _DIGIT.search(norm)
    return strong and not _DIGIT.search(norm)


def split_inline_pairs(text: str, *, any_label: bool = False) -> list[tuple[str, str]]:
    """'发布机构：宿州市科技局 成文日期：2023-06-20' -> [(发布机构, 宿州市科技局), (成文日期, 2023-06-20)]."""
    pattern = _ANY_COLON if any_label else _KNOWN_COLON
    matches = list(pattern.finditer(text))
    pairs = []
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(text)
        label = normalize_label(m.group(1))
        if not label:
            continue
        pairs.append((label, clean_inline(text[m.end() : end])))
    return pairs


def pair_cells(cells: list[tuple[str, bool]]) -> list[tuple[str, str]]:
    """Pair label cells with the value cell after them; a cell may also hold 'label：value'."""
    cells = _merge_split_labels(cells)
    pairs: list[tuple[str, str]] = []
    i = 0
    while i < len(cells):
        text, strong = cells[i]
        if _looks_like_label(text, strong):
            label = normalize_label(text)
            value = ""
            if i + 1 < len(cells) and not _looks_like_label(*cells[i + 1]):
                value = clean_inline(cells[i + 1][0])
                i += 1
            pairs.append((label, value))
        elif len(text) <= MAX_VALUE:
            inline = split_inline_pairs(text, any_label=True)
            if inline and (
                any(lbl in KNOWN_LABELS for lbl, _ in inline) or clean_inline(text).startswith(inline[0][0][:1])
            ):
                pairs.extend(inline)
        i += 1
    return pairs


def _merge_split_labels(cells: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    """Join cells that only together spell a known label (`索引` + `号:` -> `索引号:`)."""
    norms = [normalize_label(text) if len(text) <= 12 else "" for text, _ in cells]
    short = [0 < len(n) <= 4 for n in norms]
    if sum(short) < 2:
        return cells
    out: list[tuple[str, bool]] = []
    i = 0
    while i < len(cells):
        for span in (3, 2):
            if i + span <= len(cells) and all(short[i : i + span]):
                joined = "".join(norms[i : i + span])
                if joined in KNOWN_LABELS and norms[i] != joined:
                    parts = cells[i : i + span]
                    out.append(("".join(t for t, _ in parts), any(st for _, st in parts)))
                    i += span
                    break
        else:
            out.append(cells[i])
            i += 1
    return out


def _dl_pairs(dl: LexborNode) -> list[tuple[str, str]]:
    cells = []
    for child in select(dl, _DL_CELLS):
        cells.append((child.text(separator=""), child.tag == "dt"))
    return pair_cells(cells)


def _list_pairs(lst: LexborNode) -> list[tuple[str, str]]:
    pairs = []
    for li in select(lst, _ITEMS):
        parts = [c for c in li.iter() if c.is_element_node]
        if len(parts) >= 2:
            cells = [(c.text(separator=""), c.tag in ("b", "strong", "label", "em")) for c in parts]
            covered = "".join(t for t, _ in cells)
            if squash(covered) == squash(li.text(separator="")):
                pairs.extend(pair_cells(cells))
                continue
        pairs.extend(pair_cells([(li.text(separator=" "), False)]))
    return pairs


def _coverage(pairs: list[tuple[str, str]], text: str) -> float:
    """Share of the element's text that the pairs account for.

    A header is nothing but labels and values; a layout table that merely contains a
    `发布日期：` line next to the article body is not a header.
    """
    flat = len(squash(text)) or 1
    covered = sum(len(label) + len(squash(value)) for label, value in pairs if len(value) <= MAX_VALUE)
    return min(1.0, covered / flat)


def _trim(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Pairs from the first to the last known label: unknown 'X：' around them is prose."""
    known = [i for i, (label, _) in enumerate(pairs) if label in KNOWN_LABELS]
    return pairs[known[0] : known[-1] + 1] if known else []


def _score(pairs: list[tuple[str, str]]) -> int:
    return len({label for label, _ in pairs if label in KNOWN_LABELS})


# Words at least one of which every header prints unspaced (4-character labels are not
# letter-spaced); a substring test on them skips navigation lists cheaply.
# (most common on pages first: the two-word check stops at the second it finds)
QUICK_WORDS = ("时间", "日期", "索引", "机构", "分类", "文号", "字号", "有效", "机关", "名称")
_QUICK_RE = re.compile("|".join(QUICK_WORDS))  # one scan instead of ten substring tests


_DL_CELLS = Tags("dt, dd")
_ITEMS = Tags("li")
_STRUCTURES = Tags("table, dl, ul, ol")
_ROWS = Tags("tr")
_CELLS = Tags("th, td")
_GRID_BOXES = Tags("div, section, form, article")
_TEXT_BOXES = Tags("div, p, section, td, font, span, form")
_LINE_BOXES = Tags("p, div, li, tr, dd, dt, span, font, td, section")

REMOVE_WHOLE = 0.85  # an element is removed whole only when the pairs are nearly all it says


def _structured(tree: LexborHTMLParser) -> Header | None:
    best: tuple[int, list[tuple[str, str]], list[LexborNode], str] | None = None
    nodes = select(tree, _STRUCTURES)
    outer = _tables_holding_tables(nodes)
    for node in nodes:
        if node.tag_id == _TABLE and node.mem_id in outer:
            continue  # a layout table: its inner tables are judged on their own
        text = node.text(separator="")
        if _QUICK_RE.search(text) is None or _evidence(text[:20000]) < 2:
            continue
        if node.tag == "table":
            found, layout = _table_header(node, text), "table"
        elif len(text) > 5000:
            continue
        else:
            pairs = _trim(_dl_pairs(node) if node.tag == "dl" else _list_pairs(node))
            layout = "dl" if node.tag == "dl" else "list"
            found = None
            if _score(pairs) >= 2 and _coverage(pairs, text) >= 0.6:
                found = (pairs, _nodes_for(node, pairs, text))
        if found is not None and (best is None or _score(found[0]) > best[0]):
            best = (_score(found[0]), found[0], found[1], layout)
    if best is None:
        return None
    _, pairs, nodes, layout = best
    return _header(pairs, nodes, layout)


_TABLE = tag_id("table")


def _tables_holding_tables(nodes: list[LexborNode]) -> set[int]:
    """Ids of the tables among `nodes` that hold another table.

    Each table marks its nearest table ancestor, so no table's subtree is searched
    (a layout page nests tables a dozen deep).
    """
    outer: set[int] = set()
    for node in nodes:
        if node.tag_id != _TABLE:
            continue
        parent = node.parent
        while parent is not None:
            if parent.tag_id == _TABLE:
                outer.add(parent.mem_id)
                break
            parent = parent.parent
    return outer


def _table_header(
    table: LexborNode, text: str
) -> tuple[list[tuple[str, str]], list[LexborNode]] | None:
    """A header table, or the header rows of a table that also holds the article."""
    rows = []
    for row in select(table, _ROWS):
        cells = [(c.text(separator=""), c.tag == "th") for c in select(row, _CELLS)]
        rows.append((row, pair_cells(cells)))
    pairs = _trim([p for _, found in rows for p in found])
    if _score(pairs) < 2:
        return None
    if _coverage(pairs, text) >= REMOVE_WHOLE:
        return pairs, [table]
    header_rows = [(row, found) for row, found in rows if found and _coverage(found, row.text()) >= 0.8]
    pairs = _trim([p for _, found in header_rows for p in found])
    if _score(pairs) < 3:
        return None
    return pairs, [row for row, _ in header_rows]


def _nodes_for(node: LexborNode, pairs: list[tuple[str, str]], text: str) -> list[LexborNode]:
    """What to remove from the page: the element, or just its label lines when it holds more."""
    return [node] if _coverage(pairs, text) >= REMOVE_WHOLE else _label_lines(node)


_LABEL_TAGS = frozenset({"th", "dt", "label", "b", "strong"})


def leaf_cells(root: LexborNode, limit: int = 400) -> list[tuple[str, bool]]:
    """Text cells of a block-built header, in page order.

    A cell is an element without element children, or one that mixes its own text with
    inline children (`<span>索<i>引</i>号</span>`, one label split across elements).
    Iterative, so nesting depth costs nothing.
    """
    out: list[tuple[str, bool]] = []
    stack = [c for c in root.iter()][::-1]
    while stack and len(out) < limit:
        node = stack.pop()
        kids = [c for c in node.iter()]
        if not kids or clean_inline(node.text(deep=False)):
            text = node.text(separator="")
            if clean_inline(text):
                out.append((text, node.tag in _LABEL_TAGS))
        else:
            stack.extend(reversed(kids))
    return out


def _div_grid(tree: LexborHTMLParser) -> Header | None:
    """Headers built from div/span/label blocks: the smallest block holding the labels."""
    best: tuple[int, int, list[tuple[str, str]], LexborNode] | None = None
    for node in select(tree, _GRID_BOXES):
        text = node.text(separator="")
        if len(text) > 3000 or _QUICK_RE.search(text) is None or _evidence(text) < 3:
            continue
        pairs = _trim(pair_cells(leaf_cells(node)))
        score = _score(pairs)
        if score < 3 or _coverage(pairs, text) < 0.6:
            continue
        key = (score, -len(text))
        if best is None or key > (best[0], best[1]):
            best = (score, -len(text), pairs, node)
    if best is None:
        return None
    node = best[3]
    return _header(best[2], _nodes_for(node, best[2], node.text(separator="")), "blocks")


def _header(pairs: list[tuple[str, str]], nodes: list[LexborNode], layout: str) -> Header:
    metadata: dict[str, str] = {}
    for label, value in pairs:
        if label not in metadata or (not metadata[label] and value):
            metadata[label] = value
    return Header(metadata, map_columns(metadata), nodes, layout)


def _text_fallback(tree: LexborHTMLParser) -> Header | None:
    """'label：value' lines in the smallest element holding three known labels.

    Only the run of lines from the first to the last line with a known label is read
    (a salutation `尊敬的X委员：` below is not a label). When that element also holds
    other text, only the lines' own elements are reported for removal.
    """
    candidates = []
    for node in select(tree, _TEXT_BOXES):
        text = node.text(separator="\n")
        if len(text) > 3000 or text.count("：") + text.count(":") < 3 or _evidence(text) < 3:
            continue
        candidates.append((len(text), node, text))
    if not candidates:
        return None
    candidates.sort(key=lambda c: c[0])
    _, node, text = candidates[0]
    lines: list[tuple[list[tuple[str, str]], bool]] = []
    for raw in text.split("\n"):
        line = clean_inline(raw)
        if not line:
            continue
        found = split_inline_pairs(line, any_label=True) if len(line) <= MAX_VALUE else []
        if found:
            lines.append((found, any(label in KNOWN_LABELS for label, _ in found)))
        elif lines and lines[-1][0] and not lines[-1][0][-1][1]:
            label, _ = lines[-1][0][-1]
            lines[-1][0][-1] = (label, line)  # value in its own element after 'label：'
        else:
            lines.append(([], False))
    known = [i for i, (_, is_known) in enumerate(lines) if is_known]
    if not known:
        return None
    pairs = [pair for found, _ in lines[known[0] : known[-1] + 1] for pair in found]
    if _score(pairs) < 3:
        return None
    return _header(pairs, _nodes_for(node, pairs, text), "text")


def _label_lines(container: LexborNode) -> list[LexborNode]:
    """The outermost short elements inside `container` that print a known 'label：'."""
    chosen: list[LexborNode] = []
    ids: set[int] = set()
    own = container.mem_id
    for node in select(container, _LINE_BOXES):
        if node.mem_id == own or _inside(node, ids, own):
            continue
        text = node.text(separator="")
        if len(text) <= 300 and (_KNOWN_COLON.search(text) or _starts_with_label(text)):
            chosen.append(node)
            ids.add(node.mem_id)
    return chosen


def _starts_with_label(text: str) -> bool:
    head = normalize_label(text[:24])
    return any(head.startswith(label) for label in _EVIDENCE)


def _inside(node: LexborNode, ids: set[int], stop: int) -> bool:
    current = node.parent
    while current is not None and current.mem_id != stop:
        if current.mem_id in ids:
            return True
        current = current.parent
    return False


def _has_two(text: str, words: tuple[str, ...]) -> bool:
    """Whether `text` prints at least two of `words` (stops scanning at the second)."""
    found = 0
    for word in words:
        if word in text:
            found += 1
            if found == 2:
                return True
    return False


def read_header(
    tree: LexborHTMLParser, page_text: str | None = None, words: frozenset[str] | None = None
) -> Header:
    """The page's disclosure header, or an empty `Header` when it has none.

    Cheap page-level checks first (label words anywhere?), then structures in order
    of how unambiguous they are: table/dl/list, div/span grids, "label：value" text.
    """
    if tree.body is None:
        return Header()
    text = page_text if page_text is not None else tree.body.text(separator="\n")
    # `words`: which page words `text` prints (`text.words_present` over at least
    # QUICK_WORDS), when the caller has looked them up for several layers at once.
    quick = sum(word in words for word in QUICK_WORDS) >= 2 if words is not None else _has_two(text, QUICK_WORDS)
    if not quick:
        return Header()  # not even two label words anywhere: no header to find
    found = _structured(tree)
    if found is None and _evidence(text) >= 3:
        found = _div_grid(tree) or _text_fallback(tree)
    return found or Header()
