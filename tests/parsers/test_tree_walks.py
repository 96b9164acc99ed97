"""The C walks over lexbor's tree (`parsers/_treewalk.c`) answer as the selectolax code they
replace: the same nodes as `css()`, the same scorer inputs, link groups and block text, and
the same documents from `parse` as a process that cannot import the extension.

Pages: every HTML page under `tests/` (replica golden pages, parser fixtures) and small
pages written here for the edges (quirks-mode class words, invalid UTF-8, deep nesting).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from parsers import parse
from parsers.content import _PARAGRAPH_TAGS, _PUNCT, _scores, _scores_in_c
from parsers.decode import decode
from parsers.listing_page import (
    _ITEMS,
    MIN_DATED_LINKS,
    _link_groups,
    _link_groups_in_c,
    prints_date,
)
from parsers.text import (
    _BLOCKS,
    _BREAKS,
    _CELL,
    _CELLS,
    _PARA,
    _marked_text,
    clean_inline,
    clean_text,
)
from parsers.tree_walks import (
    FAST,
    Tags,
    block_text_raw,
    link_groups,
    link_text_chars,
    link_texts,
    nests_deeper_than,
    scoring_inputs,
    select,
    select_css,
    select_css_first,
    select_first,
    text_chars,
    with_text,
)

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(p for p in (ROOT / "tests").rglob("*.html"))
# Every kind of list the layers search for, and the adapters' own selectors.
SELECTORS = [
    "p, div, li, ul, ol, dl, span, td, tr, table, a, font, strong, b, center, section, h1, h2",
    "nav, aside, footer, header",
    "a[href]",
    "a",
    "img",
    "th, td",
    "title",
    'script, style, noscript, [style*="display:none"], [style*="display: none"], time, base',
    "h1, h2, h3, .title, .Title, [class*=title], [id*=title], [class*=biaoti], td.title, strong, font, b",
    "h1, h2, [class*=title], [class*=biaoti], [class*=tit]",
    ".TRS_Editor, .TRS_UEDITOR, .trs_editor_view, [id^=trs_]",
    "div.div_table_suoyin, table.table_suoyin, div.j-fontContent",
    "h1.newstitle, div.newstitle, #content, td#main",
]
QUIRKS = """<html><body><p class="Title x">a</p><div class="TITLE">b</div><span id="Main">c</span>
<td class="title">d</td><a href="x" class="subTitle">e</a></body></html>"""

NOT_BUILT = "parsers._treewalk is not built (no C compiler at install): every search runs through css()"


def _trees() -> list[tuple[str, LexborHTMLParser]]:
    trees = [(p.name, LexborHTMLParser(decode(p.read_bytes()).text)) for p in PAGES]
    return [*trees, ("quirks", LexborHTMLParser(QUIRKS)), ("standards", LexborHTMLParser("<!doctype html>" + QUIRKS))]


def _once(nodes) -> list[int]:
    """Node ids in order, each once (a comma list returns an element once per selector it matches)."""
    seen: dict[int, None] = {}
    for node in nodes:
        seen.setdefault(node.mem_id, None)
    return list(seen)


def test_the_extension_is_built_where_the_tests_run() -> None:
    if not FAST and not os.environ.get("CI"):
        pytest.skip(NOT_BUILT)
    assert FAST, NOT_BUILT  # `make` builds it (setup.py); CI must test the C walks


needs_c = pytest.mark.skipif(not FAST, reason=NOT_BUILT)


@needs_c
@pytest.mark.parametrize("selector", SELECTORS)
def test_select_finds_what_css_finds_on_every_test_page(selector: str) -> None:
    tags = Tags(selector)
    for name, tree in _trees():
        for root in (tree.root, tree.body):
            assert [n.mem_id for n in select(root, tags)] == _once(root.css(selector)), (name, selector)
            first = root.css_first(selector)
            found = select_first(root, tags)
            assert (found.mem_id if found else None) == (first.mem_id if first else None), (name, selector)
        assert [n.mem_id for n in select(tree, tags)] == _once(tree.css(selector)), (name, selector)


@needs_c
def test_nonempty_boxes_are_those_with_more_than_comments() -> None:
    tree = LexborHTMLParser("<div></div><div><!-- c --></div><div> </div><div><b></b></div><span>x</span>")
    tags = Tags("p", nonempty="div, span")
    assert tags.css == "p, :is(div, span):not(:empty)"
    assert [n.mem_id for n in select(tree.body, tags)] == [n.mem_id for n in tree.body.css(tags.css)]
    assert len(select(tree.body, tags)) == 3


@needs_c
def test_what_the_c_walk_cannot_read_goes_to_css() -> None:
    for selector in ("div > p", "p:first-child", "[data-x]", "a[name]", "[class=title]", "p, .a.b"):
        assert Tags.compile(selector) is None, selector
        with pytest.raises(ValueError):
            Tags(selector)
    tree = LexborHTMLParser("<div><p data-x='1'>a</p><p>b</p></div>")
    for selector in ("div > p", "[data-x]", "p:first-child"):
        assert [n.mem_id for n in select_css(tree, selector)] == [n.mem_id for n in tree.css(selector)]
        assert select_css_first(tree, selector).mem_id == tree.css_first(selector).mem_id


@needs_c
@pytest.mark.parametrize("depth", [148, 149, 150, 151])
def test_the_nesting_guard_agrees_with_its_selector(depth: int) -> None:
    tree = LexborHTMLParser("<div>" * depth + "x" + "</div>" * depth)
    chain = " > ".join(["*"] * 149 + ["*:first-child"])  # an element 150 deep, html counted
    assert nests_deeper_than(tree.root, 149) is (tree.css_first(chain) is not None)
    assert nests_deeper_than(tree.root, 149) is (depth + 2 >= 150)  # html, body, then the divs


@needs_c
def test_scoring_inputs_measure_the_cleaned_text() -> None:
    texts = [
        "短",  # too short
        "　　第一条　为了规范管理，制定本办法。",  # full-width indent and space
        "a\u200bb\u200bc\ufeffd e f g h",  # zero-width characters are dropped, not spaces
        "\u00a0\u00a0一二三四五六七八\u00a0\u00a0",
        "words, words. words; words! words?",
    ]
    html = "".join(f"<div><p>{t}</p></div>" for t in texts)
    tree = LexborHTMLParser(html.encode())
    paragraphs, _boxes = scoring_inputs(tree.body, Tags(", ".join(_PARAGRAPH_TAGS)), Tags("div"), 8)
    expected = [(len(clean_inline(t)), len(_PUNCT.findall(t))) for t in texts if len(clean_inline(t)) >= 8]
    assert [(length, punct) for length, punct, _p, _g in paragraphs] == expected


@needs_c
def test_scoring_inputs_of_bytes_that_are_not_utf8_count_as_decoded() -> None:
    # lexbor keeps undecodable bytes as they are; selectolax's text() shows them as U+FFFD
    tree = LexborHTMLParser(b"<p>\xff\xfe\xfd\xfc\xfb\xfa abc, def.</p>")
    paragraph = tree.css_first("p")
    (length, punct, _p, _g), = scoring_inputs(tree.body, Tags("p"), Tags("div"), 8)[0]
    assert (length, punct) == (len(clean_inline(paragraph.text())), len(_PUNCT.findall(paragraph.text())))


@needs_c
def test_text_counts_match_the_listing_checks_on_every_page() -> None:
    def chars(node) -> int:  # listing_page._text_len, the selectolax way
        return len("".join(node.text(separator="", strip=True).split()))

    pages = [*_trees(), ("not utf-8", LexborHTMLParser(b"<ul><li><a href=x>\xff\xfe ab</a></li></ul><p>\xe6\x9c c</p>"))]
    for name, tree in pages:
        body = tree.body
        if body is None:
            continue
        assert text_chars(body) == chars(body), name
        for block in select(body, Tags("ul, table, div"))[:20]:
            inside = {a.mem_id for a in block.css("a")} - {block.mem_id}
            expected = sum(chars(a) for a in body.css("a") if a.mem_id not in inside)
            assert link_text_chars(body, block) == expected, name


@needs_c
def test_clean_text_is_clean_inline_of_the_text_or_says_it_is_longer() -> None:
    zero_width = "<p>a\u200bb \u200b c" + "\u200b" * 30 + "\ufeffd</p><p>\u3000 x\xa0y \n</p>"
    pages = [*_trees(), ("zero-width", LexborHTMLParser(zero_width)),
             ("not utf-8", LexborHTMLParser(b"<div><p>\xff\xfe " + "字".encode() * 50 + b"</p></div>"))]  # fmt: skip
    said_longer = 0
    for name, tree in pages:
        for node in select(tree, Tags("p, div, td, li, span, h1, body")):
            for separator in ("", " ", "\n"):
                cleaned = clean_inline(node.text(separator=separator))
                for limit in (0, 5, 40, 200, 10**9):
                    found = clean_text(node, separator, limit)
                    if found is None:
                        said_longer += 1
                        assert len(cleaned) > limit, (name, limit)
                    else:
                        assert found == cleaned, (name, separator, limit)
    assert said_longer > 1000
    assert clean_text(pages[-1][1].css_first("p"), "", 5) == clean_inline(pages[-1][1].css_first("p").text())


@needs_c
def test_link_texts_read_what_the_link_density_reads_on_every_page() -> None:
    def chars(node) -> int:
        return len("".join(node.text(separator="").split()))

    pages = [*_trees(), ("not utf-8", LexborHTMLParser(b"<div><a href='a\xff.pdf'>\xe6\x9c x</a><a>y</a><a href>z</a></div>"))]
    for name, tree in pages:
        for node in select(tree, Tags("div, td, body"))[:30]:
            total, links = link_texts(node, with_total=True)
            assert total == chars(node), name
            assert links == [(a.attributes.get("href"), chars(a)) for a in node.css("a")], name
            assert link_texts(node, with_total=False)[0] is None


@needs_c
def test_text_probes_find_what_lexbor_contains_finds_on_every_test_page() -> None:
    words = ("来源", "时间", "日期", "作者", "编辑", "浏览", "点击", "关于")
    for name, tree in _trees():
        body = tree.body
        if body is None:
            continue
        several = ", ".join(f'body :lexbor-contains("{w}")' for w in words)  # once per word held
        assert [n.mem_id for n in with_text(body, words, include_self=False, per_probe=True)] == [
            n.mem_id for n in tree.css(several)
        ], name
        for word in words[:3]:
            assert [n.mem_id for n in with_text(body, (word,), include_self=True, per_probe=False)] == [
                n.mem_id for n in body.css(f':lexbor-contains("{word}")')
            ], name


@needs_c
@pytest.mark.parametrize(
    "html",
    [
        "<li>2023-06-20</li>",
        "<li>发布于2023年6月20日</li>",  # 年 and 月, one digit
        "<li>23.06.2</li>",
        "<li>2023-06-</li><li>20</li>",  # split across text nodes: the separator breaks it
        "<li>12</li><li>-06-20</li>",
        "<li>１２-３４-５</li>",  # full-width digits are decimal digits too
        "<li>x2-3-4</li>",  # one digit before the separator
        "<li>2023/6/2</li>",
        "<li>no date here 20 23</li>",
    ],
)
def test_a_blocks_printed_date_is_found_as_the_listing_check_finds_it(html: str) -> None:
    links = "".join(f"<li><a href='/a{i}.html'>第{i}篇文章</a></li>" for i in range(5))
    for tail in (b"", b"<li>\xff\xfe 2023-06-20</li>"):  # and bytes that are not UTF-8
        body = LexborHTMLParser(f"<ul>{links}{html}".encode() + tail + b"</ul>").body
        ul = body.css_first("ul")
        found = link_groups(body, _ITEMS, MIN_DATED_LINKS, dated_only=True)
        assert (ul.mem_id in found) is prints_date(ul.text(separator=" ")), (html, tail)
        assert list(found) in ([], [ul.mem_id])


@needs_c
def test_scores_link_groups_and_block_text_match_the_selectolax_code_on_every_page() -> None:
    for name, tree in _trees():
        body = tree.body
        if body is None:
            continue
        fast = {key: score for key, score in _scores_in_c(body)}
        slow = {node.mem_id: score for node, score in _scores(body)}
        assert list(fast.items()) == list(slow.items()), name  # same candidates, scores and order
        groups, node = _link_groups_in_c(body)
        expected, expected_node = _link_groups(body)  # every block; C: those printing a date
        expected = {k: v for k, v in expected.items() if prints_date(expected_node(k).text(separator=" "))}
        assert groups == expected, name
        for key in groups:
            assert node(key).mem_id == expected_node(key).mem_id
        marked = block_text_raw(body, _BLOCKS, _CELLS, _BREAKS, _PARA, _CELL)
        assert marked == _marked_text(body), name  # (this one writes the marks into the tree)


_PURE = """
import json, sys
sys.modules["parsers._treewalk"] = None  # the extension cannot be imported: selectolax code only
sys.modules["parsers._textscan"] = None  # and UTF-8 is checked by decoding, words by regex
from parsers import parse
from parsers.tree_walks import FAST
assert not FAST
out = {}
for path in sys.argv[1:]:
    out[path] = parse(open(path, "rb").read(), "http://www.example.gov.cn/art/2023/6/20/art_1_1.html").to_dict(json_safe=True)
print(json.dumps(out, ensure_ascii=False, sort_keys=True))
"""


@needs_c
def test_parse_gives_the_same_documents_without_the_extension() -> None:
    paths = [str(p) for p in PAGES]
    done = subprocess.run([sys.executable, "-c", _PURE, *paths], capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    pure = json.loads(done.stdout)
    for path in paths:
        doc = parse(Path(path).read_bytes(), "http://www.example.gov.cn/art/2023/6/20/art_1_1.html")
        assert json.loads(json.dumps(doc.to_dict(json_safe=True), ensure_ascii=False, sort_keys=True)) == pure[path], path
